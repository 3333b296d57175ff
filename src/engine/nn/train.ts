/**
 * Training the lab's network with any optimizer of the engine. All parameters live in one flat
 * Float64Array, so one optimizer instance steps the whole net, with the same torch loop as the
 * contour view: forward, loss, backward, clip_grad_norm_, optimizer.step(), scheduler.step().
 */
import { createLabOptimizer } from './labOptimizer';
import { clipGradNorm } from '../optimizers/clip';
import { createTorchRun, torchStep } from '../optimizers/loop';
import type { OptimizerConfig } from '../types';
import { createBatchNormStats } from './batchnorm';
import type { BatchNormStats } from './batchnorm';
import { initParams } from './init';
import type { InitScheme } from './init';
import type { LossKind } from './losses';
import { buildNetwork } from './network';
import type { Network, NetworkSpec } from './network';
import { createWorkspace, forward, lossAndGradient, lossOnly } from './propagate';
import type { Workspace } from './propagate';
import { createRng } from './rng';
import type { Rng } from './rng';

/** Steps a one-cycle schedule without total_steps spans in the lab (which has no step count). */
export const LAB_SCHEDULE_STEPS = 1000;

/** Labelled rows in the network's layout (a {@link Dataset} fits). */
export interface TrainingData {
  /** Number of samples. */
  readonly count: number;
  /** count × inputSize. */
  readonly input: Float64Array;
  /** count × outputSize. */
  readonly target: Float64Array;
}

/** Everything that defines a training run; the same options replay the same run. */
export interface TrainerOptions {
  /** Layers of the net. */
  readonly spec: NetworkSpec;
  /** How W is drawn. */
  readonly init: InitScheme;
  /** Seeds the initial weights and the mini-batch order. */
  readonly seed: number;
  /** The whole training set. */
  readonly data: TrainingData;
  /** mse or bce. */
  readonly loss: LossKind;
  /** Any optimizer of the engine; its `schedule` and `clip_grad_norm` apply too. */
  readonly optimizer: OptimizerConfig;
  /** Samples per step (default: the whole set). Batches are drawn without replacement per epoch. */
  readonly batchSize?: number;
}

/** What one step reports. */
export interface StepResult {
  /** Loss of the batch the step used, before the update. */
  readonly loss: number;
  /** Global L2 norm of the gradient before clipping. */
  readonly gradNorm: number;
  /** Learning rate the step used. */
  readonly lr: number;
}

/** A running training session. */
export interface Trainer {
  /** The laid-out network. */
  readonly net: Network;
  /** Current parameters (stepped in place). */
  readonly params: Float64Array;
  /** Gradient of the last step as the optimizer received it (after clipping). */
  readonly grad: Float64Array;
  /** Batch-norm running statistics, updated by every step. */
  readonly stats: BatchNormStats;
  /** Workspace of the last step's batch: activations and δ of every layer. */
  readonly workspace: Workspace;
  /** Steps taken so far. */
  readonly stepCount: number;
  /** One optimizer step on the next batch. */
  step(): StepResult;
  /** Loss over the whole data set ('eval' uses running batch-norm statistics). */
  evaluate(mode?: 'train' | 'eval'): number;
}

/** Builds the network, initialises it from the seed and prepares the optimizer. */
export function createTrainer(options: TrainerOptions): Trainer {
  const net = buildNetwork(options.spec);
  const params = initParams(net, options.init, options.seed);
  const grad = new Float64Array(net.paramCount);
  const stats = createBatchNormStats(net);
  const { data } = options;
  const batch = Math.max(1, Math.min(data.count, Math.floor(options.batchSize ?? data.count)));
  const fullBatch = batch === data.count;
  const ws = createWorkspace(net, batch);
  const batchInput = fullBatch ? data.input : new Float64Array(batch * net.inputSize);
  const batchTarget = fullBatch ? data.target : new Float64Array(batch * net.outputSize);
  // Muon takes the hidden weight matrices, AdamW the rest (see labOptimizer.ts). The lab trains
  // without a set end: a one-cycle that names no total_steps runs over LAB_SCHEDULE_STEPS, and
  // once a schedule would raise (torch stops the script), the lr holds.
  const run = createTorchRun(options.optimizer, net.paramCount, LAB_SCHEDULE_STEPS, {
    optimizer: createLabOptimizer(options.optimizer, net),
    holdScheduleEnd: true,
  });
  const clip = options.optimizer.clip_grad_norm;
  // The order stream is separate from the init stream so changing the batch size keeps the weights.
  const orderRng: Rng = createRng((options.seed ^ 0x5bd1e995) >>> 0);
  const order = Uint32Array.from({ length: data.count }, (_, i) => i);
  let cursor = data.count;
  let evalWs: Workspace | null = null;
  let stepCount = 0;

  const fillBatch = (): void => {
    const d = net.inputSize;
    const o = net.outputSize;
    for (let s = 0; s < batch; s++) {
      if (cursor >= data.count) {
        shuffle(order, orderRng);
        cursor = 0;
      }
      const idx = order[cursor++]!;
      batchInput.set(data.input.subarray(idx * d, idx * d + d), s * d);
      batchTarget.set(data.target.subarray(idx * o, idx * o + o), s * o);
    }
  };

  return {
    net,
    params,
    grad,
    stats,
    workspace: ws,
    get stepCount() {
      return stepCount;
    },
    step() {
      if (!fullBatch) fillBatch();
      const loss = lossAndGradient(
        net,
        params,
        batchInput,
        batchTarget,
        options.loss,
        ws,
        grad,
        'train',
        stats,
      );
      // L-BFGS's closure: forward and backward on this step's batch again, at any parameters
      // (in train mode, so batch-norm statistics update on every call, as in torch).
      const closure = run.optimizer.needsClosure
        ? (at: Float64Array, out: Float64Array): number => {
            const l = lossAndGradient(
              net,
              at,
              batchInput,
              batchTarget,
              options.loss,
              ws,
              out,
              'train',
              stats,
            );
            if (clip !== undefined) clipGradNorm(out, clip);
            return l;
          }
        : undefined;
      const { gradNorm, lr } = torchStep(run, params, grad, loss, closure);
      stepCount++;
      return { loss, gradNorm, lr };
    },
    evaluate(mode = 'eval') {
      evalWs ??= createWorkspace(net, data.count);
      return mode === 'eval'
        ? lossOnly(net, params, data.input, data.target, options.loss, evalWs, 'eval', stats)
        : lossOnly(net, params, data.input, data.target, options.loss, evalWs, 'train');
    },
  };
}

function shuffle(order: Uint32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * Network outputs for `count` points (e.g. a grid for the decision-boundary heat map), with
 * batch norm in inference mode. Returns a fresh count × outputSize array. `ws`, a workspace for
 * batches of `count`, is reused when given (a big net's workspace is tens of megabytes).
 */
export function predict(
  net: Network,
  params: Float64Array,
  input: Float64Array,
  count: number,
  stats?: BatchNormStats,
  ws: Workspace = createWorkspace(net, count),
): Float64Array {
  if (ws.batch !== count)
    throw new Error(`predict: workspace for ${ws.batch} points, not ${count}`);
  return forward(net, params, input, ws, 'eval', stats).slice(0, count * net.outputSize);
}
