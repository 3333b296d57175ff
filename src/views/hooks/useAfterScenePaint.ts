/**
 * Secondary views that follow the scene (the surface's formula) without delaying the map: a value
 * reaches them only once the map has painted since it changed.
 */
import { useEffect, useState } from 'react';
import { afterNextScenePaint } from './afterFirstPaint';

/**
 * `value` as of the map's last paint: a new value is returned from the render after the next
 * `scene-painted` mark (see afterNextScenePaint; `fallbackMs` without one). The first render
 * returns `value` itself; a value replaced before it was shown is never shown.
 */
export function useAfterScenePaint<T>(value: T, fallbackMs = 300): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return afterNextScenePaint(() => setShown(() => value), fallbackMs);
  }, [value, shown, fallbackMs]);
  return shown;
}
