/**
 * Step-by-step mode: the vectors that make up one optimizer step, at the point where it happens,
 * each labelled with the term of the update rule it draws. Built on `inspectStep`, which replays
 * the run to step k and returns the optimizer's named state.
 *
 * Every arrow is a displacement in domain units at this step's learning rate η, so it can be drawn
 * from point k at the same scale as the step itself: "−η g_t" is where plain GD would go, "−η b_t"
 * or "−η m̂_t" where the momentum points, and the step is what the optimizer actually did.
 */
import { times } from '../optimizers/stateVectors';
import { stateFrame } from './stateFrame';
import type { DomainPoint, FamilyArrows, Scene, StepArrow, Surface } from '../types';

export type { ArrowTerm, StepArrow } from '../types';

/** The arrows of step k of one optimizer. */
export interface StepArrows {
  readonly k: number;
  /** Point k, where the arrows start. */
  readonly point: DomainPoint;
  readonly loss: number;
  /** η of this step (after the schedule). */
  readonly lr: number;
  readonly arrows: readonly StepArrow[];
  /**
   * Adaptive families only: the per-coordinate factor the optimizer multiplied its direction by,
   * step_i / (−η·direction_i) with direction the momentum term (or the gradient when there is none);
   * NaN on a coordinate where the direction is 0.
   */
  readonly scale?: { readonly values: DomainPoint; readonly tex: string; readonly label: string };
}

function ratio(step: DomainPoint, lr: number, direction: DomainPoint): DomainPoint {
  const r = (s: number, d: number) => (d === 0 ? NaN : s / (-lr * d));
  return [r(step[0], direction[0]), r(step[1], direction[1])];
}

/**
 * The gradient, momentum, scaled-gradient and step arrows of step k (k → k + 1) of optimizer
 * `index` of the scene; undefined when k is out of range or the run diverged before it.
 */
export function stepArrows(
  surface: Surface,
  scene: Scene,
  index: number,
  k: number,
): StepArrows | undefined {
  const read = stateFrame(surface, scene, index, k);
  if (!read) return undefined;
  const { step, frame, code } = read;
  const { lr, g, update } = frame;
  // The family's own terms come from its code (`arrows` in engine/optimizers/<type>.ts).
  const own: FamilyArrows = code?.arrows?.(frame) ?? {};
  const label = 'per-coordinate scale';
  const scale = own.scale
    ? { ...own.scale, label }
    : own.direction && {
        values: ratio(update, lr, own.direction),
        tex: '\\Delta\\theta_i / (-\\eta\\, d_i)',
        label,
      };
  const arrows: StepArrow[] = [
    { term: 'gradient', vector: times(-lr, g), tex: '-\\eta\\, g_t', label: 'gradient step' },
    ...(own.arrows ?? []),
    { term: 'step', vector: update, tex: '\\theta_t - \\theta_{t-1}', label: 'step' },
  ];
  return {
    k,
    point: step.point,
    loss: step.loss,
    lr,
    arrows,
    ...(scale ? { scale } : {}),
  };
}
