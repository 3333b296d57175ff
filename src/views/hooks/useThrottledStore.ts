import { useEffect, useRef, useState } from 'react';
import { msUntilInputRests } from '../../state/inputActivity';
import { useDescent } from '../../state/store';
import type { DescentState } from '../../state/store';

/**
 * A slice of the store for a costly panel (the formula panel's KaTeX): it changes at most once
 * per `intervalMs`, the latest value always lands, and the component does not re-render on the
 * changes in between (it subscribes outside React, so playback's 60 cursor moves a second cost
 * it nothing). The one throttle between the store and the panel.
 *
 * While a slider is being dragged nothing lands: the latest value does once the hand rests.
 * A change lands just after a frame has been drawn (an animation frame, then a task): a timer
 * firing late in a frame would push the costly update into that frame's budget and drop it,
 * while right after a frame it has nearly a whole frame's time before the next one is due.
 */
export function useThrottledStore<T>(
  select: (state: DescentState) => T,
  equal: (a: T, b: T) => boolean,
  intervalMs: number,
): T {
  const [shown, setShown] = useState(() => select(useDescent.getState()));
  const shownRef = useRef(shown);
  // The selector and equality of the first render are used throughout (pass stable functions).
  const fns = useRef({ select, equal });
  useEffect(() => {
    const { select, equal } = fns.current;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    let task: ReturnType<typeof setTimeout> | undefined;
    const land = (): void => {
      // Not while a slider is being dragged: the map has the frames (see inputActivity.ts).
      const rest = msUntilInputRests();
      if (rest > 0) {
        task = setTimeout(land, rest);
        return;
      }
      task = undefined;
      last = performance.now();
      const next = select(useDescent.getState());
      if (equal(next, shownRef.current)) return;
      shownRef.current = next;
      setShown(next);
    };
    const schedule = (): void => {
      if (timer !== undefined || frame !== undefined || task !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          if (typeof requestAnimationFrame !== 'function') return land();
          frame = requestAnimationFrame(() => {
            frame = undefined;
            task = setTimeout(land, 0);
          });
        },
        Math.max(0, last + intervalMs - performance.now()),
      );
    };
    const unsubscribe = useDescent.subscribe(select, schedule, { equalityFn: equal });
    // A change between the first render and this subscription is not missed.
    if (!equal(select(useDescent.getState()), shownRef.current)) schedule();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (task !== undefined) clearTimeout(task);
    };
  }, [intervalMs]);
  return shown;
}
