import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `ms` (the first change at once, the last one always
 * delivered). For panels whose DOM is costly to lay out (KaTeX), so a slider drag or playback
 * keeps the map at frame rate while the panel still follows within a few frames.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastRef = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = lastRef.current + ms - performance.now();
    const timer = setTimeout(
      () => {
        lastRef.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
