/**
 * simulateOne with noisy gradients (simulate.ts, which applies the noise before clipping, as a
 * torch loop where loss.backward() on a mini-batch, or p.grad += δ_k, precedes clip_grad_norm_ and
 * opt.step()). Recorded losses are the exact f, the surface the contours show.
 */
import { simulateOne } from '../simulate';
import type { DomainPoint, OptimizerConfig, Surface, Trajectory } from '../types';
import type { GradientNoise } from './gradient-noise';

/**
 * `steps` steps of `config` from `start` with `noise` (a fresh GradientNoise per run keeps its own
 * record; the path depends only on the spec). Stops at the first non-finite point.
 */
export function simulateNoisy(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  noise: GradientNoise,
): Trajectory {
  return simulateOne(surface, start, steps, config, noise);
}
