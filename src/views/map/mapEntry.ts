/**
 * A path that starts off the map: where it comes into view, and which way its start lies. Its own
 * module: only the lazy exit labels and the SVG export use it, not the first paint.
 */
import type { Trajectory } from '../../engine/types';
import { clampToward, clipSegment, edgePoint, insideView, nearestEdge } from './drawTrajectories';
import type { MapEdge, ViewBox } from './drawTrajectories';

/** A path that starts off the map (see {@link mapEntry}). */
export interface MapEntry {
  /** The first step in view, or null when no step of the run is. */
  readonly step: number | null;
  /** Where the line from the plot's centre to the start meets the edge (CSS px in the plot). */
  readonly edge: MapEdge;
  readonly x: number;
  readonly y: number;
  /** The arrow from the plot's centre toward the start, one of eight (↑ ↗ → ↘ ↓ ↙ ← ↖). */
  readonly arrow: string;
}

const COMPASS = ['→', '↘', '↓', '↙', '←', '↖', '↑', '↗'] as const;

/**
 * Where trajectory `t` comes into view when its start is outside it, or null when it starts in
 * view (or has no point). Without it a start far off the map (1e9, −1e9) showed only an arrowhead
 * on the edge and no word of where the run was.
 */
export function mapEntry(t: Pick<Trajectory, 'points' | 'length'>, p: ViewBox): MapEntry | null {
  if (t.length === 0) return null;
  const [sx, sy] = clampToward(p.width / 2, p.height / 2, p.x(t.points[0]!), p.y(t.points[1]!));
  if (!Number.isFinite(sx) || !Number.isFinite(sy) || insideView(sx, sy, p)) return null;
  // The first step whose point is in view, or whose segment from the step before crosses the
  // view (drawn there): "off the map for the whole run" was said of a path seen crossing it.
  let first: number | null = null;
  let [px, py] = [sx, sy];
  for (let k = 1; k < t.length; k++) {
    const [qx, qy] = clampToward(px, py, p.x(t.points[2 * k]!), p.y(t.points[2 * k + 1]!));
    if (insideView(qx, qy, p) || clipSegment(px, py, qx, qy, 0, 0, p.width, p.height)) {
      first = k;
      break;
    }
    [px, py] = [qx, qy];
  }
  const at = edgePoint(sx, sy, p);
  // Screen y grows downward, so the angle's eighths run clockwise from →.
  const eighth = Math.round(Math.atan2(sy - p.height / 2, sx - p.width / 2) / (Math.PI / 4));
  const arrow = COMPASS[(eighth + 8) % 8]!;
  return { step: first, edge: nearestEdge(at.x, at.y, p), x: at.x, y: at.y, arrow };
}
