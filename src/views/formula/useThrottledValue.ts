import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs` (the latest value always lands). The
 * formula panel replays the run and typesets KaTeX for each cursor it shows, a few ms each;
 * during playback nobody reads numbers thirty times a second, so the panel follows at a calmer
 * pace and the frames stay free for the map and the charts.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastUpdate = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, lastUpdate.current + intervalMs - performance.now());
    const id = setTimeout(() => {
      lastUpdate.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(id);
  }, [value, shown, intervalMs]);
  return shown;
}
