/**
 * Mini-batch SGD on a data set's loss (note 001): each step follows the gradient of one batch while
 * the recorded loss is the full-batch loss at that point, the surface the contours show.
 */
import { clipGradNorm } from '../optimizers/clip';
import { createTorchRun, runTorchLoop } from '../optimizers/loop';
import { createRng } from '../nn/rng';
import type { Rng } from '../nn/rng';
import type { DomainPoint, OptimizerConfig, Trajectory } from '../types';
import type { RegressionDataset } from './dataset';
import { batchGradient, identityOrder } from './dataset';

/**
 * Batches without replacement: each epoch is a fresh seeded permutation cut into consecutive
 * batches of `batchSize` (the last one smaller when N is not a multiple, like torch's DataLoader
 * with drop_last=False). With batchSize ≥ N every batch is the whole set in its natural order, so
 * the steps are exactly full-batch GD.
 */
export class BatchSampler {
  /** The current epoch's order of example indices; the batch is order[from … to−1]. */
  readonly order: Uint32Array;
  /** Start of the current batch in `order`. */
  from = 0;
  /** End (exclusive) of the current batch in `order`. */
  to = 0;
  /** Epochs started so far. */
  epoch = 0;
  private readonly rng: Rng;

  constructor(
    /** Number of examples N. */
    readonly n: number,
    /** Examples per batch (≥ N: the whole set, unshuffled). */
    readonly batchSize: number,
    seed: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
    }
    this.order = identityOrder(n);
    this.rng = createRng(seed);
    this.to = n;
  }

  /** Moves to the next batch, starting (and reshuffling) a new epoch when the current one is used up. */
  next(): void {
    if (this.to >= this.n) {
      this.epoch++;
      if (this.batchSize < this.n) this.shuffle();
      this.from = 0;
    } else {
      this.from = this.to;
    }
    this.to = Math.min(this.n, this.from + this.batchSize);
  }

  /** Fisher–Yates with the seeded stream. */
  private shuffle(): void {
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }
}

/**
 * `steps` optimizer steps on `data` from `start`, step k taking the gradient of the k-th mini-batch
 * at point k (same order of clip, step and scheduler as simulateOne); losses are full-batch. Same
 * seed, same path. Stops at the first non-finite point like every other run.
 */
export function simulateMiniBatch(
  data: RegressionDataset,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  batchSize: number,
  seed: number,
): Trajectory {
  const points = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const p = new Float64Array([start[0], start[1]]);
  const g = new Float64Array(2);
  const scratch = new Float64Array(2);
  const full = identityOrder(data.n);
  const sampler = new BatchSampler(data.n, batchSize, seed);
  const run = createTorchRun(config, 2, steps);
  const lrs = new Float64Array(steps);
  const clip = run.clip;
  const batchGradientAt = (at: Float64Array, out: Float64Array): number =>
    batchGradient(data, sampler.order, sampler.from, sampler.to, at[0]!, at[1]!, out);

  const end = runTorchLoop(
    run,
    p,
    g,
    steps,
    {
      at(k, params, grad) {
        // The recorded loss is the full batch's, the surface the contours show.
        const loss = batchGradient(data, full, 0, data.n, params[0]!, params[1]!, scratch);
        points[2 * k] = params[0]!;
        points[2 * k + 1] = params[1]!;
        losses[k] = loss;
        if (!Number.isFinite(loss) || k === steps) return loss;
        sampler.next();
        // ReduceLROnPlateau sees the mini-batch loss whose gradient this step takes.
        return batchGradientAt(params, grad);
      },
      // L-BFGS re-evaluates this step's mini-batch loss as often as it likes, as torch's closure would.
      closure: () => (at, out) => {
        const l = batchGradientAt(at, out);
        if (clip !== undefined) clipGradNorm(out, clip);
        return l;
      },
    },
    (k, used) => {
      lrs[k] = used.lr;
    },
  );
  const length = end.reached;
  return {
    points,
    losses,
    length,
    diverged: end.diverged,
    lrs: lrs.subarray(0, Math.max(0, length - 1)),
  };
}
