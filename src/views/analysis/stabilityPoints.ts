/** The points the stability view reads the Hessian at: the start, and the cursor on the selected path. */
import { localStability } from '../../engine/analysis';
import type { LocalStability } from '../../engine/analysis';
import type { Scene, Surface, Trajectory } from '../../engine/types';

export interface StabilityPoints {
  readonly start: LocalStability;
  /** At point `k` of the selected trajectory (absent when the run has not reached it). */
  readonly cursor?: { readonly k: number; readonly at: LocalStability };
}

export function stabilityPoints(
  surface: Surface,
  scene: Scene,
  trajectories: readonly Trajectory[],
  settled: boolean,
  selected: number,
  cursor: number,
): StabilityPoints {
  const start = localStability(surface, scene.start[0], scene.start[1]);
  const tr = settled ? trajectories[selected] : undefined;
  if (!tr || tr.length === 0) return { start };
  const k = Math.min(cursor, tr.length - 1);
  return {
    start,
    cursor: { k, at: localStability(surface, tr.points[2 * k]!, tr.points[2 * k + 1]!) },
  };
}
