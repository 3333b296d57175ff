/**
 * While a slider is being dragged, the map follows every move and the explanatory panels (the
 * formula panel's numbers, the divergence note) wait for the hand to rest: their work (KaTeX
 * markup and its layout, an eigen-analysis) cost ~40 ms a move beside the map's ~15 ms, so
 * doing it on every move pushed the map's repaint past a frame (issue 11's slider budget).
 */

/** How long (ms) after a slider's last input event the hand counts as resting. */
export const INPUT_REST_MS = 150;

let lastInput = -Infinity;
let listening = false;

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  // Any range input anywhere (optimizer rows, presenter, embed, lessons): one capture listener.
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'range')
        lastInput = performance.now();
    },
    { capture: true, passive: true },
  );
}

/** Drags in progress that are not range inputs (the regime pad's), see holdInput. */
let holds = 0;

/**
 * Counts a drag on a control that is not a range input (the regime pad) as a slider being moved
 * until the returned release is called (at the drag's end): the panels above it hold still, so
 * the control does not move under the pointer. Releasing twice is harmless.
 */
export function holdInput(): () => void {
  holds++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holds--;
    lastInput = performance.now();
  };
}

/** Milliseconds until the hand has rested (0 when no slider moved in the last INPUT_REST_MS). */
export function msUntilInputRests(): number {
  listen();
  if (holds > 0) return INPUT_REST_MS;
  return Math.max(0, lastInput + INPUT_REST_MS - performance.now());
}

/**
 * Runs `task` once no slider has moved for INPUT_REST_MS (at once when none is moving).
 * Returns a function that cancels it.
 */
export function afterInputRests(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    const wait = msUntilInputRests();
    if (wait === 0) {
      timer = undefined;
      task();
    } else timer = setTimeout(check, wait);
  };
  check();
  return () => {
    if (timer !== undefined) clearTimeout(timer);
  };
}
