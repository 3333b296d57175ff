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

const round = (v: number): number => Math.round(v * 100) / 100;

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
      let pen = false;
      let closedOnFrame = false;
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i]!;
        const prev = ring[i - 1];
        const draw = prev !== undefined && !alongFrame(prev, p, width, height);
        if (draw && !pen) {
          d += `M${round(prev[0]!)},${round(prev[1]!)}`;
          pen = true;
        }
        if (draw) d += `L${round(p[0]!)},${round(p[1]!)}`;
        else pen = false;
        if (!draw && prev !== undefined) closedOnFrame = true;
      }
      if (pen && !closedOnFrame) d += 'Z';
    }
  }
  return d;
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
