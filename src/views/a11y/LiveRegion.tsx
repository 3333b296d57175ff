/**
 * A polite ARIA live region that tells a screen-reader user where the selected optimizer is: step,
 * loss and position. It speaks when the step or selection changes while paused (stepping with the
 * arrow keys, scrubbing) and once when playback stops, never on every frame of playback; bursts
 * (a held arrow key, a scrub drag) are collapsed into one message after they settle.
 */
import { useEffect, useState } from 'react';
import { useLocaleStore } from '../../i18n';
import { useDescent } from '../../state/store';
import { describePosition } from './announce';

/** Quiet time (ms) after the last change before the region speaks. */
export const ANNOUNCE_DELAY_MS = 350;

export function LiveRegion() {
  const [message, setMessage] = useState('');
  // A language switch rewrites the last message in the new language (nothing is said before the first).
  useEffect(
    () =>
      useLocaleStore.subscribe(() => {
        const s = useDescent.getState();
        setMessage((m) =>
          m === '' ? m : describePosition(s.scene, s.trajectories, s.selected, s.cursor),
        );
      }),
    [],
  );
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useDescent.subscribe(
      (s) => [s.cursor, s.selected, s.playing, s.trajectories] as const,
      ([, , playing]) => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (playing) return;
        timer = setTimeout(() => {
          timer = undefined;
          const s = useDescent.getState();
          if (s.playing || s.trajectoriesScene !== s.scene) return;
          setMessage(describePosition(s.scene, s.trajectories, s.selected, s.cursor));
        }, ANNOUNCE_DELAY_MS);
      },
      { equalityFn: (a, b) => a.every((v, i) => Object.is(v, b[i])) },
    );
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-region"
    >
      {message}
    </div>
  );
}
