/**
 * The faster contour pipeline (selection of only the wanted ranks, a sampled cutoff for the 1st
 * percentile, lines traced into a scratch buffer, cached number text, square roots only where a
 * chord may split) must draw exactly what the straightforward one drew: the same levels to the
 * last bit and the same path text, character for character. The straightforward pipeline is kept
 * here, as it was before the speed-up, as the reference.
 */
import { describe, expect, it } from 'vitest';
import { resolveSurface, sampleGrid, SURFACE_IDS } from '../surfaces';
import type { Surface } from '../types';
import { contourPaths, contourThresholds, lowOrderStatistic, selectRanks } from './contours';
import type { LevelSpacing } from './types';

// ---- The reference: the pipeline before the speed-up (sorting, one array per line) ----

/** Ascending levels: log spacing above the 1st percentile, or linear-interpolated quantiles. */
function referenceThresholds(values: Float64Array, count: number, spacing: LevelSpacing): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort();
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (!(max > min)) return [min];
  const n = Math.max(1, Math.min(64, Math.floor(count)));
  const out: number[] = [];
  const last = sorted.length - 1;
  if (spacing === 'log') {
    const p1 = sorted[Math.floor(last * 0.01)]!;
    const range = max - min;
    const first = p1 - min;
    const low = first > range * 1e-9 ? first : range * 1e-6;
    for (let i = 0; i < n; i++) out.push(min + low * Math.pow(range / low, i / n));
    return out;
  }
  for (let i = 1; i <= n; i++) {
    const pos = (last * i) / (n + 1);
    const lo = Math.floor(pos);
    const v = sorted[lo]! + (sorted[Math.min(lo + 1, last)]! - sorted[lo]!) * (pos - lo);
    if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  }
  return out;
}

// d3-contour's marching-squares table as (from, to) pairs of local edges: 0 top, 1 bottom,
// 2 left, 3 right; corner bits 1 = (x, y+1), 2 = (x+1, y+1), 4 = (x+1, y), 8 = (x, y).
const CASES: readonly (readonly number[])[] = [
  [],
  [1, 2],
  [3, 1],
  [3, 2],
  [0, 3],
  [1, 2, 0, 3],
  [0, 1],
  [0, 2],
  [2, 0],
  [1, 0],
  [2, 0, 3, 1],
  [3, 0],
  [2, 3],
  [1, 3],
  [2, 1],
  [],
];

function smooth1(x: number, v0: number, v1: number, value: number): number {
  const a = value - v0;
  const b = v1 - v0;
  const d = Number.isFinite(a) || Number.isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
  return Number.isNaN(d) ? x : x + d - 0.5;
}

/** Level lines per threshold as flat point arrays, segment by segment as isolines.ts had them. */
function referenceLines(
  values: Float64Array,
  width: number,
  height: number,
  thresholds: readonly number[],
): { points: number[]; closed: boolean }[][] {
  const v = values.map((x) => (Number.isFinite(x) ? x : Number.MAX_VALUE));
  const vertical = width * height;
  return thresholds.map((level) => {
    const next = new Map<number, number>();
    const arrives = new Set<number>();
    const starts: number[] = [];
    for (let y = 0; y < height - 1; y++)
      for (let x = 0; x < width - 1; x++) {
        const row = y * width;
        const a = v[row + x]!;
        const b = v[row + x + 1]!;
        const c = v[row + width + x + 1]!;
        const d = v[row + width + x]!;
        const lo = Math.min(a, b, c, d);
        const hi = Math.max(a, b, c, d);
        if (!(lo < level && level <= hi)) continue;
        const local = [row + x, row + width + x, vertical + row + x, vertical + row + x + 1];
        const code =
          (d >= level ? 1 : 0) | (c >= level ? 2 : 0) | (b >= level ? 4 : 0) | (a >= level ? 8 : 0);
        const segs = CASES[code]!;
        for (let s = 0; s < segs.length; s += 2) {
          const from = local[segs[s]!]!;
          const to = local[segs[s + 1]!]!;
          next.set(from, to);
          arrives.add(to);
          starts.push(from);
        }
      }
    const point = (e: number): number[] => {
      if (e < vertical) {
        const j = Math.floor(e / width);
        const i = e - j * width;
        return [smooth1(i + 1, v[e]!, v[e + 1]!, level), j + 0.5];
      }
      const f = e - vertical;
      const j = Math.floor(f / width);
      const i = f - j * width;
      return [i + 0.5, smooth1(j + 1, v[f]!, v[f + width]!, level)];
    };
    const lines: { points: number[]; closed: boolean }[] = [];
    const walk = (first: number, closed: boolean): void => {
      const points = point(first);
      let e = first;
      while (next.has(e)) {
        const to = next.get(e)!;
        next.delete(e);
        e = to;
        points.push(...point(e));
      }
      lines.push({ points, closed });
    };
    for (const from of starts) if (next.has(from) && !arrives.has(from)) walk(from, false);
    for (const from of starts) if (next.has(from)) walk(from, true);
    return lines;
  });
}

function segmentDistance(p: readonly number[], i: number, a: number, b: number): number {
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

/** Douglas–Peucker with Math.hypot at every point, the first of equals splitting. */
function referenceKeep(points: readonly number[]): boolean[] {
  const n = points.length >> 1;
  const keep = new Array<boolean>(n).fill(false);
  if (n === 0) return keep;
  keep[0] = keep[n - 1] = true;
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
    if (index >= 0 && worst > 0.05) {
      keep[index] = true;
      stack.push(first, index, index, last);
    }
  }
  return keep;
}

function referencePaths(
  values: Float64Array,
  width: number,
  height: number,
  thresholds: readonly number[],
): string[] {
  const round = (v: number): number => Math.round(v * 10) / 10;
  return referenceLines(values, width, height, thresholds).map((lines) => {
    let d = '';
    for (const { points, closed } of lines) {
      const keep = referenceKeep(points);
      let first = true;
      keep.forEach((k, i) => {
        if (!k) return;
        d += `${first ? 'M' : 'L'}${round(points[2 * i]!)},${round(points[2 * i + 1]!)}`;
        first = false;
      });
      if (closed) d += 'Z';
    }
    return d;
  });
}

// ---- The comparisons ----

function surfaceOf(ref: { id: string } | { expr: string }): Surface {
  const resolved = resolveSurface(ref);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.surface;
}

/** The app's grid: 256 cells along the longer side. */
function appGrid(surface: Surface): { values: Float64Array; width: number; height: number } {
  const w = surface.domain.x[1] - surface.domain.x[0];
  const h = surface.domain.y[1] - surface.domain.y[0];
  const width = w >= h ? 256 : Math.round((256 * w) / h);
  const height = w >= h ? Math.round((256 * h) / w) : 256;
  return { values: sampleGrid(surface, surface.domain, width, height), width, height };
}

function expectSameDrawing(
  values: Float64Array,
  width: number,
  height: number,
  spacing: LevelSpacing,
): void {
  const thresholds = contourThresholds(values, 18, spacing);
  // Same levels to the last bit, not merely close.
  expect(thresholds).toEqual(referenceThresholds(values, 18, spacing));
  const paths = contourPaths(values, width, height, thresholds).map((p) => p.d);
  expect(paths).toEqual(referencePaths(values, width, height, thresholds));
}

describe('the fast contour pipeline draws what the straightforward one drew', () => {
  for (const id of SURFACE_IDS)
    for (const spacing of ['log', 'quantile'] as const)
      it(`${id}, ${spacing} spacing, at the app's 256-cell grid: same levels, same path text`, () => {
        const { values, width, height } = appGrid(surfaceOf({ id }));
        expectSameDrawing(values, width, height, spacing);
      });

  it('an expression with a pole and a hole (non-finite cells) draws the same', () => {
    const surface = surfaceOf({ expr: '1/(x^2 + y^2 - 1) + log(x + 3)' });
    const domain = { x: [-4, 4] as const, y: [-3, 3] as const };
    const values = sampleGrid(surface, { x: [...domain.x], y: [...domain.y] }, 160, 120);
    expect(values.some((v) => !Number.isFinite(v))).toBe(true);
    for (const spacing of ['log', 'quantile'] as const)
      expectSameDrawing(values, 160, 120, spacing);
  });

  it('a grid with fewer cells than levels draws the same', () => {
    const values = Float64Array.from([5, 1, 4, 1, 3, 9, 2, 6, 5, 3, 5, 8]);
    for (const spacing of ['log', 'quantile'] as const) expectSameDrawing(values, 4, 3, spacing);
  });

  it('plateaus of equal values (ties everywhere) draw the same', () => {
    const width = 120;
    const height = 90;
    const values = new Float64Array(width * height);
    for (let j = 0; j < height; j++)
      for (let i = 0; i < width; i++)
        values[j * width + i] = Math.round(Math.hypot(i - 60, j - 45) / 7);
    for (const spacing of ['log', 'quantile'] as const)
      expectSameDrawing(values, width, height, spacing);
  });
});

describe('order statistics without sorting', () => {
  let seed = 11;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sets: [string, Float64Array][] = [
    ['uniform', Float64Array.from({ length: 5000 }, random)],
    ['heavy ties', Float64Array.from({ length: 5000 }, () => Math.round(random() * 6))],
    ['sorted', Float64Array.from({ length: 5000 }, (_, i) => i)],
    ['reversed', Float64Array.from({ length: 5000 }, (_, i) => -i)],
    [
      'a spike of small values at the end',
      Float64Array.from({ length: 5000 }, (_, i) => (i > 4900 ? -1 - i : i)),
    ],
    // The sample takes every 9th value (5000 / 512): here only small ones, so its cutoff is too
    // low and the exact fallback must answer.
    [
      'a lattice the sample sees unfairly',
      Float64Array.from({ length: 5000 }, (_, i) => (i % 9 === 0 ? i : 10_000 + i)),
    ],
  ];

  for (const [name, values] of sets) {
    it(`${name}: selectRanks puts every wanted rank where sorting would`, () => {
      const sorted = Float64Array.from(values).sort();
      const ranks = [0, 1, 2, 50, 51, 999, 1000, 2500, 4998, 4999];
      const a = Float64Array.from(values);
      selectRanks(a, ranks);
      for (const r of ranks) expect(a[r]).toBe(sorted[r]);
      // Only reordered: the same multiset of values.
      expect(a.sort()).toEqual(sorted);
    });

    it(`${name}: lowOrderStatistic is the exact k-th smallest finite value`, () => {
      const withHoles = Float64Array.from(values);
      withHoles[7] = NaN;
      withHoles[1234] = -Infinity;
      withHoles[4321] = Infinity;
      const finite = withHoles.filter((v) => Number.isFinite(v)).sort();
      for (const k of [0, 3, 49, 200, 2000])
        expect(lowOrderStatistic(withHoles, finite.length, k)).toBe(finite[k]);
    });
  }
});
