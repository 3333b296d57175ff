import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs` (the latest value always lands). The
 * formula panel replays the run and typesets KaTeX for each cursor it shows, a few ms each plus
 * the layout of KaTeX's DOM; during playback nobody reads numbers thirty times a second, so the
 * panel follows at a calmer pace and the frames stay free for the map and the charts.
 *
 * The change lands just after a frame has been drawn (an animation frame, then a task): a
 * timer firing late in a frame would push that costly update into the frame's budget and drop
 * it, while right after a frame it has nearly a whole frame's time before the next one is due.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastUpdate = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, lastUpdate.current + intervalMs - performance.now());
    let frame: number | undefined;
    let task: ReturnType<typeof setTimeout> | undefined;
    const land = (): void => {
      lastUpdate.current = performance.now();
      setShown(value);
    };
    const timer = setTimeout(() => {
      if (typeof requestAnimationFrame !== 'function') return land();
      frame = requestAnimationFrame(() => {
        frame = undefined;
        task = setTimeout(land, 0);
      });
    }, wait);
    return () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (task !== undefined) clearTimeout(task);
    };
  }, [value, shown, intervalMs]);
  return shown;
}
