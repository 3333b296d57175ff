/**
 * One step of a scene replayed in full for the formula panel (and the analysis arrows): the
 * same torch loop as the scene's path (optimizers/loop), stopped after step k. Its own module so
 * it loads with the panel, not before the first paint.
 */
import { clipGradNorm } from './optimizers/clip';
import { createTorchRun, runTorchLoop } from './optimizers/loop';
import { sceneNoise, surfaceClosure } from './simulate';
import type { DomainPoint, OptimizerInspection, Scene, Surface } from './types';

/** Everything the formula panel shows for step k of one optimizer. */
export interface StepInspection {
  /** The step index: the update from point k to point k + 1. */
  readonly k: number;
  /** Point k. */
  readonly point: DomainPoint;
  /** f(point k). */
  readonly loss: number;
  /** ∇f(point k) as the optimizer received it (noisy when the scene has noise; clipped when clipping is on). */
  readonly grad: DomainPoint;
  /** Step k's gradient noise δ_k (noisy − exact gradient, before clipping), when the scene has noise. */
  readonly noise?: DomainPoint;
  /** The learning rate the scheduler gave this step. */
  readonly lr: number;
  /** The momentum or β1 a cycling schedule gave this step (absent when nothing cycles it). */
  readonly momentum?: number;
  /** point k+1 − point k. */
  readonly update: DomainPoint;
  /** The optimizer's named state after this step (matches the symbols of its TeX). */
  readonly state: OptimizerInspection;
}

/**
 * Replays optimizer `index` of the scene up to step k and reports that step in full; undefined
 * when k is out of range or the run diverged before reaching point k + 1. Replaying is cheap
 * (a step costs nanoseconds), so no per-step state is stored.
 */
export function inspectStep(
  surface: Surface,
  scene: Scene,
  index: number,
  k: number,
): StepInspection | undefined {
  const config = scene.optimizers[index];
  if (config === undefined || !Number.isInteger(k) || k < 0 || k >= scene.steps) return undefined;
  const p = new Float64Array([scene.start[0], scene.start[1]]);
  const g = new Float64Array(2);
  const run = createTorchRun(config, 2, scene.steps);
  const closure = run.optimizer.needsClosure ? surfaceClosure(surface, run.clip) : undefined;
  const noise = closure ? undefined : sceneNoise(scene, surface);
  let result: StepInspection | undefined;
  let before: { point: DomainPoint; loss: number; grad: DomainPoint } | undefined;
  runTorchLoop(
    run,
    p,
    g,
    k + 1,
    {
      at(i, params, grad) {
        const loss = surface.grad(params[0]!, params[1]!, grad);
        if (i > k || !Number.isFinite(loss)) return loss;
        if (noise) noise.perturb(i, params[0]!, params[1]!, grad);
        if (i === k) {
          // The gradient as the optimizer receives it: clipped as the step will clip it.
          const seen = Float64Array.from(grad);
          if (run.clip !== undefined) clipGradNorm(seen, run.clip);
          before = { point: [params[0]!, params[1]!], loss, grad: [seen[0]!, seen[1]!] };
        }
        return loss;
      },
      closure: () => closure!,
    },
    (i, used) => {
      if (i < k) return true;
      // Step k is taken: point k and its gradient are still where `at` left them, in `before`.
      if (before === undefined || !Number.isFinite(p[0]!) || !Number.isFinite(p[1]!)) return false;
      result = {
        k,
        point: before.point,
        loss: before.loss,
        grad: before.grad,
        lr: used.lr,
        ...(used.momentum === undefined ? {} : { momentum: used.momentum }),
        ...(noise ? { noise: noise.perturbation(k)! } : {}),
        update: [p[0]! - before.point[0], p[1]! - before.point[1]],
        state: run.optimizer.inspect(),
      };
      return false;
    },
  );
  return result;
}
