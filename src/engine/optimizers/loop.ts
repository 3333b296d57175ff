/**
 * The one torch training loop every run of the engine uses (scene paths, `inspectStep`, basin
 * maps, mini-batch paths, the lab's trainer):
 *
 *     loss = f(p); loss.backward()                      # gradient
 *     torch.nn.utils.clip_grad_norm_(p, max_norm)       # clip
 *     optimizer.step(closure)                           # step (closure only for L-BFGS)
 *     scheduler.step()  /  scheduler.step(loss)         # schedule (ReduceLROnPlateau takes the loss)
 *
 * and a run stops at the first non-finite loss or position, keeping its finite prefix.
 */
import type { Closure, OptimizerConfig, OptimizerInstance } from '../types';
import { clipGradNorm } from './clip';
import { createConfigScheduler, createOptimizer } from './index';
import { ScheduleError } from './schedule';
import type { LrScheduler } from './schedule';
import { TorchRaises } from './torchRaises';

/** One optimizer with its scheduler and clipping, as a torch script sets them up. */
export interface TorchRun {
  readonly optimizer: OptimizerInstance;
  readonly scheduler: LrScheduler;
  /** clip_grad_norm_'s max_norm (undefined: no clipping). */
  readonly clip: number | undefined;
  /**
   * The lab trains without a set end: once a schedule raises (torch would stop the script), the
   * lr holds instead. Scene runs have a step count, so their schedules never raise mid-run.
   */
  readonly holdScheduleEnd: boolean;
  scheduleOver: boolean;
}

/** What one step used: torch's param-group lr and momentum (or β1) and the gradient's norm. */
export interface StepUsed {
  /** The learning rate the step used (before the scheduler stepped). */
  readonly lr: number;
  /** The momentum or β1 a cycling schedule set for this step, else undefined. */
  readonly momentum: number | undefined;
  /** The gradient's global L2 norm before clipping. */
  readonly gradNorm: number;
}

/**
 * Sets up `config` over `n` parameters for a run of `steps` steps (the scheduler's horizon).
 * `optimizer` replaces the family's own instance (the lab's Muon + AdamW pair).
 */
export function createTorchRun(
  config: OptimizerConfig,
  n: number,
  steps: number,
  options: { readonly optimizer?: OptimizerInstance; readonly holdScheduleEnd?: boolean } = {},
): TorchRun {
  return {
    optimizer: options.optimizer ?? createOptimizer(config, n),
    scheduler: createConfigScheduler(config, steps),
    clip: config.clip_grad_norm,
    holdScheduleEnd: options.holdScheduleEnd ?? false,
    scheduleOver: false,
  };
}

function norm(grad: Float64Array): number {
  let s = 0;
  for (let i = 0; i < grad.length; i++) s += grad[i]! * grad[i]!;
  return Math.sqrt(s);
}

/**
 * One step after the gradient: clip `grad` in place, set the schedule's momentum, step `params`
 * in place, step the scheduler with `loss` (the loss whose gradient this step took). A closure
 * optimizer (L-BFGS) evaluates `closure` itself and ignores `grad`.
 */
export function torchStep(
  run: TorchRun,
  params: Float64Array,
  grad: Float64Array,
  loss: number,
  closure?: Closure,
): StepUsed {
  const { optimizer, scheduler } = run;
  const gradNorm = run.clip !== undefined ? clipGradNorm(grad, run.clip) : norm(grad);
  const lr = scheduler.lr;
  const momentum = scheduler.momentum;
  if (momentum !== undefined) optimizer.setMomentum?.(momentum);
  optimizer.step(params, grad, lr, closure);
  if (!run.scheduleOver) {
    try {
      scheduler.step(loss);
    } catch (err) {
      if (!(err instanceof ScheduleError) || !run.holdScheduleEnd) throw err;
      run.scheduleOver = true;
    }
  }
  return { lr, momentum, gradNorm };
}

/** The objective of a loop: where the gradient of each step comes from. */
export interface LoopObjective {
  /**
   * Point k is in `params`: write the gradient step k follows into `grad` and return the loss it
   * belongs to (what ReduceLROnPlateau sees). A non-finite result ends the run before step k.
   * Called once more with k = steps at the final point (its gradient is not used).
   */
  at(k: number, params: Float64Array, grad: Float64Array): number;
  /** torch's closure for step k, for optimizers that re-evaluate the loss inside a step (L-BFGS). */
  closure?(k: number): Closure;
}

/** How a loop ended. */
export interface LoopEnd {
  /** Points reached with a finite loss and position (point 0 … reached − 1). */
  readonly reached: number;
  /** True when the run stopped at a non-finite loss or position. */
  readonly diverged: boolean;
  /**
   * It stopped at a finite, moderate position whose loss is NaN: a step left the function's domain
   * (sqrt or log of a negative number), which no overflow explains.
   */
  readonly leftDomain?: boolean;
  /** torch's exception ('ZeroDivisionError in …') when torch raises inside the step that ended it. */
  readonly raised?: string;
}

/** Largest coordinate (abs) at which a NaN loss is read as "outside f's domain", not overflow. */
const DOMAIN_SCALE = 1e15;

function finite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

/**
 * Runs up to `steps` torch steps of `run` from `params` (stepped in place) on `objective`.
 * `afterStep(k, used)` sees each step once it is taken; returning false ends the run there
 * (e.g. `inspectStep` at its step), reported as reached = k + 1, not diverged.
 */
export function runTorchLoop(
  run: TorchRun,
  params: Float64Array,
  grad: Float64Array,
  steps: number,
  objective: LoopObjective,
  afterStep?: (k: number, used: StepUsed) => boolean | void,
): LoopEnd {
  const needsClosure = run.optimizer.needsClosure === true;
  for (let k = 0; ; k++) {
    const loss = objective.at(k, params, grad);
    if (!Number.isFinite(loss) || !finite(params)) {
      // (|p| <= DOMAIN_SCALE also says p is finite.)
      const leftDomain = Number.isNaN(loss) && params.every((p) => Math.abs(p) <= DOMAIN_SCALE);
      return { reached: k, diverged: true, ...(leftDomain ? { leftDomain } : {}) };
    }
    if (k === steps) return { reached: k + 1, diverged: false };
    const closure = needsClosure ? objective.closure?.(k) : undefined;
    let used: StepUsed;
    try {
      used = torchStep(run, params, grad, loss, closure);
    } catch (error) {
      // torch's script stops here too; the path so far stands, and says why it ends.
      if (error instanceof TorchRaises)
        return { reached: k + 1, diverged: true, raised: error.message };
      throw error;
    }
    if (afterStep?.(k, used) === false) return { reached: k + 1, diverged: false };
  }
}
