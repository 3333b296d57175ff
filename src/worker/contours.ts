/**
 * Contour levels and contour paths for a sampled grid. Levels are spaced for the eye, not
 * linearly: on x²/10 + y² or Rosenbrock, linear levels put every line on the walls and none in
 * the valley the optimizers travel along.
 */
import { contours } from 'd3';
import type { LevelSpacing, ContourPath } from './protocol';

/** Finite minimum and maximum of `values` (NaN, NaN when none is finite). */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // NaN comparisons are false, so only finite values (and ±Infinity) moved min/max.
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    return lo <= hi ? [lo, hi] : [NaN, NaN];
  }
  return [min, max];
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/**
 * Log spacing: levels at min + offset where the offsets grow geometrically from a small one (the
 * 1st percentile of the grid above its minimum) to the range, so each line is a constant factor
 * further up the walls.
 */
function logThresholds(sorted: Float64Array, count: number): number[] {
  const min = sorted[0]!;
  const range = sorted[sorted.length - 1]! - min;
  const p1 = sorted[Math.floor((sorted.length - 1) * 0.01)]! - min;
  const low = p1 > range * 1e-9 ? p1 : range * 1e-6;
  const ratio = range / low;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(min + low * Math.pow(ratio, i / count));
  return out;
}

/** Quantile spacing: each band covers about the same share of the map (good for bumpy surfaces). */
function quantileThresholds(sorted: Float64Array, count: number): number[] {
  const out: number[] = [];
  const last = sorted.length - 1;
  for (let i = 1; i <= count; i++) {
    const pos = (last * i) / (count + 1);
    const lo = Math.floor(pos);
    const v = sorted[lo]! + (sorted[Math.min(lo + 1, last)]! - sorted[lo]!) * (pos - lo);
    if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  }
  return out;
}

/**
 * Ascending contour levels for the finite values of a grid; non-finite cells are ignored.
 * A flat grid yields one level; a grid with no finite value yields none.
 */
export function contourThresholds(
  values: ArrayLike<number>,
  count: number,
  spacing: LevelSpacing,
): number[] {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (!(max > min)) return [min];
  const n = Math.max(1, Math.min(64, Math.floor(count)));
  return spacing === 'log' ? logThresholds(sorted, n) : quantileThresholds(sorted, n);
}

/** Band of each cell: how many thresholds lie at or below its value (255 for a non-finite cell). */
export function bandIndices(
  values: ArrayLike<number>,
  thresholds: readonly number[],
  out?: Uint8Array,
): Uint8Array {
  const bands = out ?? new Uint8Array(values.length);
  const n = thresholds.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      bands[i] = 255;
      continue;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (thresholds[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    bands[i] = lo;
  }
  return bands;
}

// A tenth of a cell is a fraction of a screen pixel at any zoom the grid is drawn at.
const round = (v: number): number => Math.round(v * 10) / 10;

/** Whether a point lies on the frame of the grid. */
function onFrame(p: readonly number[], width: number, height: number): boolean {
  const x = p[0]!;
  const y = p[1]!;
  return x === 0 || y === 0 || x === width || y === height;
}

/**
 * Whether a ring segment touches the frame. Such segments either run along it or are the
 * half-cell corner cuts d3 makes there; dropping them ends each line half a cell inside the edge.
 */
function alongFrame(
  a: readonly number[],
  b: readonly number[],
  width: number,
  height: number,
): boolean {
  return onFrame(a, width, height) || onFrame(b, width, height);
}

/**
 * SVG path text of a contour's rings in grid units. d3 returns filled regions, whose outlines run
 * along the frame of the grid where a region touches it; those pieces are skipped (moved over, not
 * drawn) so only true level lines show.
 */
function ringsPath(
  coordinates: readonly (readonly (readonly (readonly number[])[])[])[],
  width: number,
  height: number,
): string {
  let d = '';
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      // Split the ring into runs of drawn segments; a ring that never touches the frame is one closed run.
      const runs: (readonly number[])[][] = [];
      let run: (readonly number[])[] | null = null;
      let touchesFrame = false;
      for (let i = 1; i < ring.length; i++) {
        const prev = ring[i - 1]!;
        const p = ring[i]!;
        if (alongFrame(prev, p, width, height)) {
          touchesFrame = true;
          run = null;
          continue;
        }
        if (!run) {
          run = [prev];
          runs.push(run);
        }
        run.push(p);
      }
      for (const r of runs) d += runPath(simplifyRun(r), !touchesFrame);
    }
  }
  return d;
}

/** Points closer than this (grid cells) to the chord of their neighbours add nothing visible. */
const SIMPLIFY_TOLERANCE = 0.05;

/** Distance from p to the segment a–b. */
function segmentDistance(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  const t =
    len2 > 0 ? Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2)) : 0;
  return Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy));
}

/**
 * Douglas–Peucker: keeps the fewest points such that every dropped one lies within
 * SIMPLIFY_TOLERANCE of the simplified line. Smoothed d3 contours carry a point per crossed cell
 * edge, mostly collinear, and each one costs string building here and SVG parsing in the page.
 */
export function simplifyRun(points: readonly (readonly number[])[]): (readonly number[])[] {
  const n = points.length;
  if (n <= 2) return [...points];
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const dist = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (dist > worst) {
        worst = dist;
        index = i;
      }
    }
    if (index >= 0 && worst > SIMPLIFY_TOLERANCE) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function runPath(points: readonly (readonly number[])[], closed: boolean): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    d += `${i === 0 ? 'M' : 'L'}${round(p[0]!)},${round(p[1]!)}`;
  }
  return closed ? `${d}Z` : d;
}

/**
 * Contour lines of a row-major `width × height` grid (cell centres at i + 0.5, j + 0.5) as SVG
 * paths in grid units. Non-finite cells are treated as higher than every level, so a pole or an
 * overflow region reads as a wall rather than a hole.
 */
export function contourPaths(
  values: Float64Array,
  width: number,
  height: number,
  thresholds: readonly number[],
): ContourPath[] {
  if (thresholds.length === 0) return [];
  let clean: Float64Array = values;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      clean = Float64Array.from(values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE));
      break;
    }
  }
  const generator = contours().size([width, height]).smooth(true);
  return thresholds.map((value) => ({
    value,
    d: ringsPath(generator.contour(clean as unknown as number[], value).coordinates, width, height),
  }));
}
