/**
 * Paints every visible optimizer's path from its typed arrays: a white halo and the coloured,
 * dashed line up to the playback cursor, the rest of the path faint, a marker at the current
 * point, a cross where a run diverged, and optionally the −∇f arrow at the current point.
 */
import type { Scene, Surface, Trajectory } from '../../engine/types';
import { optimizerStyle } from '../palette';
import type { MarkerShape } from '../palette';
import type { Projection } from './projection';

/** What one frame of the trajectory layer shows. */
export interface TrajectoryFrame {
  readonly scene: Scene;
  readonly trajectories: readonly Trajectory[];
  readonly cursor: number;
  readonly ghost: boolean;
  readonly arrows: boolean;
  readonly surface: Surface;
  /** Multiplies line widths and marker sizes (presenter mode draws thicker); 1 when absent. */
  readonly lineScale?: number;
  /**
   * Vertices closer than this (px) to the last one drawn are skipped; MIN_VERTEX_GAP_PX when
   * absent (a screen). A vector export passes 0: it may be scaled up, so it keeps every vertex.
   */
  readonly minVertexGapPx?: number;
}

// Far-off points of a diverging run would make the canvas rasterise absurd coordinates.
const LIMIT = 1e5;
export const clampPx = (v: number): number => (v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : v);

/**
 * The point (x, y) (px) brought within ±LIMIT along the line from (fromX, fromY), which is
 * within it: clamping each coordinate alone bent the line, so a run at lr 1e4 seemed to leave the
 * map far from where it does. Non-finite coordinates fall back to clamping each.
 */
export function clampToward(fromX: number, fromY: number, x: number, y: number): [number, number] {
  if (Math.abs(x) <= LIMIT && Math.abs(y) <= LIMIT) return [x, y];
  if (!Number.isFinite(x) || !Number.isFinite(y)) return [clampPx(x), clampPx(y)];
  const dx = x - fromX;
  const dy = y - fromY;
  let f = 1;
  if (Math.abs(x) > LIMIT) f = Math.min(f, ((x > 0 ? LIMIT : -LIMIT) - fromX) / dx);
  if (Math.abs(y) > LIMIT) f = Math.min(f, ((y > 0 ? LIMIT : -LIMIT) - fromY) / dy);
  return [fromX + f * dx, fromY + f * dy];
}

/** Margin (px) around the plot inside which segments are drawn as they are. */
const CLIP_MARGIN = 40;

/**
 * Liang–Barsky: the part of segment (x0,y0)–(x1,y1) inside the rectangle, as [t0, t1] along it,
 * or null when none is. Paths that blow up would otherwise stroke (and dash) lines thousands of
 * screens long, which costs the rasteriser a whole frame.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const edges: [number, number][] = [
    [-dx, x0 - left],
    [dx, right - x0],
    [-dy, y0 - top],
    [dy, bottom - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [t0, t1];
}

/** The side of the map a path leaves by. */
export type MapEdge = 'top' | 'bottom' | 'left' | 'right';

/** The arrow naming each edge in the map's exit labels (on screen and in the SVG export). */
export const EDGE_ARROW: Record<MapEdge, string> = { top: '↑', bottom: '↓', left: '←', right: '→' };

/** Where a path leaves the map for good (it never comes back inside the view). */
export interface MapExit {
  /** First step outside the view after the last one inside. */
  readonly step: number;
  readonly edge: MapEdge;
  /** Where the path crosses the edge, in CSS px inside the plot. */
  readonly x: number;
  readonly y: number;
}

/** What {@link mapExit} needs of a projection: data to px, and the plot's size. */
export interface ViewBox {
  x(v: number): number;
  y(v: number): number;
  readonly width: number;
  readonly height: number;
}

export const insideView = (x: number, y: number, p: ViewBox): boolean =>
  x >= 0 && x <= p.width && y >= 0 && y <= p.height;

/**
 * Where trajectory `t` leaves the view for good, or null when its last point is in view (or no
 * point ever was). A run that blows up leaves at the step after its last point in view; what it
 * does after that is far off the map and is not drawn: stroked, its hundreds of swings would
 * paint a solid block over the other paths.
 */
export function mapExit(t: Pick<Trajectory, 'points' | 'length'>, p: ViewBox): MapExit | null {
  const lastIn = lastInView(t, p);
  if (lastIn < 0 || lastIn === t.length - 1) return null;
  const { x, y } = edgeCrossing(t, lastIn, p);
  return { step: lastIn + 1, edge: nearestEdge(x, y, p), x, y };
}

/** The plot's edge nearest to (x, y), a point on its border (CSS px). */
export function nearestEdge(x: number, y: number, p: ViewBox): MapEdge {
  const gaps: [MapEdge, number][] = [
    ['top', Math.abs(y)],
    ['bottom', Math.abs(p.height - y)],
    ['left', Math.abs(x)],
    ['right', Math.abs(p.width - x)],
  ];
  gaps.sort((a, b) => a[1] - b[1]);
  return gaps[0]![0];
}

/** The last step whose point is in view, or -1. */
function lastInView(t: Pick<Trajectory, 'points' | 'length'>, p: ViewBox): number {
  for (let k = t.length - 1; k >= 0; k--)
    if (insideView(p.x(t.points[2 * k]!), p.y(t.points[2 * k + 1]!), p)) return k;
  return -1;
}

/** Where the segment from step `k` (in view) to step `k + 1` (outside) crosses the view's edge. */
function edgeCrossing(
  t: Pick<Trajectory, 'points'>,
  k: number,
  p: ViewBox,
): { x: number; y: number; dx: number; dy: number } {
  const x0 = p.x(t.points[2 * k]!);
  const y0 = p.y(t.points[2 * k + 1]!);
  const [x1, y1] = clampToward(x0, y0, p.x(t.points[2 * k + 2]!), p.y(t.points[2 * k + 3]!));
  const clipped = clipSegment(x0, y0, x1, y1, 0, 0, p.width, p.height);
  const f = clipped ? clipped[1] : 0;
  return { x: x0 + f * (x1 - x0), y: y0 + f * (y1 - y0), dx: x1 - x0, dy: y1 - y0 };
}

/** A trip off the map that the path comes back from. */
export interface MapExcursion {
  /** First step outside the view. */
  readonly step: number;
  /** Where the path crosses the edge (CSS px inside the plot), and its way out there. */
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
}

/** Most excursions marked per path: a noisy run skimming an edge would fringe it with arrows. */
export const MAX_EXCURSION_MARKS = 12;

/**
 * Each time trajectory `t` leaves the view and comes back (the final exit is {@link mapExit}'s),
 * in step order, at most MAX_EXCURSION_MARKS. Its segments outside are clipped away, so without a
 * mark a reader sees a line stop at the edge and another start elsewhere.
 */
export function mapExcursions(
  t: Pick<Trajectory, 'points' | 'length'>,
  p: ViewBox,
): MapExcursion[] {
  const lastIn = lastInView(t, p);
  const out: MapExcursion[] = [];
  let wasIn = t.length > 0 && insideView(p.x(t.points[0]!), p.y(t.points[1]!), p);
  for (let k = 1; k <= lastIn && out.length < MAX_EXCURSION_MARKS; k++) {
    const isIn = insideView(p.x(t.points[2 * k]!), p.y(t.points[2 * k + 1]!), p);
    if (wasIn && !isIn) out.push({ step: k, ...edgeCrossing(t, k - 1, p) });
    wasIn = isIn;
  }
  return out;
}

/**
 * A vertex closer than this (CSS px, on both axes) to the last one drawn adds nothing visible:
 * optimizers converge, so most of a 10,000-step path piles up within a pixel of the minimum, and
 * stroking those vertices (twice: halo and line) was most of a slider frame.
 */
export const MIN_VERTEX_GAP_PX = 0.5;

/** The path from point `from` to point `to` (inclusive) as canvas path commands, clipped and thinned. */
export function tracePath(
  ctx: Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo'>,
  t: Pick<Trajectory, 'points'>,
  from: number,
  to: number,
  p: Projection,
  minGap = MIN_VERTEX_GAP_PX,
): void {
  ctx.beginPath();
  const left = -CLIP_MARGIN;
  const top = -CLIP_MARGIN;
  const right = p.width + CLIP_MARGIN;
  const bottom = p.height + CLIP_MARGIN;
  let px = clampPx(p.x(t.points[2 * from]!));
  let py = clampPx(p.y(t.points[2 * from + 1]!));
  let penDown = false;
  // Where the pen is (the last vertex drawn), for thinning.
  let lx = px;
  let ly = py;
  if (from === to) ctx.moveTo(px, py);
  for (let k = from + 1; k <= to; k++) {
    let qx = p.x(t.points[2 * k]!);
    let qy = p.y(t.points[2 * k + 1]!);
    // clampToward only off the canvas's range: its array per vertex (120,000 a frame at 12 ×
    // 10,000 steps) made the slider's frames wait on the garbage collector.
    if (!(Math.abs(qx) <= LIMIT && Math.abs(qy) <= LIMIT)) [qx, qy] = clampToward(px, py, qx, qy);
    const inside =
      px >= left &&
      px <= right &&
      py >= top &&
      py <= bottom &&
      qx >= left &&
      qx <= right &&
      qy >= top &&
      qy <= bottom;
    if (inside) {
      if (!penDown) {
        ctx.moveTo(px, py);
        lx = px;
        ly = py;
      }
      // The last vertex is always drawn, so the line reaches the marker.
      if (!penDown || k === to || Math.abs(qx - lx) >= minGap || Math.abs(qy - ly) >= minGap) {
        ctx.lineTo(qx, qy);
        lx = qx;
        ly = qy;
      }
      penDown = true;
    } else {
      const clipped = clipSegment(px, py, qx, qy, left, top, right, bottom);
      if (clipped) {
        const [a, b] = clipped;
        const dx = qx - px;
        const dy = qy - py;
        if (!penDown || a > 0) ctx.moveTo(px + a * dx, py + a * dy);
        else if (lx !== px || ly !== py) ctx.lineTo(px, py);
        lx = px + b * dx;
        ly = py + b * dy;
        ctx.lineTo(lx, ly);
        penDown = b >= 1;
      } else {
        penDown = false;
      }
    }
    px = qx;
    py = qy;
  }
}

/** Draws a marker shape of radius r centred at (x, y). */
export function markerPath(
  ctx: CanvasRenderingContext2D,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
): void {
  ctx.beginPath();
  switch (shape) {
    case 'circle':
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 'square':
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.1);
      ctx.lineTo(x + r, y + r * 0.8);
      ctx.lineTo(x - r, y + r * 0.8);
      ctx.closePath();
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    case 'plus': {
      const a = r * 0.4;
      ctx.moveTo(x - a, y - r);
      ctx.lineTo(x + a, y - r);
      ctx.lineTo(x + a, y - a);
      ctx.lineTo(x + r, y - a);
      ctx.lineTo(x + r, y + a);
      ctx.lineTo(x + a, y + a);
      ctx.lineTo(x + a, y + r);
      ctx.lineTo(x - a, y + r);
      ctx.lineTo(x - a, y + a);
      ctx.lineTo(x - r, y + a);
      ctx.lineTo(x - r, y - a);
      ctx.lineTo(x - a, y - a);
      ctx.closePath();
      break;
    }
    case 'star':
      for (let i = 0; i < 10; i++) {
        const rr = i % 2 === 0 ? r * 1.25 : r * 0.55;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        if (i === 0) ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
        else ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath();
      break;
  }
}

function drawArrow(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  dx: number,
  dy: number,
  color: string,
): void {
  const len = Math.hypot(dx, dy);
  if (!(len > 1)) return;
  const ux = dx / len;
  const uy = dy / len;
  const ex = x + dx;
  const ey = y + dy;
  const head = Math.min(10, len * 0.45);
  ctx.setLineDash([]);
  // White halo first so the arrow reads on any band of the map.
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(ex, ey);
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2.25;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(ex - ux * head * 0.8, ey - uy * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - ux * head - uy * head * 0.5, ey - uy * head + ux * head * 0.5);
  ctx.lineTo(ex - ux * head + uy * head * 0.5, ey - uy * head - ux * head * 0.5);
  ctx.closePath();
  ctx.fill();
}

/**
 * L-BFGS's line-search probes of the step leaving the cursor's point (pairs from..to−1 of
 * `probes`): small hollow "ghost" dots, one per evaluation of f and ∇f inside that step.
 */
function drawProbes(
  ctx: CanvasRenderingContext2D,
  probes: Float64Array,
  from: number,
  to: number,
  p: Projection,
  color: string,
  k: number,
): void {
  ctx.setLineDash([]);
  ctx.lineWidth = 1.25 * k;
  for (let j = from; j < to; j++) {
    const x = clampPx(p.x(probes[2 * j]!));
    const y = clampPx(p.y(probes[2 * j + 1]!));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.beginPath();
    ctx.arc(x, y, 3.5 * k, 0, 2 * Math.PI);
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = 'rgba(255,255,255,0.7)';
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
}

/** Paints one frame into a context whose transform maps CSS pixels (DPR already applied). */
export function drawTrajectories(
  ctx: CanvasRenderingContext2D,
  frame: TrajectoryFrame,
  p: Projection,
): void {
  ctx.clearRect(0, 0, p.width, p.height);
  const k = frame.lineScale ?? 1;
  const gap = frame.minVertexGapPx ?? MIN_VERTEX_GAP_PX;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const grad = new Float64Array(2);
  frame.scene.optimizers.forEach((config, i) => {
    const t = frame.trajectories[i];
    if (!t || config.hidden || t.length === 0) return;
    const style = optimizerStyle(config, i);
    const exit = mapExit(t, p);
    // Past the step where it leaves the map for good, a path is not drawn at all.
    const last = exit ? exit.step : t.length - 1;
    const upto = Math.min(Math.max(0, frame.cursor), last);

    if (frame.ghost && upto < last) {
      tracePath(ctx, t, upto, last, p, gap);
      ctx.globalAlpha = 0.35;
      ctx.setLineDash(style.dash as number[]);
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 1.5 * k;
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    if (upto > 0) {
      tracePath(ctx, t, 0, upto, p, gap);
      ctx.setLineDash([]);
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.lineWidth = 5 * k;
      ctx.stroke();
      ctx.setLineDash(k === 1 ? (style.dash as number[]) : style.dash.map((d) => d * k));
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 2.25 * k;
      ctx.stroke();
    }
    if (t.ax !== undefined && upto > 0) {
      // ASGD's averaged iterate θ̄ (torch's ax): a faint dotted second path up to the cursor.
      tracePath(ctx, { points: t.ax }, 0, upto, p);
      ctx.globalAlpha = 0.55;
      ctx.setLineDash([1.5 * k, 3 * k]);
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 1.5 * k;
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    // A trip off the map and back: a small arrowhead where it left (the line is clipped there).
    for (const trip of excursionsOf(t, p)) {
      if (trip.step > upto) break;
      ctx.setLineDash([]);
      drawEdgeArrow(ctx, trip.x, trip.y, trip.dx, trip.dy, style.color, 0.6 * k);
    }
    if (t.probes !== undefined && t.probeOffsets !== undefined && upto < last) {
      drawProbes(
        ctx,
        t.probes,
        t.probeOffsets[upto]!,
        t.probeOffsets[upto + 1]!,
        p,
        style.color,
        k,
      );
    }
    // Kept on its bearing from the plot's centre: the edge arrow points where it really is.
    const [cx, cy] = clampToward(
      p.width / 2,
      p.height / 2,
      p.x(t.points[2 * upto]!),
      p.y(t.points[2 * upto + 1]!),
    );
    const inView = insideView(cx, cy, p);
    if (frame.arrows && inView) {
      frame.surface.grad(t.points[2 * upto]!, t.points[2 * upto + 1]!, grad);
      const g = Math.hypot(grad[0]!, grad[1]!);
      if (g > 0 && Number.isFinite(g)) {
        // Direction of −∇f on screen; length grows with log |∇f| so both slopes and plateaus read.
        const sx = -(p.x(grad[0]!) - p.x(0));
        const sy = -(p.y(grad[1]!) - p.y(0));
        const s = Math.hypot(sx, sy);
        const len = Math.min(80, 24 + 16 * Math.log10(1 + g));
        if (s > 0) drawArrow(ctx, cx, cy, (sx / s) * len, (sy / s) * len, style.color);
      }
    }
    ctx.setLineDash([]);
    if (!inView) {
      // The current point is off the map: an arrowhead on the edge points to where it went.
      const at = exit && upto >= exit.step ? exit : edgePoint(cx, cy, p);
      drawEdgeArrow(ctx, at.x, at.y, cx - at.x, cy - at.y, style.color, k);
      return;
    }
    markerPath(ctx, style.marker, cx, cy, 5.5 * k);
    ctx.fillStyle = style.color;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    if (t.diverged && upto === t.length - 1) {
      // Diverged here: a bold cross just past the last finite point.
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 3;
      const r = 8;
      ctx.beginPath();
      ctx.moveTo(cx - r, cy - r);
      ctx.lineTo(cx + r, cy + r);
      ctx.moveTo(cx + r, cy - r);
      ctx.lineTo(cx - r, cy + r);
      ctx.stroke();
    }
  });
}

// A frame is drawn many times for one trajectory and view (playback): scan each once.
const excursionCache = new WeakMap<Trajectory, { p: Projection; trips: MapExcursion[] }>();
function excursionsOf(t: Trajectory, p: Projection): MapExcursion[] {
  const hit = excursionCache.get(t);
  if (hit && hit.p === p) return hit.trips;
  const trips = mapExcursions(t, p);
  excursionCache.set(t, { p, trips });
  return trips;
}

/** Where the line from the plot's centre to (x, y) meets the plot's edge. */
export function edgePoint(x: number, y: number, p: ViewBox): { x: number; y: number } {
  const mx = p.width / 2;
  const my = p.height / 2;
  const clipped = clipSegment(mx, my, x, y, 0, 0, p.width, p.height);
  const f = clipped ? clipped[1] : 0;
  return { x: mx + f * (x - mx), y: my + f * (y - my) };
}

/** A filled arrowhead on the map's edge at (x, y), pointing along (dx, dy), with a white rim. */
function drawEdgeArrow(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  dx: number,
  dy: number,
  color: string,
  scale: number,
): void {
  const len = Math.hypot(dx, dy);
  const ux = len > 0 ? dx / len : 0;
  const uy = len > 0 ? dy / len : -1;
  const r = 9 * scale;
  // Tip on the edge, base inside the map.
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - ux * r * 1.6 - uy * r, y - uy * r * 1.6 + ux * r);
  ctx.lineTo(x - ux * r * 1.6 + uy * r, y - uy * r * 1.6 - ux * r);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.5;
  ctx.stroke();
}
