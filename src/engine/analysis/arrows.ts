/**
 * Step-by-step mode: the vectors that make up one optimizer step, at the point where it happens,
 * each labelled with the term of the update rule it draws. Built on `inspectStep`, which replays
 * the run to step k and returns the optimizer's named state.
 *
 * Every arrow is a displacement in domain units at this step's learning rate η, so it can be drawn
 * from point k at the same scale as the step itself: "−η g_t" is where plain GD would go, "−η b_t"
 * or "−η m̂_t" where the momentum points, and the step is what the optimizer actually did.
 */
import { inspectStep } from '../inspectStep';
import type { DomainPoint, Scene, Surface } from '../types';
import { hiddenState, times, usedGradient } from './hiddenState';

/** Which term of the update an arrow shows. */
export type ArrowTerm = 'gradient' | 'momentum' | 'scaled-gradient' | 'step';

/** One labelled vector of a step. */
export interface StepArrow {
  readonly term: ArrowTerm;
  /** Displacement from point k in domain units. */
  readonly vector: DomainPoint;
  /** The formula term, in the TeX symbols of the optimizer's own formula. */
  readonly tex: string;
  /** English label (the UI translates by `term`). */
  readonly label: string;
}

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
  const step = inspectStep(surface, scene, index, k);
  const config = scene.optimizers[index];
  if (!step || !config) return undefined;
  const { lr, update } = step;
  const g = usedGradient(step);
  const arrows: StepArrow[] = [
    { term: 'gradient', vector: times(-lr, g), tex: '-\\eta\\, g_t', label: 'gradient step' },
  ];
  // The family's reading (hiddenState.ts, shared with the map's glyphs).
  const hidden = hiddenState(step, config);
  const direction = hidden.direction;
  let scale: StepArrows['scale'];
  const scaleTex = '\\Delta\\theta_i / (-\\eta\\, d_i)';
  const scaleLabel = 'per-coordinate scale';

  if (hidden.scaled) {
    arrows.push({
      term: 'scaled-gradient',
      vector: hidden.scaled.vector,
      tex: '-\\eta\\, g_t / d_t',
      label: 'scaled gradient',
    });
    scale = { values: hidden.scaled.factor, tex: '1 / d_t', label: scaleLabel };
  }
  if (hidden.buffer) {
    arrows.push({
      term: 'momentum',
      vector: hidden.buffer,
      tex: '-\\eta\\, b_t',
      label: 'momentum',
    });
  } else if (hidden.blend) {
    arrows.push({
      term: 'momentum',
      vector: hidden.blend,
      tex:
        '-\\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t}\\, g_t' +
        ' - \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_t\\, \\mu_{t+1}}\\, m_t',
      label: 'Nesterov momentum',
    });
  } else if (hidden.mHat && direction) {
    arrows.push({
      term: 'momentum',
      vector: hidden.mHat,
      tex: '-\\eta\\, \\hat{m}_t',
      label: 'momentum',
    });
  }
  if (direction && !scale)
    scale = { values: ratio(update, lr, direction), tex: scaleTex, label: scaleLabel };
  arrows.push({ term: 'step', vector: update, tex: '\\theta_t - \\theta_{t-1}', label: 'step' });
  return {
    k,
    point: step.point,
    loss: step.loss,
    lr,
    arrows,
    ...(scale ? { scale } : {}),
  };
}
