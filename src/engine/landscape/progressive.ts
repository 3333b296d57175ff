/**
 * A loss grid computed coarse to fine, for the worker: the first pass fills every s-th row and
 * column (s a power of two, so a coarse picture exists after ~1/s² of the work), each later pass
 * halves s and fills only the points not yet computed, so the whole grid costs exactly one
 * evaluation per point. Rows are yielded one at a time, and a cancel flag (an AbortSignal fits)
 * is checked before each row.
 */
import type { PlaneEvaluator } from './plane';

/** Anything with an `aborted` flag, e.g. an AbortSignal. */
export interface CancelFlag {
  readonly aborted: boolean;
}

/** One row's new values, written into `grid` before it is yielded. */
export interface GridRowUpdate {
  /** 0 for the coarsest pass. */
  readonly pass: number;
  /** Stride of this pass: after its last row, every point (i, j) with i, j ≡ 0 mod stride is known. */
  readonly stride: number;
  /** Row index i (the alphas index). */
  readonly row: number;
  /** First column filled in this row. */
  readonly colStart: number;
  /** Step between the columns filled: colStart, colStart + colStep, … < betas.length. */
  readonly colStep: number;
  /** The whole grid, row-major alphas × betas; NaN where not yet computed. Shared, not a copy. */
  readonly grid: Float64Array;
  /** Points computed so far (including this row). */
  readonly done: number;
  /** Points in the grid. */
  readonly total: number;
}

/** Options of {@link progressiveGrid}. */
export interface ProgressiveGridOptions {
  /** Checked before every row; when set, the generator stops and returns { completed: false }. */
  readonly signal?: CancelFlag;
  /** Stride of the first pass (a power of two); default: the largest giving ≥ 5 points a side. */
  readonly coarsestStride?: number;
  /** Grid to fill (alphas × betas); allocated when absent. */
  readonly grid?: Float64Array;
}

/** The default first stride: the largest power of two with ⌈side/stride⌉ ≥ 5 points on the longer side. */
export function coarsestStride(nAlphas: number, nBetas: number): number {
  const side = Math.max(nAlphas, nBetas);
  let s = 1;
  while ((side - 1) / (2 * s) >= 4) s *= 2;
  return s;
}

/**
 * Yields the grid loss[i·betas.length + j] = plane.lossAt(alphas[i], betas[j]) row by row,
 * coarse first (module comment); returns { completed } — false when cancelled.
 */
export function* progressiveGrid(
  plane: PlaneEvaluator,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  options: ProgressiveGridOptions = {},
): Generator<GridRowUpdate, { readonly completed: boolean }, void> {
  const na = alphas.length;
  const nb = betas.length;
  const total = na * nb;
  const grid = options.grid ?? new Float64Array(total);
  grid.fill(NaN, 0, total);
  let stride = options.coarsestStride ?? coarsestStride(na, nb);
  if (!(Number.isInteger(stride) && stride >= 1 && (stride & (stride - 1)) === 0)) {
    throw new RangeError(`coarsestStride must be a power of two, got ${stride}`);
  }
  let done = 0;
  for (let pass = 0; stride >= 1; pass++, stride /= 2) {
    for (let i = 0; i < na; i += stride) {
      // Rows of the previous pass already hold the even multiples of 2·stride.
      const old = pass > 0 && i % (2 * stride) === 0;
      const colStart = old ? stride : 0;
      const colStep = old ? 2 * stride : stride;
      if (colStart >= nb) continue;
      if (options.signal?.aborted) return { completed: false };
      const a = alphas[i]!;
      for (let j = colStart; j < nb; j += colStep) {
        grid[i * nb + j] = plane.lossAt(a, betas[j]!);
        done++;
      }
      yield { pass, stride, row: i, colStart, colStep, grid, done, total };
    }
  }
  return { completed: true };
}
