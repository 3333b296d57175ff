/**
 * Ensemble statistics: N runs of the same scene under N noise seeds, summarised as the mean path
 * (the bold line) and where the runs end (the legend's "k of N reach the minimum").
 */
import { BASIN_DIVERGED, BASIN_UNSETTLED, basinMap } from '../analysis/basins';
import type { DomainPoint, OptimizerConfig, Surface, Trajectory } from '../types';
import { createGradientNoise } from './gradient-noise';
import { simulateNoisy } from './simulate-noisy';
import type { NoiseSpec } from './spec';

export { BASIN_DIVERGED, BASIN_UNSETTLED };

/** The mean path of an ensemble. */
export interface EnsembleMean {
  /** [x0, y0, x1, y1, …]: point k is the mean of point k over the runs that have a point k. */
  readonly points: Float64Array;
  /** Mean of losses[k] over the same runs. */
  readonly losses: Float64Array;
  /** alive[k]: how many runs have a point k (runs stop at their first non-finite point). */
  readonly alive: Uint32Array;
  /** Number of points: the longest run's length (0 when no run has a finite start). */
  readonly length: number;
}

/**
 * Mean path over the runs still alive at each step (trajectories of any lengths; a run that
 * diverged at step j contributes to points 0 … j−1 only, so the mean never turns NaN).
 */
export function ensembleMean(trajectories: readonly Trajectory[]): EnsembleMean {
  let length = 0;
  for (const t of trajectories) length = Math.max(length, t.length);
  const points = new Float64Array(2 * length);
  const losses = new Float64Array(length);
  const alive = new Uint32Array(length);
  for (const t of trajectories) {
    for (let k = 0; k < t.length; k++) {
      points[2 * k] = points[2 * k]! + t.points[2 * k]!;
      points[2 * k + 1] = points[2 * k + 1]! + t.points[2 * k + 1]!;
      losses[k] = losses[k]! + t.losses[k]!;
      alive[k] = alive[k]! + 1;
    }
  }
  for (let k = 0; k < length; k++) {
    const n = alive[k]!;
    points[2 * k] = points[2 * k]! / n;
    points[2 * k + 1] = points[2 * k + 1]! / n;
    losses[k] = losses[k]! / n;
  }
  return { points, losses, alive, length };
}

/** How the end of each run is judged. */
export interface OutcomeOptions {
  /** Steps of the noiseless settle-down from each run's last point (default 2000). */
  readonly settleSteps?: number;
  /** Optimizer of the settle-down (default: the run's own config, which the caller passes). */
  readonly config: OptimizerConfig;
  /** Distance that counts as "at" a minimum (default basins.ts's: 1 % of the view's larger side). */
  readonly tolerance?: number;
}

/**
 * Which known minimum each run ends in the basin of: BASIN_DIVERGED for a run that diverged, else
 * the label basins.ts gives its last point, i.e. where the same optimizer with exact gradients
 * (fresh state) goes from there: "where it would settle if the noise stopped now". Under noise a
 * run jitters around its minimum, so distance to the minimum alone would depend on the noise
 * scale; the basin does not. Labels ≥ surface.minima.length are settled points that are not
 * known minima (as in basinMap); BASIN_UNSETTLED is a run still moving after the settle-down.
 */
export function runOutcomes(
  surface: Surface,
  trajectories: readonly Trajectory[],
  options: OutcomeOptions,
): Int16Array {
  const labels = new Int16Array(trajectories.length);
  const steps = options.settleSteps ?? 2000;
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  const tolerance = options.tolerance ?? 0.01 * Math.max(x1 - x0, y1 - y0);
  trajectories.forEach((t, i) => {
    if (t.diverged || t.length === 0) {
      labels[i] = BASIN_DIVERGED;
      return;
    }
    const x = t.points[2 * (t.length - 1)]!;
    const y = t.points[2 * (t.length - 1) + 1]!;
    // A 1×1 grid centred on the point: basinMap classifies exactly that start.
    const map = basinMap(
      surface,
      { x: [x - 1, x + 1], y: [y - 1, y + 1] },
      1,
      1,
      steps,
      options.config,
      {
        tolerance,
      },
    );
    const label = map.labels[0]!;
    labels[i] = label >= surface.minima.length ? BASIN_UNSETTLED : label;
  });
  return labels;
}

/** Fraction of runs whose outcome is `minimum` (an index into surface.minima); 0 for no runs. */
export function basinFraction(outcomes: Int16Array, minimum: number): number {
  if (outcomes.length === 0) return 0;
  let hits = 0;
  for (const label of outcomes) if (label === minimum) hits++;
  return hits / outcomes.length;
}

/**
 * `count` runs of `config` under `spec` with seeds spec.seed, spec.seed + 1, … (mod 2³²), so an
 * ensemble is one scene plus a count. Throws RangeError for a spec the surface cannot take
 * (validate first with createGradientNoise for a field error).
 */
export function simulateEnsemble(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  spec: NoiseSpec,
  count: number,
): Trajectory[] {
  const runs: Trajectory[] = [];
  for (let i = 0; i < count; i++) {
    const made = createGradientNoise({ ...spec, seed: (spec.seed + i) >>> 0 }, surface);
    if (!made.ok) throw new RangeError(`${made.error.path}: ${made.error.message}`);
    runs.push(simulateNoisy(surface, start, steps, config, made.noise));
  }
  return runs;
}
