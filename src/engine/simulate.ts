/**
 * Scene → trajectories. Step k uses the gradient at point k, exactly as a torch loop
 * `loss = f(p); loss.backward(); clip; opt.step(); sched.step()` would; a run stops at the first
 * non-finite position or loss and keeps its finite prefix.
 */
import { createOptimizer, resolvedLr } from './optimizers';
import { clipGradNorm } from './optimizers/clip';
import { createScheduler } from './optimizers/schedule';
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

/** Simulates one optimizer from `start` for `steps` steps on `surface`. */
export function simulateOne(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
): Trajectory {
  const points = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const p = new Float64Array([start[0], start[1]]);
  const g = new Float64Array(2);
  const optimizer = createOptimizer(config, 2);
  const scheduler = createScheduler(config.schedule, resolvedLr(config));
  const clip = config.clip_grad_norm;
  const closure = optimizer.needsClosure ? surfaceClosure(surface, clip) : undefined;
  // ASGD's averaged iterate and L-BFGS's probes ride along (see Trajectory).
  const ax = optimizer.averaged ? new Float64Array(2 * (steps + 1)) : undefined;
  const probeChunks: Float64Array[] = [];
  const probeOffsets = optimizer.probes ? new Uint32Array(steps + 1) : undefined;
  const extras = (length: number) => {
    if (probeOffsets === undefined) return ax ? { ax } : {};
    const probes = new Float64Array(2 * probeOffsets[length - 1]!);
    let at = 0;
    for (const chunk of probeChunks.slice(0, length - 1)) {
      probes.set(chunk, at);
      at += chunk.length;
    }
    return { probes, probeOffsets: probeOffsets.slice(0, length) };
  };

  let loss = surface.grad(p[0]!, p[1]!, g);
  if (!Number.isFinite(loss)) return { points, losses, length: 0, diverged: true };
  points[0] = p[0]!;
  points[1] = p[1]!;
  losses[0] = loss;
  if (ax) ax.set(points.subarray(0, 2));
  let length = 1;
  for (let k = 0; k < steps; k++) {
    if (clip !== undefined && closure === undefined) clipGradNorm(g, clip);
    optimizer.step(p, g, scheduler.lr, closure);
    scheduler.step();
    const x = p[0]!;
    const y = p[1]!;
    loss = surface.grad(x, y, g);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(loss)) {
      return { points, losses, length, diverged: true, ...extras(length) };
    }
    points[2 * length] = x;
    points[2 * length + 1] = y;
    losses[length] = loss;
    if (ax) ax.set(optimizer.averaged!(), 2 * length);
    if (probeOffsets) {
      const chunk = optimizer.probes!();
      probeChunks.push(chunk);
      probeOffsets[length] = probeOffsets[length - 1]! + chunk.length / 2;
    }
    length++;
  }
  return { points, losses, length, diverged: false, ...extras(length) };
}

/** Simulates every optimizer of a scene (hidden ones too, so toggling costs nothing). */
export function simulate(scene: Scene, surface: Surface): Trajectory[] {
  return scene.optimizers.map((config) => simulateOne(surface, scene.start, scene.steps, config));
}

/** Everything the formula panel shows for step k of one optimizer. */
export interface StepInspection {
  /** The step index: the update from point k to point k + 1. */
  readonly k: number;
  /** Point k. */
  readonly point: DomainPoint;
  /** f(point k). */
  readonly loss: number;
  /** ∇f(point k) as the optimizer received it (after clipping, when clipping is on). */
  readonly grad: DomainPoint;
  /** The learning rate the scheduler gave this step. */
  readonly lr: number;
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
  const optimizer = createOptimizer(config, 2);
  const scheduler = createScheduler(config.schedule, resolvedLr(config));
  const closure = optimizer.needsClosure
    ? surfaceClosure(surface, config.clip_grad_norm)
    : undefined;
  for (let i = 0; ; i++) {
    const loss = surface.grad(p[0]!, p[1]!, g);
    if (!Number.isFinite(loss) || !Number.isFinite(p[0]!) || !Number.isFinite(p[1]!))
      return undefined;
    if (config.clip_grad_norm !== undefined) clipGradNorm(g, config.clip_grad_norm);
    const point: DomainPoint = [p[0]!, p[1]!];
    const grad: DomainPoint = [g[0]!, g[1]!];
    const lr = scheduler.lr;
    optimizer.step(p, g, lr, closure);
    scheduler.step();
    if (i === k) {
      if (!Number.isFinite(p[0]!) || !Number.isFinite(p[1]!)) return undefined;
      return {
        k,
        point,
        loss,
        grad,
        lr,
        update: [p[0]! - point[0], p[1]! - point[1]],
        state: optimizer.inspect(),
      };
    }
  }
}
