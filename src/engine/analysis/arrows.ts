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
import type { DomainPoint, OptimizerInspection, Scene, Surface } from '../types';

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

function vec(state: OptimizerInspection, key: string): DomainPoint | undefined {
  const v = state[key];
  return Array.isArray(v) && v.length >= 2 ? [v[0] as number, v[1] as number] : undefined;
}

function num(state: OptimizerInspection, key: string): number | undefined {
  const v = state[key];
  return typeof v === 'number' ? v : undefined;
}

const times = (s: number, v: DomainPoint): DomainPoint => [s * v[0], s * v[1]];

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
  const { state, lr, update } = step;
  const g = vec(state, 'g') ?? step.grad;
  const arrows: StepArrow[] = [
    { term: 'gradient', vector: times(-lr, g), tex: '-\\eta\\, g_t', label: 'gradient step' },
  ];
  let direction: DomainPoint | undefined;
  let scale: StepArrows['scale'];
  const scaleTex = '\\Delta\\theta_i / (-\\eta\\, d_i)';
  const scaleLabel = 'per-coordinate scale';

  switch (config.type) {
    case 'sgd': {
      const b = vec(state, 'b');
      if (b)
        arrows.push({
          term: 'momentum',
          vector: times(-lr, b),
          tex: '-\\eta\\, b_t',
          label: 'momentum',
        });
      break;
    }
    case 'rmsprop': {
      const denom = vec(state, 'denom');
      if (denom) {
        const scaled: DomainPoint = [g[0] / denom[0], g[1] / denom[1]];
        arrows.push({
          term: 'scaled-gradient',
          vector: times(-lr, scaled),
          tex: '-\\eta\\, g_t / d_t',
          label: 'scaled gradient',
        });
        scale = { values: [1 / denom[0], 1 / denom[1]], tex: '1 / d_t', label: scaleLabel };
      }
      const b = vec(state, 'b');
      if (b)
        arrows.push({
          term: 'momentum',
          vector: times(-lr, b),
          tex: '-\\eta\\, b_t',
          label: 'momentum',
        });
      break;
    }
    case 'adam':
    case 'adamw':
    case 'radam': {
      direction = vec(state, 'm_hat');
      if (direction) {
        arrows.push({
          term: 'momentum',
          vector: times(-lr, direction),
          tex: '-\\eta\\, \\hat{m}_t',
          label: 'momentum',
        });
      }
      break;
    }
    case 'adamax': {
      const m = vec(state, 'm');
      const clr = num(state, 'clr');
      if (m && clr !== undefined && lr > 0) {
        // clr = η / (1 − β₁ᵗ), so η·m̂ = clr·m.
        direction = times(clr / lr, m);
        arrows.push({
          term: 'momentum',
          vector: times(-clr, m),
          tex: '-\\eta\\, \\hat{m}_t',
          label: 'momentum',
        });
      }
      break;
    }
    case 'nadam': {
      const denom = vec(state, 'denom');
      if (denom && lr > 0) {
        // The update is −η·(blend of m and g)/d, so −η·blend = update ⊙ d.
        const blend: DomainPoint = [update[0] * denom[0], update[1] * denom[1]];
        direction = times(-1 / lr, blend);
        arrows.push({
          term: 'momentum',
          vector: blend,
          tex:
            '-\\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t}\\, g_t' +
            ' - \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_t\\, \\mu_{t+1}}\\, m_t',
          label: 'Nesterov momentum',
        });
      }
      break;
    }
    case 'adagrad':
    case 'adadelta':
      direction = g;
      break;
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
