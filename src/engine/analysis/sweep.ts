/**
 * The LR sweep: one optimizer run at many learning rates on a log axis, so the plot shows where
 * it crawls, where it is fastest and where it falls off the divergence edge.
 */
import { simulateOne } from '../simulate';
import type { DomainPoint, OptimizerConfig, Surface } from '../types';
import type { Criterion, RunSummary, Target } from './criterion';
import { DEFAULT_CRITERION, stepsToTarget, summarize, targetBeforeRuns } from './criterion';
import type { Cancellable } from './progress';
import { logSpace } from './space';

/** The sweep's range and resolution, plus its criterion and the worker hooks. */
export interface LrSweepOptions extends Cancellable {
  readonly lrMin: number;
  readonly lrMax: number;
  /** Number of log-spaced learning rates, both ends included. */
  readonly points: number;
  /** Judges `stepsToTarget` (default: within 10⁻³ of the known minimum). */
  readonly criterion?: Criterion;
}

/** One point of the sweep: a whole run at one learning rate. */
export type LrSweepRow = RunSummary;

/** The sweep's rows (by increasing lr; fewer than `points` when aborted) and its target. */
export interface LrSweep {
  readonly rows: readonly LrSweepRow[];
  /**
   * The target loss `stepsToTarget` counts to: f(nearest known minimum) + ε, or, on a surface
   * without known minima, the best loss any run of this sweep reached + ε.
   */
  readonly target: Target;
  readonly aborted: boolean;
}

/** Runs `config` at `points` log-spaced learning rates in [lrMin, lrMax] for `steps` steps each. */
export function lrSweep(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  options: LrSweepOptions,
): LrSweep {
  const criterion = options.criterion ?? DEFAULT_CRITERION;
  const known = targetBeforeRuns(surface, start, criterion);
  const lrs = logSpace(options.lrMin, options.lrMax, options.points);
  const rows: LrSweepRow[] = [];
  const kept: { losses: Float64Array; length: number }[] = [];
  let aborted = false;
  for (const lr of lrs) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    const trajectory = simulateOne(surface, start, steps, { ...config, lr });
    rows.push(summarize(trajectory, lr, known?.loss ?? -Infinity));
    if (!known) kept.push(trajectory);
    options.onProgress?.(rows.length, lrs.length);
  }
  if (known) return { rows, target: known, aborted };
  let best = Infinity;
  for (const row of rows) if (row.bestLoss < best) best = row.bestLoss;
  const target: Target = { loss: best + criterion.epsilon, source: 'best-run' };
  return {
    rows: rows.map((row, i) => ({
      ...row,
      stepsToTarget: stepsToTarget(kept[i]!.losses, kept[i]!.length, target.loss),
    })),
    target,
    aborted,
  };
}

/** Where a sweep falls off the edge: the last stable lr and the first lr from which every larger one diverged. */
export interface DivergenceEdge {
  /** Largest lr below the edge that did not diverge (undefined when even the smallest diverged). */
  readonly lastStable: number | undefined;
  /** Smallest lr such that it and every larger lr of the sweep diverged. */
  readonly firstDiverged: number;
}

/** The divergence edge of sweep rows sorted by lr, or undefined when the largest lr did not diverge. */
export function divergenceEdge(rows: readonly LrSweepRow[]): DivergenceEdge | undefined {
  let i = rows.length - 1;
  if (i < 0 || !rows[i]!.diverged) return undefined;
  while (i > 0 && rows[i - 1]!.diverged) i--;
  return { lastStable: i > 0 ? rows[i - 1]!.lr : undefined, firstDiverged: rows[i]!.lr };
}
