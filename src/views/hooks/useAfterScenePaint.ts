/**
 * Secondary views that follow the scene (the surface's formula) without delaying the map: a value
 * reaches them only once the map has painted since it changed.
 */
import { useEffect, useState } from 'react';

const MARK = 'scene-painted';

/**
 * Calls `callback` once: a macrotask after the next `scene-painted` mark (so the painting task
 * ends first), or after `fallbackMs` when no mark comes (a scene that draws nothing, an
 * environment without PerformanceObserver). Returns a function that cancels the call.
 */
export function afterNextScenePaint(callback: () => void, fallbackMs: number): () => void {
  let pending = true;
  const run = (): void => {
    if (!pending) return;
    pending = false;
    callback();
  };
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(MARK).length === 0) return;
      observer?.disconnect();
      setTimeout(run, 0);
    });
    observer.observe({ type: 'mark' });
  } catch {
    // No observer for marks: the fallback below still calls back.
  }
  const timer = setTimeout(run, fallbackMs);
  return () => {
    pending = false;
    observer?.disconnect();
    clearTimeout(timer);
  };
}

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
