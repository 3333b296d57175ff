/**
 * simulateOne with noisy gradients: the loop of simulate.ts (grad → clip → step → scheduler) with
 * the noise applied to the gradient before clipping, as in a torch loop where loss.backward() on a
 * mini-batch (or p.grad += δ_k) precedes clip_grad_norm_ and opt.step(). Recorded losses are the
 * exact f, the surface the contours show. To be folded into simulate.ts when Scene gains `noise`.
 */
import { createOptimizer, resolvedLr } from '../optimizers';
import { clipGradNorm } from '../optimizers/clip';
import { createScheduler } from '../optimizers/schedule';
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
  const points = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const p = new Float64Array([start[0], start[1]]);
  const g = new Float64Array(2);
  const optimizer = createOptimizer(config, 2);
  const scheduler = createScheduler(config.schedule, resolvedLr(config));
  const clip = config.clip_grad_norm;

  let loss = surface.grad(p[0]!, p[1]!, g);
  if (!Number.isFinite(loss)) return { points, losses, length: 0, diverged: true };
  points[0] = p[0]!;
  points[1] = p[1]!;
  losses[0] = loss;
  let length = 1;
  for (let k = 0; k < steps; k++) {
    noise.perturb(k, p[0]!, p[1]!, g);
    if (clip !== undefined) clipGradNorm(g, clip);
    optimizer.step(p, g, scheduler.lr);
    scheduler.step();
    const x = p[0]!;
    const y = p[1]!;
    loss = surface.grad(x, y, g);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(loss)) {
      return { points, losses, length, diverged: true };
    }
    points[2 * length] = x;
    points[2 * length + 1] = y;
    losses[length] = loss;
    length++;
  }
  return { points, losses, length, diverged: false };
}
