/**
 * Paths as SVG path data, traced as the canvas traces them. A module of its own: only lazily
 * loaded layers (the ensemble) use it, and the first paint's bundle holds drawTrajectories.
 */
import type { Trajectory } from '../../engine/types';
import { MIN_VERTEX_GAP_PX, tracePath } from './drawTrajectories';
import type { Projection } from './projection';

/**
 * tracePath's path as SVG path data ('M…L…'), to 0.1 px: the same clipping at the map's margin,
 * the same clamping of far points and the same thinning as the canvas (the ensemble's SVG layer).
 */
export function svgPathData(
  t: Pick<Trajectory, 'points'>,
  from: number,
  to: number,
  p: Projection,
  minGap = MIN_VERTEX_GAP_PX,
): string {
  let d = '';
  const at = (x: number, y: number): string => `${x.toFixed(1)},${y.toFixed(1)}`;
  tracePath(
    {
      beginPath: () => undefined,
      moveTo: (x, y) => void (d += `M${at(x, y)}`),
      lineTo: (x, y) => void (d += `L${at(x, y)}`),
    },
    t,
    from,
    to,
    p,
    minGap,
  );
  return d;
}
