/**
 * Contour levels and contour paths for a sampled grid. Levels are spaced for the eye, not
 * linearly: on x²/10 + y² or Rosenbrock, linear levels put every line on the walls and none in
 * the valley the optimizers travel along.
 */
import { isolines } from './isolines';
import type { Isoline } from './isolines';
import type { LevelSpacing, ContourPath } from './types';

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

/** The finite values of `values`, in a new array. */
function finiteValues(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n);
}

/**
 * The k-th smallest of `a` (0-based), reordering `a` in place: Hoare's selection, O(n) on
 * average, where sorting 65,536 doubles to read one percentile took ~5 ms.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * Log spacing: levels at min + offset where the offsets grow geometrically from a small one (the
 * 1st percentile of the grid above its minimum) to the range, so each line is a constant factor
 * further up the walls.
 */
function logThresholds(min: number, max: number, p1: number, count: number): number[] {
  const range = max - min;
  const first = p1 - min;
  const low = first > range * 1e-9 ? first : range * 1e-6;
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
  const finite = finiteValues(values);
  if (finite.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < finite.length; i++) {
    const v = finite[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return [min];
  const n = Math.max(1, Math.min(64, Math.floor(count)));
  if (spacing === 'log') {
    const p1 = kthSmallest(finite, Math.floor((finite.length - 1) * 0.01));
    return logThresholds(min, max, p1, n);
  }
  return quantileThresholds(finite.sort(), n);
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

/** Points closer than this (grid cells) to the chord of their neighbours add nothing visible. */
const SIMPLIFY_TOLERANCE = 0.05;

/** Distance from point i of a flat [x, y, …] array to the segment between points a and b. */
function segmentDistance(p: Float64Array, i: number, a: number, b: number): number {
  const ax = p[2 * a]!;
  const ay = p[2 * a + 1]!;
  const dx = p[2 * b]! - ax;
  const dy = p[2 * b + 1]! - ay;
  const px = p[2 * i]! - ax;
  const py = p[2 * i + 1]! - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
  return Math.hypot(px - t * dx, py - t * dy);
}

/**
 * Douglas–Peucker over a flat [x0, y0, x1, y1, …] polyline: marks the fewest points such that
 * every dropped one lies within SIMPLIFY_TOLERANCE of the simplified line. Smoothed contours carry
 * a point per crossed cell edge, mostly collinear, and each one costs string building here and
 * SVG parsing in the page.
 */
export function simplifyFlat(points: Float64Array): Uint8Array {
  const n = points.length >> 1;
  const keep = new Uint8Array(n);
  if (n === 0) return keep;
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const dist = segmentDistance(points, i, first, last);
      if (dist > worst) {
        worst = dist;
        index = i;
      }
    }
    if (index >= 0 && worst > SIMPLIFY_TOLERANCE) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  return keep;
}

/** Douglas–Peucker (see simplifyFlat) for a polyline given as [x, y] pairs. */
export function simplifyRun(points: readonly (readonly number[])[]): (readonly number[])[] {
  if (points.length <= 2) return [...points];
  const keep = simplifyFlat(Float64Array.from(points.flatMap((p) => [p[0]!, p[1]!])));
  return points.filter((_, i) => keep[i] === 1);
}

/** SVG path text of level lines (simplified, rounded to a tenth of a cell); closed ones end in Z. */
export function isolinesPath(lines: readonly Isoline[]): string {
  let d = '';
  for (const line of lines) {
    const p = line.points;
    const keep = simplifyFlat(p);
    let first = true;
    for (let i = 0; i < keep.length; i++) {
      if (keep[i] !== 1) continue;
      d += `${first ? 'M' : 'L'}${round(p[2 * i]!)},${round(p[2 * i + 1]!)}`;
      first = false;
    }
    if (line.closed) d += 'Z';
  }
  return d;
}

/**
 * Contour lines of a row-major `width × height` grid (cell centres at i + 0.5, j + 0.5) as SVG
 * paths in grid units, one per threshold: the level lines of d3-contour's smoothed contours,
 * without the pieces along the grid's frame (see isolines.ts). Non-finite cells are treated as
 * higher than every level, so a pole or an overflow region reads as a wall rather than a hole.
 */
export function contourPaths(
  values: ArrayLike<number>,
  width: number,
  height: number,
  thresholds: readonly number[],
): ContourPath[] {
  if (thresholds.length === 0) return [];
  const lines = isolines(values, width, height, thresholds);
  return thresholds.map((value, k) => ({ value, d: isolinesPath(lines[k] ?? []) }));
}
