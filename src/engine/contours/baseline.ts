/**
 * The contour pipeline as it was before issue 11's speed-up, verbatim but for the names: levels
 * from a full sort (quantile) or a selection in a copy of the grid (log), one array per line, one
 * string per number, Math.hypot at every point of Douglas–Peucker. Not used by the app: it is the
 * exact reference the fast pipeline is pinned to (reference.test.ts: same levels to the bit, same
 * path text) and the baseline `npm run bench` times the fast one against.
 */
import { sampleGrid } from '../surfaces/grid';
import type { Surface } from '../types';
import { bandIndices, finiteExtent } from './contours';
import type { Isoline } from './isolines';
import { quiverSamples } from './layer';
import type { ContourPath, LevelSpacing, SurfaceLayer, SurfaceLayerRequest } from './types';

// Marching-squares cases as (from, to) pairs of local edges, d3-contour's table and directions.
// Corner bits: 1 = (x, y+1), 2 = (x+1, y+1), 4 = (x+1, y), 8 = (x, y); "above" means v >= level.
const TOP = 0;
const BOTTOM = 1;
const LEFT = 2;
const RIGHT = 3;
const CASES: readonly (readonly number[])[] = [
  [],
  [BOTTOM, LEFT],
  [RIGHT, BOTTOM],
  [RIGHT, LEFT],
  [TOP, RIGHT],
  [BOTTOM, LEFT, TOP, RIGHT],
  [TOP, BOTTOM],
  [TOP, LEFT],
  [LEFT, TOP],
  [BOTTOM, TOP],
  [LEFT, TOP, RIGHT, BOTTOM],
  [RIGHT, TOP],
  [LEFT, RIGHT],
  [BOTTOM, RIGHT],
  [LEFT, BOTTOM],
  [],
];

/** A growable list of int pairs. */
class PairList {
  data = new Int32Array(64);
  length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/** d3-contour's interpolation of a level between two samples along a cell edge. */
function smooth1(x: number, v0: number, v1: number, value: number): number {
  const a = value - v0;
  const b = v1 - v0;
  const d = Number.isFinite(a) || Number.isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
  return Number.isNaN(d) ? x : x + d - 0.5;
}

/**
 * Level lines of a row-major `width × height` grid (samples at cell centres) for each of the
 * ascending `thresholds`, in grid units, lines touching the frame cut half a cell inside it.
 * Non-finite samples count as higher than every level (a pole reads as a wall, not a hole).
 */
function isolines(
  values: ArrayLike<number>,
  width: number,
  height: number,
  thresholds: readonly number[],
): Isoline[][] {
  const levels = thresholds.length;
  if (levels === 0 || width < 2 || height < 2) return thresholds.map(() => []);
  const v = new Float64Array(width * height);
  for (let i = 0; i < v.length; i++) {
    const x = values[i]!;
    v[i] = Number.isFinite(x) ? x : Number.MAX_VALUE;
  }
  const t = Float64Array.from(thresholds);
  const segments = thresholds.map(() => new PairList());
  // Edge ids: horizontal edge (i, j)–(i+1, j) is j·width + i; vertical (i, j)–(i, j+1) is
  // width·height + j·width + i.
  const vertical = width * height;
  const local = new Int32Array(4);

  for (let y = 0; y < height - 1; y++) {
    const row = y * width;
    for (let x = 0; x < width - 1; x++) {
      const a = v[row + x]!; // (x, y), bit 8
      const b = v[row + x + 1]!; // (x+1, y), bit 4
      const c = v[row + width + x + 1]!; // (x+1, y+1), bit 2
      const d = v[row + width + x]!; // (x, y+1), bit 1
      const lo = Math.min(a, b, c, d);
      const hi = Math.max(a, b, c, d);
      // Levels with lo < level <= hi cross this cell: the first one above lo, by bisection.
      let k = 0;
      let end = levels;
      while (k < end) {
        const mid = (k + end) >>> 1;
        if (t[mid]! <= lo) k = mid + 1;
        else end = mid;
      }
      if (k >= levels || t[k]! > hi) continue;
      local[TOP] = row + x;
      local[BOTTOM] = row + width + x;
      local[LEFT] = vertical + row + x;
      local[RIGHT] = vertical + row + x + 1;
      for (; k < levels; k++) {
        const level = t[k]!;
        if (level > hi) break;
        const code =
          (d >= level ? 1 : 0) | (c >= level ? 2 : 0) | (b >= level ? 4 : 0) | (a >= level ? 8 : 0);
        const segs = CASES[code]!;
        const list = segments[k]!;
        for (let s = 0; s < segs.length; s += 2) list.push(local[segs[s]!]!, local[segs[s + 1]!]!);
      }
    }
  }

  // Join each level's segments: every crossed edge has at most one segment leaving it and one
  // arriving, so chains start where nothing arrives and the rest are closed loops.
  const edges = 2 * width * height;
  const next = new Int32Array(edges);
  const leaves = new Int32Array(edges);
  const arrives = new Int32Array(edges);
  const out: Isoline[][] = [];
  const buffer: number[] = [];
  for (let k = 0; k < levels; k++) {
    const level = t[k]!;
    const stamp = k + 1;
    const { data, length } = segments[k]!;
    for (let s = 0; s < length; s += 2) {
      next[data[s]!] = data[s + 1]!;
      leaves[data[s]!] = stamp;
      arrives[data[s + 1]!] = stamp;
    }
    const lines: Isoline[] = [];
    const point = (e: number): void => {
      if (e < vertical) {
        const j = Math.floor(e / width);
        const i = e - j * width;
        buffer.push(smooth1(i + 1, v[e]!, v[e + 1]!, level), j + 0.5);
      } else {
        const f = e - vertical;
        const j = Math.floor(f / width);
        const i = f - j * width;
        buffer.push(i + 0.5, smooth1(j + 1, v[f]!, v[f + width]!, level));
      }
    };
    const walk = (first: number, closed: boolean): void => {
      buffer.length = 0;
      let e = first;
      point(e);
      while (leaves[e] === stamp) {
        leaves[e] = 0;
        e = next[e]!;
        point(e);
      }
      lines.push({ points: Float64Array.from(buffer), closed });
    };
    for (let s = 0; s < length; s += 2) {
      const from = data[s]!;
      if (leaves[from] === stamp && arrives[from] !== stamp) walk(from, false);
    }
    for (let s = 0; s < length; s += 2) {
      const from = data[s]!;
      if (leaves[from] === stamp) walk(from, true);
    }
    out.push(lines);
  }
  return out;
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
function kthSmallest(a: Float64Array, k: number): number {
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
export function baselineThresholds(
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
function simplifyFlat(points: Float64Array): Uint8Array {
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

/** SVG path text of level lines (simplified, rounded to a tenth of a cell); closed ones end in Z. */
function isolinesPath(lines: readonly Isoline[]): string {
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
export function baselinePaths(
  values: ArrayLike<number>,
  width: number,
  height: number,
  thresholds: readonly number[],
): ContourPath[] {
  if (thresholds.length === 0) return [];
  const lines = isolines(values, width, height, thresholds);
  return thresholds.map((value, k) => ({ value, d: isolinesPath(lines[k] ?? []) }));
}

/** surfaceLayer as it was: the same grid, bands and quiver, the baseline's levels and paths. */
export function baselineSurfaceLayer(surface: Surface, request: SurfaceLayerRequest): SurfaceLayer {
  const width = Math.max(2, Math.min(1024, Math.floor(request.width)));
  const height = Math.max(2, Math.min(1024, Math.floor(request.height)));
  const grid = sampleGrid(surface, request.domain, width, height);
  const thresholds = baselineThresholds(grid, request.levels, request.spacing);
  const [min, max] = finiteExtent(grid);
  return {
    request: { ...request, width, height },
    grid,
    thresholds,
    bands: bandIndices(grid, thresholds),
    contours: baselinePaths(grid, width, height, thresholds),
    min,
    max,
    quiver: quiverSamples(surface, request.domain, Math.min(64, Math.floor(request.quiver))),
  };
}
