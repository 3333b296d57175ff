/**
 * What ensemble mode draws for each optimizer of a noisy scene: `count` runs under the seeds
 * seed, seed + 1, … (engine/noise/ensemble.ts), their mean path, and how many of them end in the
 * basin of the surface's lowest listed minimum.
 */
import {
  BASIN_DIVERGED,
  ensembleMean,
  runOutcomes,
  simulateEnsemble,
} from '../../engine/noise/ensemble';
import type { EnsembleMean } from '../../engine/noise/ensemble';
import type { Scene, Surface, Trajectory } from '../../engine/types';

/** Most optimizer steps one ensemble simulates (runs × optimizers × steps): ~50 ms here. */
export const ENSEMBLE_STEP_BUDGET = 400_000;

/** One optimizer's ensemble. */
export interface OptimizerEnsemble {
  /** Index of the optimizer in the scene. */
  readonly index: number;
  readonly runs: readonly Trajectory[];
  readonly mean: EnsembleMean;
  /** Runs that end in the lowest minimum's basin (undefined: the surface lists no minimum). */
  readonly hits?: number;
  readonly diverged: number;
}

/** Index of the lowest of `surface.minima`, or -1 when it lists none. */
export function lowestMinimum(surface: Surface): number {
  let best = -1;
  let value = Infinity;
  surface.minima.forEach(([x, y], i) => {
    const f = surface.f(x, y);
    if (f < value) {
      value = f;
      best = i;
    }
  });
  return best;
}

/**
 * The ensembles of the scene's visible optimizers, or null when the scene has no noise, or when
 * `count` runs would take more than ENSEMBLE_STEP_BUDGET steps. The basin of a run's end is judged
 * as ensemble.ts's runOutcomes does: where that optimizer, with exact gradients, settles from there.
 */
export function computeEnsembles(
  scene: Scene,
  surface: Surface,
  count: number,
): OptimizerEnsemble[] | null {
  if (scene.noise === undefined || count <= 0) return null;
  const shown = scene.optimizers.flatMap((config, index) => (config.hidden ? [] : [index]));
  if (count * shown.length * scene.steps > ENSEMBLE_STEP_BUDGET) return null;
  const target = lowestMinimum(surface);
  return shown.map((index) => {
    const config = scene.optimizers[index]!;
    const runs = simulateEnsemble(surface, scene.start, scene.steps, config, scene.noise!, count);
    const outcomes = target >= 0 ? runOutcomes(surface, runs, { config }) : undefined;
    let hits = 0;
    let diverged = 0;
    for (const label of outcomes ?? []) {
      if (label === target) hits++;
      if (label === BASIN_DIVERGED) diverged++;
    }
    return {
      index,
      runs,
      mean: ensembleMean(runs),
      ...(outcomes ? { hits } : {}),
      diverged,
    };
  });
}
