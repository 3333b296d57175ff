/**
 * Predict, then run (issue 14): the question a lesson (or a `predict=` URL flag) asks before its
 * run plays, and the true answer read from the engine's trajectories, never written by hand.
 *
 * Three kinds of question:
 * - `position`: where will optimizer i be after `step` steps? The learner clicks on the map; the
 *   answer is the trajectory's point `step` (absent when the run diverged before it).
 * - `diverge`: will optimizer i diverge? Yes/no; the answer is the trajectory's `diverged` flag
 *   (a position or loss became non-finite, see simulate.ts).
 * - `first`: which optimizer is first to bring the loss below `loss`? The answer is the shown
 *   optimizer(s) with the fewest steps to loss < `loss` (ties share the win), or none.
 *
 * URL form (`predict=`), optimizers numbered from 1 as in the legend and the 1–9 keys:
 * `position:STEP` or `position:STEP:OPTIMIZER`, `diverge` or `diverge:OPTIMIZER`,
 * `first` or `first:LOSS`. Pure: no DOM, no store.
 */
import type { Scene, Trajectory } from '../engine/types';

/** A question asked before the run. `optimizer` is 0-based (the scene's optimizer index). */
export type Prediction =
  | { readonly kind: 'position'; readonly step: number; readonly optimizer: number }
  | { readonly kind: 'diverge'; readonly optimizer: number }
  | { readonly kind: 'first'; readonly loss: number };

/** The URL parameter that turns predict-then-run on for any scene. */
export const PREDICT_PARAM = 'predict';

/** `first` without a loss: the target is a loss below this. */
export const DEFAULT_FIRST_LOSS = 1e-3;

/** Why a `predict=` value was refused: the field it names, a message key's code and its values. */
export interface PredictError {
  /** `predict`, `predict.step`, `predict.optimizer` or `predict.loss`. */
  readonly path: string;
  readonly code: 'kind' | 'step' | 'optimizer' | 'loss';
  readonly params: Readonly<Record<string, string | number>>;
}

export type PredictParse =
  | { readonly ok: true; readonly prediction: Prediction }
  | { readonly ok: false; readonly error: PredictError };

/** Longest piece of user text repeated in a message. */
const CLIP = 40;
const clip = (text: string): string => (text.length > CLIP ? `${text.slice(0, CLIP)}…` : text);

function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * Reads a `predict=` value (already URL-decoded) for `scene`: the step must be 1..scene.steps,
 * the optimizer 1..scene.optimizers.length, the loss a finite number. Never throws; a refused
 * value names its field and what was typed.
 */
export function parsePrediction(text: string, scene: Scene): PredictParse {
  const [kind, ...rest] = text.trim().split(':');
  const count = scene.optimizers.length;
  const optimizerAt = (raw: string | undefined): number | PredictError => {
    if (raw === undefined) return 0;
    const n = wholeIn(raw, 1, count);
    return n === null
      ? { path: 'predict.optimizer', code: 'optimizer', params: { max: count, got: clip(raw) } }
      : n - 1;
  };
  const bad = (): PredictParse => ({
    ok: false,
    error: { path: PREDICT_PARAM, code: 'kind', params: { got: clip(text) } },
  });
  if (kind === 'position' && (rest.length === 1 || rest.length === 2)) {
    const step = wholeIn(rest[0]!, 1, scene.steps);
    if (step === null) {
      return {
        ok: false,
        error: {
          path: 'predict.step',
          code: 'step',
          params: { max: scene.steps, got: clip(rest[0]!) },
        },
      };
    }
    const optimizer = optimizerAt(rest[1]);
    if (typeof optimizer !== 'number') return { ok: false, error: optimizer };
    return { ok: true, prediction: { kind, step, optimizer } };
  }
  if (kind === 'diverge' && rest.length <= 1) {
    const optimizer = optimizerAt(rest[0]);
    if (typeof optimizer !== 'number') return { ok: false, error: optimizer };
    return { ok: true, prediction: { kind, optimizer } };
  }
  if (kind === 'first' && rest.length <= 1) {
    const raw = rest[0];
    if (raw === undefined) return { ok: true, prediction: { kind, loss: DEFAULT_FIRST_LOSS } };
    const loss = /^[-+0-9.eE]{1,24}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(loss)) {
      return {
        ok: false,
        error: { path: 'predict.loss', code: 'loss', params: { got: clip(raw) } },
      };
    }
    return { ok: true, prediction: { kind, loss } };
  }
  return bad();
}

/** The `predict=` value for a question (optimizers numbered from 1); parsePrediction's inverse. */
export function encodePrediction(p: Prediction): string {
  switch (p.kind) {
    case 'position':
      return `position:${p.step}:${p.optimizer + 1}`;
    case 'diverge':
      return `diverge:${p.optimizer + 1}`;
    case 'first':
      return `first:${p.loss}`;
  }
}

/** Whether `p` still fits `scene` (a lesson's question after the learner changed the scene). */
export function predictionFits(p: Prediction, scene: Scene): boolean {
  return parsePrediction(encodePrediction(p), scene).ok;
}

/** The true answer, as the engine's run gives it. */
export type PredictAnswer =
  | {
      readonly kind: 'position';
      /** Point `step` of the trajectory, or null when the run diverged before it. */
      readonly point: readonly [number, number] | null;
      /** The step the answer is read at (the question's step). */
      readonly step: number;
    }
  | {
      readonly kind: 'diverge';
      readonly diverged: boolean;
      /** The last finite point's index (where a diverged run stopped; else the scene's steps). */
      readonly step: number;
    }
  | {
      readonly kind: 'first';
      /** Optimizers (0-based) that reach the target in the fewest steps; empty when none does. */
      readonly winners: readonly number[];
      /** That fewest number of steps, or null when none arrives. */
      readonly step: number | null;
    };

/** First point index whose loss is below `loss`, or null. */
export function stepsToLoss(trajectory: Trajectory, loss: number): number | null {
  for (let k = 0; k < trajectory.length; k++) if (trajectory.losses[k]! < loss) return k;
  return null;
}

/**
 * The answer to `p` from `trajectories` (one per optimizer of `scene`, as simulate returns them).
 * Hidden optimizers take no part in a `first` race. Returns null when a trajectory is missing
 * (the run not computed yet).
 */
export function predictionAnswer(
  p: Prediction,
  scene: Scene,
  trajectories: readonly Trajectory[],
): PredictAnswer | null {
  if (p.kind === 'first') {
    let best: number | null = null;
    let winners: number[] = [];
    for (let i = 0; i < scene.optimizers.length; i++) {
      if (scene.optimizers[i]!.hidden === true) continue;
      const t = trajectories[i];
      if (!t) return null;
      const k = stepsToLoss(t, p.loss);
      if (k === null) continue;
      if (best === null || k < best) {
        best = k;
        winners = [i];
      } else if (k === best) winners.push(i);
    }
    return { kind: 'first', winners, step: best };
  }
  const t = trajectories[p.optimizer];
  if (!t) return null;
  if (p.kind === 'diverge') return { kind: 'diverge', diverged: t.diverged, step: t.length - 1 };
  const point: [number, number] | null =
    p.step < t.length ? [t.points[2 * p.step]!, t.points[2 * p.step + 1]!] : null;
  return { kind: 'position', point, step: p.step };
}

/**
 * The step at which the run has shown the answer: the question's step for `position`; where the
 * run stopped for `diverge`; the winners' arrival (else the end) for `first`.
 */
export function revealStep(answer: PredictAnswer, steps: number): number {
  switch (answer.kind) {
    case 'position':
      return Math.min(answer.step, steps);
    case 'diverge':
      return Math.min(answer.step, steps);
    case 'first':
      return answer.step ?? steps;
  }
}

/** The learner's answer: a point on the map, yes/no, an optimizer (0-based), or 'none'. */
export type PredictGuess =
  | { readonly kind: 'position'; readonly point: readonly [number, number] }
  | { readonly kind: 'diverge'; readonly diverged: boolean }
  | { readonly kind: 'first'; readonly optimizer: number | 'none' };

/**
 * How the guess compares with the answer: for `position` the Euclidean distance in the map's
 * units (null when there is no true point); for the choices, whether it is right.
 */
export function judgeGuess(
  guess: PredictGuess,
  answer: PredictAnswer,
): { readonly distance: number | null } | { readonly right: boolean } {
  if (guess.kind === 'position' && answer.kind === 'position') {
    const p = answer.point;
    return {
      distance: p === null ? null : Math.hypot(guess.point[0] - p[0], guess.point[1] - p[1]),
    };
  }
  if (guess.kind === 'diverge' && answer.kind === 'diverge')
    return { right: guess.diverged === answer.diverged };
  if (guess.kind === 'first' && answer.kind === 'first') {
    return {
      right:
        guess.optimizer === 'none'
          ? answer.winners.length === 0
          : answer.winners.includes(guess.optimizer),
    };
  }
  throw new RangeError(`a ${guess.kind} guess cannot answer a ${answer.kind} question`);
}
