/**
 * Basins of attraction: which minimum each start point of a grid ends in.
 *
 * Classification of one run, in order: diverged (non-finite) → BASIN_DIVERGED; final point within
 * `tolerance` of a known minimum → that minimum's index; otherwise, if the run has settled (it
 * moved less than `tolerance` over its last tenth of steps), the final point is clustered with the
 * attractors found so far (within `tolerance` of one → its label, else a new attractor); a run still
 * moving → BASIN_UNSETTLED. So on Rastrigin, whose list holds only the global minimum, each local
 * minimum a run settles in becomes its own discovered attractor, numbered after the known ones in
 * the order the rows reach them. Discovered attractors are where settled runs stopped: usually
 * local minima, occasionally a saddle a run was started exactly on.
 *
 * The inner loop allocates nothing per step: one parameter and one gradient array are reused and a
 * fresh optimizer (a few small typed arrays) is created per cell.
 */
import { createTorchRun, runTorchLoop } from '../optimizers/loop';
import type { Domain, DomainPoint, OptimizerConfig, Surface } from '../types';
import type { AbortFlag } from './progress';
import { surfaceClosure } from '../simulate';

/** Label of a start whose run became non-finite. */
export const BASIN_DIVERGED = -1;
/** Label of a start whose run was still moving when the budget ran out, away from every known minimum. */
export const BASIN_UNSETTLED = -2;
/** Most attractors a map tells apart (known + discovered); settled runs beyond it count as unsettled. */
export const MAX_ATTRACTORS = 4096;

/** Settings of a basin map. */
export interface BasinOptions {
  /** Called after each chunk of rows with the rows just filled (toRow exclusive) and the whole grid. */
  readonly onRows?: (fromRow: number, toRow: number, labels: Int16Array) => void;
  /** Checked between rows. */
  readonly signal?: AbortFlag;
  /** Distance that counts as "at" a minimum (default 1 % of the domain's larger side). */
  readonly tolerance?: number;
  /** Rows per onRows call (default 8). */
  readonly rowsPerChunk?: number;
}

/** A finished (or aborted) basin map. */
export interface BasinMap {
  readonly width: number;
  readonly height: number;
  /**
   * Row-major labels, row 0 at the top (y max), samples at cell centres (the layout of
   * surfaces/grid.ts): ≥ 0 indexes `attractors`, or BASIN_DIVERGED / BASIN_UNSETTLED.
   */
  readonly labels: Int16Array;
  /** The surface's known minima first (labels 0 … knownCount − 1), then discovered ones. */
  readonly attractors: readonly DomainPoint[];
  readonly knownCount: number;
  /** Rows filled (all of them unless aborted). */
  readonly rowsDone: number;
  readonly aborted: boolean;
}

/**
 * Classifies every cell centre of a width×height grid over `domain` by where `config` takes it in
 * `steps` steps (module comment). Rows are filled top to bottom in chunks, reported through onRows.
 */
export function basinMap(
  surface: Surface,
  domain: Domain,
  width: number,
  height: number,
  steps: number,
  config: OptimizerConfig,
  options: BasinOptions = {},
): BasinMap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`grid size must be positive integers, got ${width}×${height}`);
  }
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const tolerance = options.tolerance ?? 0.01 * Math.max(x1 - x0, y1 - y0);
  const chunk = Math.max(1, Math.floor(options.rowsPerChunk ?? 8));
  const labels = new Int16Array(width * height);
  const known = surface.minima.length;
  const ax: number[] = surface.minima.map((m) => m[0]);
  const ay: number[] = surface.minima.map((m) => m[1]);
  const tol2 = tolerance * tolerance;
  const settleFrom = steps - Math.max(1, Math.floor(steps / 10));
  const p = new Float64Array(2);
  const g = new Float64Array(2);
  const clip = config.clip_grad_norm;

  const nearest = (x: number, y: number, from: number, to: number): number => {
    for (let a = from; a < to; a++) {
      const dx = x - ax[a]!;
      const dy = y - ay[a]!;
      if (dx * dx + dy * dy <= tol2) return a;
    }
    return -1;
  };

  /** Runs one start and returns its label. */
  const classify = (sx: number, sy: number): number => {
    p[0] = sx;
    p[1] = sy;
    const run = createTorchRun(config, 2, steps);
    const closure = run.optimizer.needsClosure ? surfaceClosure(surface, clip) : undefined;
    let px = sx;
    let py = sy;
    const end = runTorchLoop(run, p, g, steps, {
      at(k, params, grad) {
        if (k === settleFrom) {
          px = params[0]!;
          py = params[1]!;
        }
        return surface.grad(params[0]!, params[1]!, grad);
      },
      closure: () => closure!,
    });
    if (end.diverged) return BASIN_DIVERGED;
    const x = p[0]!;
    const y = p[1]!;
    const atKnown = nearest(x, y, 0, known);
    if (atKnown >= 0) return atKnown;
    const dx = x - px;
    const dy = y - py;
    if (dx * dx + dy * dy > tol2) return BASIN_UNSETTLED;
    const atFound = nearest(x, y, known, ax.length);
    if (atFound >= 0) return atFound;
    if (ax.length >= MAX_ATTRACTORS) return BASIN_UNSETTLED;
    ax.push(x);
    ay.push(y);
    return ax.length - 1;
  };

  let row = 0;
  let aborted = false;
  while (row < height) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    const end = Math.min(height, row + chunk);
    for (let j = row; j < end; j++) {
      const y = y1 - ((j + 0.5) * (y1 - y0)) / height;
      for (let i = 0; i < width; i++) {
        labels[j * width + i] = classify(x0 + ((i + 0.5) * (x1 - x0)) / width, y);
      }
    }
    options.onRows?.(row, end, labels);
    row = end;
  }
  const attractors: DomainPoint[] = ax.map((x, a) => [x, ay[a]!]);
  return { width, height, labels, attractors, knownCount: known, rowsDone: row, aborted };
}
