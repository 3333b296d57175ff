/**
 * Predict-then-run's state (issue 14): the active question, the learner's guess and the phase.
 * - ask: the run waits at step 0 with its faint full path (ghost) hidden, so the picture does
 *   not give the answer away; playing or stepping now (Space, →, PageDown, a clicker) reveals.
 * - run: the run plays from step 0; when it reaches the step that shows the answer (see
 *   `revealStep`), the phase is done (a position question pauses there).
 * - done: the verdict is shown; the ghost comes back as it was.
 * The answer is never stored: it is read from the store's current trajectories whenever shown.
 */
import { create } from 'zustand';
import { predictionAnswer, revealStep } from '../../lessons/predict';
import type { PredictAnswer, PredictGuess, Prediction } from '../../lessons/predict';
import { useDescent } from '../../state/store';
import type { DescentState } from '../../state/store';

export type PredictPhase = 'ask' | 'run' | 'done';

export interface PredictState {
  /** Which question is active (its source and text), or null. */
  readonly key: string | null;
  readonly question: Prediction | null;
  readonly phase: PredictPhase;
  readonly guess: PredictGuess | null;
  /** The ghost setting before the question hid it. */
  readonly ghost: boolean;
}

export const usePredict = create<PredictState>()(() => ({
  key: null,
  question: null,
  phase: 'ask',
  guess: null,
  ghost: true,
}));

/** The answer to the active question from the store's run, or null (none, or not computed yet). */
export function currentAnswer(
  question: Prediction | null,
  s: Pick<DescentState, 'scene' | 'trajectories' | 'trajectoriesScene'>,
): PredictAnswer | null {
  if (question === null || s.trajectoriesScene !== s.scene) return null;
  return predictionAnswer(question, s.scene, s.trajectories);
}

/** Back to the question: step 0, paused, the ghost hidden, no guess. */
export function ask(): void {
  const d = useDescent.getState();
  const p = usePredict.getState();
  // The ghost as the reader had it: saved unless a question is already hiding it.
  const hiding = p.key !== null && p.phase !== 'done';
  const ghost = hiding ? p.ghost : d.ghost;
  d.setPlaying(false);
  d.setCursor(0);
  d.setView({ ghost: false });
  usePredict.setState({ phase: 'ask', guess: null, ghost });
}

/** Makes `question` (named `key`) the active one; the same key again changes nothing. */
export function activate(key: string, question: Prediction): void {
  const p = usePredict.getState();
  if (p.key === key) return;
  // A new question restarts from a clean state: the previous one's ghost is given back first.
  deactivate();
  ask();
  usePredict.setState({ key, question });
}

/** No question any more: the ghost comes back. */
export function deactivate(): void {
  const p = usePredict.getState();
  if (p.key === null) return;
  // Cleared first: while a question is asking, a ghost turned on is hidden again (followPlayback).
  usePredict.setState({ key: null, question: null, phase: 'ask', guess: null });
  if (p.phase !== 'done') useDescent.getState().setView({ ghost: p.ghost });
}

export function setGuess(guess: PredictGuess): void {
  if (usePredict.getState().phase === 'ask') usePredict.setState({ guess });
}

/** True while reveal() starts the run: its own cursor and play changes are not a learner's. */
let starting = false;

/** Ends the question: the run plays from step 0 and the verdict follows (with or without a guess). */
export function reveal(): void {
  if (usePredict.getState().phase !== 'ask' || starting) return;
  starting = true;
  try {
    usePredict.setState({ phase: 'run' });
    const d = useDescent.getState();
    d.setCursor(0);
    d.setPlaying(true);
  } finally {
    starting = false;
  }
}

function finish(): void {
  usePredict.setState({ phase: 'done' });
  useDescent.getState().setView({ ghost: usePredict.getState().ghost });
}

/** Follows playback for the phases (see the module's comment); returns the stop function. */
export function followPlayback(): () => void {
  return useDescent.subscribe(
    (s) => [s.cursor, s.playing, s.trajectories, s.ghost] as const,
    ([cursor, playing, , ghost]) => {
      const p = usePredict.getState();
      if (p.key === null || starting) return;
      if (p.phase === 'ask') {
        // A scene loaded meanwhile (a lesson's, from its id) brings its view's ghost: keep it
        // for later and hidden now.
        if (ghost) {
          usePredict.setState({ ghost: true });
          useDescent.getState().setView({ ghost: false });
        }
        if (cursor > 0 || playing) reveal();
        return;
      }
      if (p.phase !== 'run') return;
      const d = useDescent.getState();
      const answer = currentAnswer(p.question, d);
      if (answer === null) return;
      const at = revealStep(answer, d.scene.steps);
      if (cursor < at) {
        // Paused on the way (a second key: a clicker's double tap, Space twice): the answer is
        // shown now, rather than the reveal standing still at "Running".
        if (!playing) {
          d.setCursor(at);
          finish();
        }
        return;
      }
      if (answer.kind === 'position') {
        d.setPlaying(false);
        d.setCursor(at);
      }
      finish();
    },
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );
}
