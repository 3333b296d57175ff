/**
 * The weight snapshots a lab session keeps while it trains, for the landscape's PCA of the
 * training path (Li et al. 2018, §7) and its 1-D interpolation (Goodfellow et al. 2015). A path is
 * kept at a fixed memory budget however long training runs: a snapshot every `every` steps, and
 * when the budget is full every other snapshot is dropped and `every` doubles, so the kept steps
 * stay evenly spaced from step 0. The initial weights (step 0) are always kept.
 */

/** Numbers (8 bytes each) a path may hold: 64 MB, whatever the network's size. */
export const PATH_BUDGET = 8_000_000;
/** Snapshots a path holds at most (PCA costs O(n²P + n³) for n snapshots of P parameters). */
export const MAX_PATH_SNAPSHOTS = 100;

/** A recorded path: snapshots at evenly spaced steps, step 0 first. */
export interface SnapshotPath {
  /** Steps of the snapshots, ascending, steps[0] = 0. */
  readonly steps: number[];
  /** Copies of the parameters at those steps. */
  readonly snapshots: Float64Array[];
  /** Snapshot interval in steps (a power of two). */
  every: number;
  /** Most snapshots kept before thinning (≥ 1; 1 keeps only the initial weights). */
  readonly capacity: number;
}

/**
 * Snapshots a path of a network with `paramCount` parameters can keep within {@link PATH_BUDGET}:
 * at most {@link MAX_PATH_SNAPSHOTS}, at least 1 (the initial weights).
 */
export function pathCapacity(paramCount: number): number {
  return Math.max(
    1,
    Math.min(MAX_PATH_SNAPSHOTS, Math.floor(PATH_BUDGET / Math.max(1, paramCount))),
  );
}

/** A path holding the initial weights `params` (copied) of step 0. */
export function startPath(params: Float64Array): SnapshotPath {
  return {
    steps: [0],
    snapshots: [Float64Array.from(params)],
    every: 1,
    capacity: pathCapacity(params.length),
  };
}

/**
 * Records `params` (copied) after step `step` when the step falls on the interval; thins the path
 * first when it is full. Steps must be recorded in ascending order.
 */
export function recordStep(path: SnapshotPath, step: number, params: Float64Array): void {
  if (path.capacity < 2 || step % path.every !== 0) return;
  if (path.steps.length >= path.capacity) {
    const every = 2 * path.every;
    let kept = 0;
    for (let i = 0; i < path.steps.length; i++) {
      if (path.steps[i]! % every !== 0) continue;
      path.steps[kept] = path.steps[i]!;
      path.snapshots[kept] = path.snapshots[i]!;
      kept++;
    }
    path.steps.length = kept;
    path.snapshots.length = kept;
    path.every = every;
    if (step % every !== 0) return;
  }
  path.steps.push(step);
  path.snapshots.push(Float64Array.from(params));
}

/**
 * The path as training left it at step `step` with weights `params`: the kept snapshots and, when
 * the last kept one is older, the current weights appended (so the path always ends at θ now).
 */
export function pathUpTo(
  path: SnapshotPath,
  step: number,
  params: Float64Array,
): { steps: number[]; snapshots: Float64Array[] } {
  const last = path.steps[path.steps.length - 1]!;
  if (last === step) return { steps: [...path.steps], snapshots: [...path.snapshots] };
  return {
    steps: [...path.steps, step],
    snapshots: [...path.snapshots, Float64Array.from(params)],
  };
}
