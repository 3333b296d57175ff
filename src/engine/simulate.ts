/**
 * Scene → trajectories. Step k uses the gradient at point k, exactly as a torch loop
 * `loss = f(p); loss.backward(); clip; opt.step(); sched.step()` would; a run stops at the first
 * non-finite position or loss and keeps its finite prefix.
 */
import { clipGradNorm } from './optimizers/clip';
import { createTorchRun, runTorchLoop } from './optimizers/loop';
import { cyclesMomentum } from './optimizers/schedule-spec';
import { createGradientNoise } from './noise/gradient-noise';
import type { GradientNoise } from './noise/gradient-noise';
import type {
  Closure,
  DomainPoint,
  OptimizerConfig,
  OptimizerInspection,
  Scene,
  Surface,
  Trajectory,
} from './types';

/**
 * torch's `closure` for optimizers that re-evaluate f inside a step (L-BFGS): the loss and
 * gradient at any point, clipped as the scene clips (inside the closure is the only place a clip
 * acts on L-BFGS).
 */
export function surfaceClosure(surface: Surface, clip: number | undefined): Closure {
  return (params, grad) => {
    const loss = surface.grad(params[0]!, params[1]!, grad);
    if (clip !== undefined) clipGradNorm(grad, clip);
    return loss;
  };
}

/**
 * Simulates one optimizer from `start` for `steps` steps on `surface`. Besides the points and
 * losses, records the lr each step used (`lrs[k]`: the step from point k to point k + 1) and,
 * when a schedule cycles it, the momentum or β1 (`momentums[k]`).
 *
 * With `noise`, step k's gradient is perturbed (noise.perturb, which records δ_k) before clipping,
 * as a torch loop that adds δ_k to p.grad after loss.backward() would; the recorded losses stay the
 * exact f the contours show. Optimizers that call a closure (L-BFGS) take no noise: validateScene
 * refuses the pair, and this throws a RangeError for it.
 */
export function simulateOne(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  noise?: GradientNoise,
): Trajectory {
  const points = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const lrs = new Float64Array(steps);
  const momentums = cyclesMomentum(config.schedule) ? new Float64Array(steps) : undefined;
  const p = new Float64Array([start[0], start[1]]);
  const g = new Float64Array(2);
  const run = createTorchRun(config, 2, steps);
  const optimizer = run.optimizer;
  const closure = optimizer.needsClosure ? surfaceClosure(surface, run.clip) : undefined;
  if (noise && closure) throw new RangeError(`${config.type} calls a closure: it takes no noise`);
  // ASGD's averaged iterate and L-BFGS's probes ride along (see Trajectory).
  const ax = optimizer.averaged ? new Float64Array(2 * (steps + 1)) : undefined;
  const probeChunks: Float64Array[] = [];
  const probeOffsets = optimizer.probes ? new Uint32Array(steps + 1) : undefined;
  const extras = (length: number) => {
    if (length === 0) return {};
    if (probeOffsets === undefined) return ax ? { ax } : {};
    const probes = new Float64Array(2 * probeOffsets[length - 1]!);
    let at = 0;
    for (const chunk of probeChunks.slice(0, length - 1)) {
      probes.set(chunk, at);
      at += chunk.length;
    }
    return { probes, probeOffsets: probeOffsets.slice(0, length) };
  };

  const end = runTorchLoop(
    run,
    p,
    g,
    steps,
    {
      at(k, params, grad) {
        const loss = surface.grad(params[0]!, params[1]!, grad);
        // Kept only while finite: the loop stops at the first non-finite loss or position.
        points[2 * k] = params[0]!;
        points[2 * k + 1] = params[1]!;
        losses[k] = loss;
        if (k === 0 && ax) ax.set(params);
        if (noise && k < steps && Number.isFinite(loss))
          noise.perturb(k, params[0]!, params[1]!, grad);
        return loss;
      },
      closure: () => closure!,
    },
    (k, used) => {
      lrs[k] = used.lr;
      if (momentums) momentums[k] = used.momentum ?? NaN;
      if (ax) ax.set(optimizer.averaged!(), 2 * (k + 1));
      if (probeOffsets) {
        const chunk = optimizer.probes!();
        probeChunks.push(chunk);
        probeOffsets[k + 1] = probeOffsets[k]! + chunk.length / 2;
      }
    },
  );
  const length = end.reached;
  return {
    points,
    losses,
    length,
    diverged: end.diverged,
    lrs: lrs.subarray(0, Math.max(0, length - 1)),
    ...extras(length),
    ...(momentums ? { momentums: momentums.subarray(0, Math.max(0, length - 1)) } : {}),
  };
}

/**
 * A fresh GradientNoise for one run of `scene` (each run records its own perturbations; the draws
 * depend only on the spec, the step and the point), or undefined for exact gradients. Throws a
 * RangeError for noise the surface cannot take (validateScene reports it as a field error first).
 */
export function sceneNoise(scene: Scene, surface: Surface): GradientNoise | undefined {
  if (scene.noise === undefined) return undefined;
  const made = createGradientNoise(scene.noise, surface);
  if (!made.ok) throw new RangeError(`${made.error.path}: ${made.error.message}`);
  return made.noise;
}

/** Simulates one optimizer of a scene, with the scene's noise when it has some. */
export function simulateSceneOne(scene: Scene, surface: Surface, index: number): Trajectory {
  const config = scene.optimizers[index]!;
  return simulateOne(surface, scene.start, scene.steps, config, sceneNoise(scene, surface));
}

/** Simulates every optimizer of a scene (hidden ones too, so toggling costs nothing). */
export function simulate(scene: Scene, surface: Surface): Trajectory[] {
  return scene.optimizers.map((_, i) => simulateSceneOne(scene, surface, i));
}

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
