import type { Scene, Trajectory } from '../../engine/types';
import type { Projection, ScreenPoint } from './projection';

/** A trajectory point under the pointer. */
export interface HoverTarget {
  readonly index: number;
  readonly step: number;
}

/** The visible trajectory point nearest to `at` within `radius` px, up to step `upto`. */
export function nearestPoint(
  at: ScreenPoint,
  p: Projection,
  scene: Scene,
  trajectories: readonly Trajectory[],
  upto: number,
  radius = 14,
): HoverTarget | null {
  let best: HoverTarget | null = null;
  let bestD = radius * radius;
  scene.optimizers.forEach((config, i) => {
    const tr = trajectories[i];
    if (!tr || config.hidden) return;
    const last = Math.min(tr.length - 1, upto);
    for (let k = 0; k <= last; k++) {
      const dx = p.x(tr.points[2 * k]!) - at[0];
      const dy = p.y(tr.points[2 * k + 1]!) - at[1];
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = { index: i, step: k };
      }
    }
  });
  return best;
}
