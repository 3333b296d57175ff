import { describe, expect, it } from 'vitest';
import { boundaryPixels, decimate } from './plots';

describe('lab plot helpers', () => {
  it('a long loss series is thinned but keeps its spike, first and last step', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => 1 / (1 + i));
    values[5_123] = 50;
    const points = decimate(values, 300);
    expect(points.length).toBeLessThanOrEqual(310);
    expect(points[0]).toEqual([0, 1]);
    expect(points[points.length - 1]![0]).toBe(9_999);
    expect(points).toContainEqual([5_123, 50]);
    expect(points.map((p) => p[0])).toEqual([...points.map((p) => p[0])].sort((a, b) => a - b));
  });

  it('a short series is returned whole', () => {
    expect(decimate(Float64Array.of(3, 2, 1), 300)).toEqual([
      [0, 3],
      [1, 2],
      [2, 1],
    ]);
  });

  it('confident cells take their class tint, the 0.5 boundary is white and NaN is grey', () => {
    const px = boundaryPixels(Float32Array.of(0, 0.5, 1, Number.NaN), 2);
    const rgb = (i: number): number[] => Array.from(px.subarray(4 * i, 4 * i + 3));
    expect(rgb(1)).toEqual([255, 255, 255]);
    // Class 0 (orange tint) is redder than blue; class 1 (blue tint) the other way round.
    expect(rgb(0)[0]!).toBeGreaterThan(rgb(0)[2]!);
    expect(rgb(2)[2]!).toBeGreaterThan(rgb(2)[0]!);
    expect(rgb(3)).toEqual([200, 200, 200]);
    expect(px[15]).toBe(255);
  });
});
