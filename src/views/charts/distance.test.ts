import { describe, expect, it } from 'vitest';
import { distanceSeries } from './distance';

describe('distanceSeries', () => {
  it('measures each step against the nearest minimum', () => {
    // Himmelblau-like: two minima; the path walks from near one to near the other.
    const minima = [
      [3, 2],
      [-3, 2],
    ] as const;
    const points = new Float64Array([0, 2, 2, 2, 3, 5, -3, 2]);
    const d = distanceSeries(points, 4, minima);
    expect(Array.from(d)).toEqual([3, 1, 3, 0]);
  });

  it('reads only the finite prefix of a diverged run', () => {
    const points = new Float64Array([3, 4, Number.NaN, Number.NaN]);
    const d = distanceSeries(points, 1, [[0, 0]]);
    expect(d.length).toBe(1);
    expect(d[0]).toBe(5);
  });

  it('never returns NaN, even without minima or with a non-finite point', () => {
    const noMinima = distanceSeries(new Float64Array([1, 1]), 1, []);
    expect(noMinima[0]).toBe(Number.POSITIVE_INFINITY);
    const bad = distanceSeries(new Float64Array([Number.NaN, 0]), 1, [[0, 0]]);
    expect(Number.isNaN(bad[0])).toBe(false);
  });
});
