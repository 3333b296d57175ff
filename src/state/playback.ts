/**
 * The playback clock: while playing, advances the cursor at `speed` steps per second on animation
 * frames. It only moves a number in the store; the canvas redraws itself from that.
 */
import { useDescent } from './store';

/** Starts the clock; returns a stop function. */
export function startPlayback(): () => void {
  let frame: number | undefined;
  let last = 0;
  let carry = 0;

  const tick = (now: number): void => {
    const state = useDescent.getState();
    if (!state.playing) {
      frame = undefined;
      return;
    }
    const dt = Math.min(0.25, (now - last) / 1000);
    last = now;
    carry += dt * state.speed;
    const whole = Math.floor(carry);
    if (whole > 0) {
      carry -= whole;
      const next = Math.min(state.scene.steps, state.cursor + whole);
      state.setCursor(next);
      if (next >= state.scene.steps) {
        state.setPlaying(false);
        frame = undefined;
        return;
      }
    }
    frame = requestAnimationFrame(tick);
  };

  const stop = useDescent.subscribe(
    (s) => s.playing,
    (playing) => {
      if (playing && frame === undefined) {
        last = performance.now();
        // Start with a step due, so pressing play moves at once.
        carry = 1;
        frame = requestAnimationFrame(tick);
      }
    },
  );
  return () => {
    stop();
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}
