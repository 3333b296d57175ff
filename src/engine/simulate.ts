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
import type { Closure, DomainPoint, OptimizerConfig, Scene, Surface, Trajectory } from './types';

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
    ...(end.leftDomain === true ? { leftDomain: true } : {}),
    ...(end.raised !== undefined ? { raised: end.raised } : {}),
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
