import { describe, expect, it } from 'vitest';
import { contourThresholds } from '../../engine/contours';
import { progressiveGrid } from '../../engine/landscape/progressive';
import type { PlaneEvaluator } from '../../engine/landscape/plane';
import type { LandscapeResult } from '../../worker/lab/protocol';
import { fillCoarse, planeToGrid, sliceImage, snapshotAt } from './landscapeMap';

const f = (a: number, b: number) => (a - 0.3) ** 2 + 2 * (b + 0.2) ** 2 + 0.1;
const plane: PlaneEvaluator = {
  origin: new Float64Array(0),
  d1: new Float64Array(0),
  d2: new Float64Array(0),
  lossAt: f,
};
const axis = (n: number, lo = -1, hi = 1) =>
  Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

function result(
  grid: Float64Array,
  alphas: Float64Array,
  betas: Float64Array,
  stride: number,
): LandscapeResult {
  return {
    directions: 'filter',
    alphas,
    betas,
    grid,
    knownStride: stride,
    done: 0,
    total: grid.length,
    originLoss: f(0, 0),
    originStep: 0,
    explained: null,
    paths: [],
    interpolation: { t: new Float64Array(0), loss: new Float64Array(0) },
  };
}

describe('landscape map helpers', () => {
  it('after the coarse pass every point shows the value of its nearest coarse point', () => {
    const alphas = axis(17);
    const betas = axis(17);
    const gen = progressiveGrid(plane, alphas, betas);
    let r = gen.next();
    while (!r.done && r.value.pass === 0 && r.value.row < 16) r = gen.next();
    if (r.done) throw new Error('ended early');
    const { grid, stride } = r.value;
    expect(grid.some(Number.isNaN)).toBe(true);
    const filled = fillCoarse(grid, 17, 17, stride);
    expect(filled.every(Number.isFinite)).toBe(true);
    // (5, 11) rounds to the coarse point (4, 12); computed points are kept.
    expect(filled[5 * 17 + 11]).toBe(f(alphas[4]!, betas[12]!));
    expect(filled[8 * 17 + 8]).toBe(f(alphas[8]!, betas[8]!));
    // Nothing known yet: nothing is invented.
    expect(fillCoarse(new Float64Array(4).fill(NaN), 2, 2, 0).every(Number.isNaN)).toBe(true);
  });

  it('draws α to the right and β up: the minimum of the slice lands in the cell under its plane point', () => {
    const alphas = axis(21);
    const betas = axis(21, -2, 2);
    const grid = new Float64Array(21 * 21);
    for (let i = 0; i < 21; i++)
      for (let j = 0; j < 21; j++) grid[i * 21 + j] = f(alphas[i]!, betas[j]!);
    const image = sliceImage(result(grid, alphas, betas, 1));
    expect([image.width, image.height]).toEqual([21, 21]);
    let best = 0;
    image.values.forEach((v, k) => {
      if (v < image.values[best]!) best = k;
    });
    const [x, y] = planeToGrid(alphas, betas, 0.3, -0.2);
    expect(best % 21).toBe(Math.floor(x));
    expect(Math.floor(best / 21)).toBe(Math.floor(y));
    // The visualizer's contour pipeline: its levels, one path per level, bands per cell.
    expect(image.thresholds).toEqual(contourThresholds(image.values, 16, 'log'));
    expect(image.contours).toHaveLength(image.thresholds.length);
    expect(image.bands[best]).toBe(0);
    expect(image.min).toBeCloseTo(f(0.3, -0.2), 1);
  });

  it('a grid point sits at the centre of its cell; the cursor finds the last snapshot at or before a step', () => {
    const alphas = axis(5);
    const betas = axis(5);
    expect(planeToGrid(alphas, betas, -1, 1)).toEqual([0.5, 0.5]);
    expect(planeToGrid(alphas, betas, 1, -1)).toEqual([4.5, 4.5]);
    const steps = Float64Array.from([0, 4, 8, 12, 13]);
    expect([0, 3, 4, 11, 13, 99].map((s) => snapshotAt(steps, s))).toEqual([0, 0, 1, 2, 4, 4]);
  });
});
