/**
 * Contour levels and contour paths for a sampled grid. Levels are spaced for the eye, not
 * linearly: on x²/10 + y² or Rosenbrock, linear levels put every line on the walls and none in
 * the valley the optimizers travel along.
 */
import { traceIsolines } from './isolines';
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

/** The finite values of `values` in a new array, with their minimum and maximum. */
function finiteValues(values: ArrayLike<number>): {
  finite: Float64Array;
  min: number;
  max: number;
} {
  const out = new Float64Array(values.length);
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // v - v is 0 for finite v and NaN for ±Infinity or NaN.
    if (v - v === 0) {
      out[n++] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { finite: out.subarray(0, n), min, max };
}

/**
 * The k-th smallest of `a` (0-based), reordering `a` in place: Hoare's selection, O(n) on
 * average, where sorting 65,536 doubles to read one percentile took ~5 ms.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  return kthSmallestIn(a, 0, a.length - 1, k);
}

/**
 * Reorders `a` in place so that a[k] is the k-th smallest (0-based) for every k in `ranks`
 * (ascending): Hoare's selection, recursing only into the parts that hold a wanted rank, so the
 * 36 order statistics of 18 quantile levels cost a few passes over the grid where a full sort of
 * 65,536 doubles took ~5 ms. Reads the same values as sorting would.
 */
export function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  // Ranges still to split: [lo, hi] of `a` and [first, last] of `ranks`, four numbers each.
  const stack: number[] = [0, a.length - 1, 0, ranks.length - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (first > last || hi <= lo) continue;
    if (first === last) {
      kthSmallestIn(a, lo, hi, ranks[first]!);
      continue;
    }
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
    // a[lo..j] <= pivot, a[i..hi] >= pivot, and anything between equals the pivot, in place.
    let left = first;
    while (left <= last && ranks[left]! <= j) left++;
    let right = left;
    while (right <= last && ranks[right]! < i) right++;
    stack.push(lo, j, first, left - 1, i, hi, right, last);
  }
}

/** kthSmallest within a[lo..hi] (k an index of `a`). */
function kthSmallestIn(a: Float64Array, lo: number, hi: number, k: number): number {
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

/** How many values are finite, and their minimum and maximum. */
function finiteSummary(values: ArrayLike<number>): { count: number; min: number; max: number } {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v === 0) {
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { count, min, max };
}

/** Values a strided sample takes to guess a cutoff for lowOrderStatistic. */
const SAMPLE_SIZE = 512;

/**
 * The k-th smallest (0-based) of the `finite` finite values of `values`, for a small k, without
 * reordering a copy of the whole grid: a strided sample guesses a cutoff that about 2k + 64
 * values lie at or below, one pass collects those values, and Hoare's selection runs on them.
 * Exact: when fewer than k + 1 values fall under the cutoff (or too many to be worth it), it falls
 * back to selecting in a copy of every finite value, as before.
 */
export function lowOrderStatistic(values: ArrayLike<number>, finite: number, k: number): number {
  const length = values.length;
  const stride = Math.max(1, Math.floor(length / SAMPLE_SIZE));
  const capacity = 4 * k + 1024;
  if (capacity < finite) {
    const taken = new Float64Array(Math.ceil(length / stride));
    let m = 0;
    for (let i = 0; i < length; i += stride) {
      const v = values[i]!;
      if (v - v === 0) taken[m++] = v;
    }
    // Typed arrays sort numerically, natively.
    const sample = taken.subarray(0, m).sort();
    const wanted = 2 * k + 64;
    const rank = Math.min(m - 1, Math.ceil((wanted * m) / finite));
    const cutoff = m > 0 ? sample[rank]! : -Infinity;
    const low = new Float64Array(capacity);
    let n = 0;
    for (let i = 0; i < length && n < capacity; i++) {
      const v = values[i]!;
      // Finite values only: NaN compares false, -Infinity is left out by name.
      if (v <= cutoff && v !== -Infinity) low[n++] = v;
    }
    // Every value at or below the cutoff was collected (n < capacity) and there are more than k
    // of them, so the k smallest of all are among them.
    if (n < capacity && n > k) return kthSmallest(low.subarray(0, n), k);
  }
  return kthSmallest(finiteValues(values).finite, k);
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

/** Rank position of quantile level i (1-based) of `count` among `n` sorted values. */
const quantilePosition = (n: number, i: number, count: number): number =>
  ((n - 1) * i) / (count + 1);

/**
 * Quantile spacing: each band covers about the same share of the map (good for bumpy surfaces).
 * Linear interpolation between order statistics, read after `selectRanks` put them in place.
 */
function quantileThresholds(finite: Float64Array, count: number): number[] {
  const last = finite.length - 1;
  const wanted = new Set<number>();
  for (let i = 1; i <= count; i++) {
    const lo = Math.floor(quantilePosition(finite.length, i, count));
    wanted.add(lo).add(Math.min(lo + 1, last));
  }
  // Ascending and distinct (on a grid smaller than the level count, positions repeat).
  selectRanks(
    finite,
    [...wanted].sort((a, b) => a - b),
  );
  const out: number[] = [];
  for (let i = 1; i <= count; i++) {
    const pos = quantilePosition(finite.length, i, count);
    const lo = Math.floor(pos);
    const a = finite[lo]!;
    const v = a + (finite[Math.min(lo + 1, last)]! - a) * (pos - lo);
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
  const n = Math.max(1, Math.min(64, Math.floor(count)));
  if (spacing === 'log') {
    const { count: finiteCount, min, max } = finiteSummary(values);
    if (finiteCount === 0) return [];
    if (!(max > min)) return [min];
    const p1 = lowOrderStatistic(values, finiteCount, Math.floor((finiteCount - 1) * 0.01));
    return logThresholds(min, max, p1, n);
  }
  const { finite, min, max } = finiteValues(values);
  if (finite.length === 0) return [];
  if (!(max > min)) return [min];
  return quantileThresholds(finite, n);
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

/**
 * The text of v rounded to a tenth of a cell (a fraction of a screen pixel at any zoom the grid
 * is drawn at): String(n / 10) for n = Math.round(v · 10), cached for the tenths a grid of up to
 * 1,024 cells produces, as formatting a double was the dearest step of building a path.
 */
const TENTHS: string[] = [];
const TENTHS_CACHED = 10_250;
function tenthsText(v: number): string {
  const n = Math.round(v * 10);
  if (n >= 0 && n < TENTHS_CACHED) {
    // Filled up to n on first need, so the array stays packed.
    for (let m = TENTHS.length; m <= n; m++) TENTHS.push(String(m / 10));
    return TENTHS[n]!;
  }
  return String(n / 10);
}

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

/** Scratch for simplifyInto: the split stack and squared distances, grown as needed. */
let splitStack = new Int32Array(256);
let squared = new Float64Array(1024);

/**
 * Squared distances below this times the largest one cannot tie with it once taken to Math.hypot
 * (whose rounding is ~1e-16 relative): only the points above it need the exact distance.
 */
const TIE_MARGIN = 1 - 1e-9;

/**
 * Douglas–Peucker over the first `n` points of a flat [x0, y0, x1, y1, …] array, marking kept
 * points with 1 in keep[0 … n) (which must be zeroed). Chooses exactly the points simplifyFlat
 * always chose, with Math.hypot's distances and the first of equals, but takes the square roots
 * only for the few points that can be the farthest of a chord that must be split.
 */
function simplifyInto(points: Float64Array, n: number, keep: Uint8Array): void {
  if (n === 0) return;
  keep[0] = 1;
  keep[n - 1] = 1;
  if (squared.length < n) squared = new Float64Array(Math.max(n, 2 * squared.length));
  const d2 = squared;
  const tolerance2 = SIMPLIFY_TOLERANCE * SIMPLIFY_TOLERANCE * TIE_MARGIN;
  let top = 0;
  splitStack[top++] = 0;
  splitStack[top++] = n - 1;
  while (top > 0) {
    const last = splitStack[--top]!;
    const first = splitStack[--top]!;
    const ax = points[2 * first]!;
    const ay = points[2 * first + 1]!;
    const dx = points[2 * last]! - ax;
    const dy = points[2 * last + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    let max2 = -1;
    for (let i = first + 1; i < last; i++) {
      const px = points[2 * i]! - ax;
      const py = points[2 * i + 1]! - ay;
      let t = 0;
      if (len2 > 0) {
        t = (px * dx + py * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
      }
      const ex = px - t * dx;
      const ey = py - t * dy;
      const dist2 = ex * ex + ey * ey;
      d2[i] = dist2;
      if (dist2 > max2) max2 = dist2;
    }
    // Every point well within the tolerance: no split, whichever is the farthest.
    if (max2 < tolerance2) continue;
    const near = max2 * TIE_MARGIN;
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      if (d2[i]! < near) continue;
      const dist = segmentDistance(points, i, first, last);
      if (dist > worst) {
        worst = dist;
        index = i;
      }
    }
    if (index >= 0 && worst > SIMPLIFY_TOLERANCE) {
      keep[index] = 1;
      if (top + 4 > splitStack.length) {
        const grown = new Int32Array(splitStack.length * 2);
        grown.set(splitStack);
        splitStack = grown;
      }
      splitStack[top++] = first;
      splitStack[top++] = index;
      splitStack[top++] = index;
      splitStack[top++] = last;
    }
  }
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
  simplifyInto(points, n, keep);
  return keep;
}

/** Douglas–Peucker (see simplifyFlat) for a polyline given as [x, y] pairs. */
export function simplifyRun(points: readonly (readonly number[])[]): (readonly number[])[] {
  if (points.length <= 2) return [...points];
  const keep = simplifyFlat(Float64Array.from(points.flatMap((p) => [p[0]!, p[1]!])));
  return points.filter((_, i) => keep[i] === 1);
}

/** Path text of one line (simplified, rounded to a tenth of a cell), ending in Z when closed. */
function linePath(points: Float64Array, n: number, closed: boolean, keep: Uint8Array): string {
  keep.fill(0, 0, n);
  simplifyInto(points, n, keep);
  let d = '';
  let command = 'M';
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    d += command + tenthsText(points[2 * i]!) + ',' + tenthsText(points[2 * i + 1]!);
    command = 'L';
  }
  return closed ? d + 'Z' : d;
}

/** SVG path text of level lines (simplified, rounded to a tenth of a cell); closed ones end in Z. */
export function isolinesPath(lines: readonly Isoline[]): string {
  let d = '';
  for (const line of lines) {
    const n = line.points.length >> 1;
    d += linePath(line.points, n, line.closed, new Uint8Array(n));
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
  const d = thresholds.map(() => '');
  let keep = new Uint8Array(1024);
  traceIsolines(values, width, height, thresholds, (k, points, n, closed) => {
    if (n > keep.length) keep = new Uint8Array(Math.max(n, 2 * keep.length));
    d[k] += linePath(points, n, closed, keep);
  });
  return thresholds.map((value, k) => ({ value, d: d[k]! }));
}
