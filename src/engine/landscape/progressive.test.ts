import { describe, expect, it } from 'vitest';
import { evaluateGrid } from './plane';
import type { PlaneEvaluator } from './plane';
import { coarsestStride, progressiveGrid } from './progressive';

/** A plane whose loss is a known function of (α, β), counting its evaluations. */
function countingPlane(): PlaneEvaluator & { calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const empty = new Float64Array(0);
  return {
    origin: empty,
    d1: empty,
    d2: empty,
    calls,
    lossAt(a, b) {
      const key = `${a},${b}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return Math.sin(a) * b + a * a;
    },
  };
}

const axis = (n: number) => Array.from({ length: n }, (_, i) => -1 + (2 * i) / Math.max(1, n - 1));

describe('progressive grid', () => {
  for (const [na, nb] of [
    [41, 41],
    [7, 3],
    [1, 1],
    [1, 50],
    [33, 10],
  ] as const) {
    it(`${na} × ${nb}: coarse first, every point once, the same grid as evaluating it whole`, () => {
      const plane = countingPlane();
      const alphas = axis(na);
      const betas = axis(nb);
      const gen = progressiveGrid(plane, alphas, betas);
      let r = gen.next();
      let lastPass = -1;
      let lastStride = Infinity;
      let grid: Float64Array<ArrayBufferLike> = new Float64Array(0);
      while (!r.done) {
        const u = r.value;
        grid = u.grid;
        if (u.pass !== lastPass) {
          // A pass starts: the previous pass's coarse grid must be complete.
          if (lastPass >= 0) {
            for (let i = 0; i < na; i += lastStride)
              for (let j = 0; j < nb; j += lastStride) expect(grid[i * nb + j]).not.toBeNaN();
          }
          expect(u.stride).toBeLessThan(lastStride);
          lastPass = u.pass;
          lastStride = u.stride;
        }
        for (let j = u.colStart; j < nb; j += u.colStep) expect(grid[u.row * nb + j]).not.toBeNaN();
        r = gen.next();
      }
      expect(r.value).toEqual({ completed: true });
      expect(lastStride).toBe(1);
      expect([...plane.calls.values()].every((c) => c === 1)).toBe(true);
      expect(plane.calls.size).toBe(na * nb);
      expect(grid).toEqual(evaluateGrid(countingPlane(), alphas, betas));
    });
  }

  it('a 41 × 41 grid shows a 6 × 6 picture after its first pass, about 2% of the work', () => {
    expect(coarsestStride(41, 41)).toBe(8);
    const gen = progressiveGrid(countingPlane(), axis(41), axis(41));
    const first = [...gen].filter((u) => u.pass === 0);
    expect(first.map((u) => u.row)).toEqual([0, 8, 16, 24, 32, 40]);
    expect(first[first.length - 1]!.done).toBe(36);
  });

  it('stops before the next row once cancelled, and says so', () => {
    const plane = countingPlane();
    const signal = { aborted: false };
    const gen = progressiveGrid(plane, axis(41), axis(41), { signal });
    let rows = 0;
    let r = gen.next();
    while (!r.done) {
      rows++;
      if (rows === 9) signal.aborted = true;
      r = gen.next();
    }
    expect(r.value).toEqual({ completed: false });
    expect(rows).toBe(9);
    const computed = [...plane.calls.values()].length;
    expect(computed).toBeLessThan(41 * 41);
    expect(() => progressiveGrid(plane, [0], [0], { coarsestStride: 3 }).next()).toThrow(
      RangeError,
    );
  });
});
