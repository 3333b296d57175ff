/**
 * The faster contour pipeline (selection of only the wanted ranks, a sampled cutoff for the 1st
 * percentile, lines traced into a scratch buffer, cached number text, square roots only where a
 * chord may split) must draw exactly what the pipeline before it drew (kept verbatim in
 * baseline.ts): the same levels to the last bit and the same path text, character for character.
 */
import { describe, expect, it } from 'vitest';
import { resolveSurface, sampleGrid, SURFACE_IDS } from '../surfaces';
import type { Surface } from '../types';
import { contourPaths, contourThresholds, lowOrderStatistic, selectRanks } from './contours';
import { baselinePaths, baselineSurfaceLayer, baselineThresholds } from './baseline';
import { surfaceLayer } from './layer';
import type { LevelSpacing } from './types';

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
  expect(thresholds).toEqual(baselineThresholds(values, 18, spacing));
  const paths = contourPaths(values, width, height, thresholds).map((p) => p.d);
  expect(paths).toEqual(baselinePaths(values, width, height, thresholds).map((p) => p.d));
}

describe('the fast contour pipeline draws what the straightforward one drew', () => {
  for (const id of SURFACE_IDS)
    for (const spacing of ['log', 'quantile'] as const)
      it(`${id}, ${spacing} spacing, at the app's 256-cell grid: same levels, same path text`, () => {
        const { values, width, height } = appGrid(surfaceOf({ id }));
        expectSameDrawing(values, width, height, spacing);
      });

  it('the whole layer a surface change sends (levels, bands, range, paths, arrows) is the same', () => {
    for (const id of ['rastrigin', 'six-hump-camel']) {
      const surface = surfaceOf({ id });
      const request = {
        surface: { id },
        domain: surface.domain,
        width: 256,
        height: 154,
        spacing: 'quantile' as const,
        levels: 18,
        quiver: 22,
      };
      expect(surfaceLayer(surface, request)).toEqual(baselineSurfaceLayer(surface, request));
    }
  });

  it('an expression with a pole and a hole (non-finite cells) draws the same', () => {
    const surface = surfaceOf({ expr: '1/(x^2 + y^2 - 1) + log(x + 3)' });
    const domain = { x: [-4, 4] as const, y: [-3, 3] as const };
    const values = sampleGrid(surface, { x: [...domain.x], y: [...domain.y] }, 160, 120);
    expect(values.some((v) => !Number.isFinite(v))).toBe(true);
    for (const spacing of ['log', 'quantile'] as const)
      expectSameDrawing(values, 160, 120, spacing);
  });

  it('a grid over 512² (scratch tables not kept) and a small one after it draw the same', () => {
    const surface = surfaceOf({ id: 'himmelblau' });
    for (const [width, height] of [
      [600, 460],
      [40, 30],
    ] as const) {
      const values = sampleGrid(surface, surface.domain, width, height);
      expectSameDrawing(values, width, height, 'log');
    }
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
