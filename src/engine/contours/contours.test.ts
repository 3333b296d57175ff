import { describe, expect, it } from 'vitest';
import {
  bandIndices,
  contourPaths,
  contourThresholds,
  finiteExtent,
  kthSmallest,
  simplifyRun,
} from './contours';

/** A w × h grid of f at cell centres, grid units, row 0 on top. */
function grid(w: number, h: number, f: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) out[j * w + i] = f(i + 0.5, j + 0.5);
  return out;
}

const bowl = grid(40, 40, (x, y) => (x - 20) ** 2 + (y - 20) ** 2);

describe('contour thresholds', () => {
  it('log spacing grows the offsets above the minimum by a constant factor', () => {
    const t = contourThresholds(bowl, 10, 'log');
    const min = finiteExtent(bowl)[0];
    expect(t).toHaveLength(10);
    const ratios = t.slice(1).map((v, i) => (v - min) / (t[i]! - min));
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 9);
    expect(ratios[0]!).toBeGreaterThan(1);
    // Valleys show: half the levels sit in the lowest tenth of the range.
    const max = finiteExtent(bowl)[1];
    expect(t.filter((v) => v < min + (max - min) / 10).length).toBeGreaterThanOrEqual(5);
  });

  it('quantile spacing gives each band about the same number of cells', () => {
    const t = contourThresholds(bowl, 4, 'quantile');
    expect(t).toHaveLength(4);
    const counts = new Array<number>(5).fill(0);
    for (const b of bandIndices(bowl, t)) counts[b]!++;
    for (const c of counts) expect(Math.abs(c - bowl.length / 5)).toBeLessThan(bowl.length * 0.03);
  });

  it('ignores non-finite cells and still returns finite ascending levels', () => {
    const values = Float64Array.from(bowl);
    values[0] = NaN;
    values[1] = Infinity;
    values[2] = -Infinity;
    for (const spacing of ['log', 'quantile'] as const) {
      const t = contourThresholds(values, 12, spacing);
      expect(t.length).toBeGreaterThan(0);
      for (let i = 0; i < t.length; i++) {
        expect(Number.isFinite(t[i]!)).toBe(true);
        if (i > 0) expect(t[i]!).toBeGreaterThan(t[i - 1]!);
      }
    }
  });

  it('selection finds the same order statistic as sorting, duplicates and all', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10;
    const values = Float64Array.from({ length: 2001 }, () => Math.round(random() * 4) / 4);
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 1, 20, 1000, 1999, 2000])
      expect(kthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
  });

  it('a flat surface gets one level and an all-NaN grid none', () => {
    expect(contourThresholds(new Float64Array(16).fill(3), 10, 'log')).toEqual([3]);
    expect(contourThresholds(new Float64Array(16).fill(NaN), 10, 'quantile')).toEqual([]);
  });

  it('bands count the levels at or below each cell and mark non-finite cells', () => {
    expect([...bandIndices([0, 1, 1.5, 9, NaN], [1, 2])]).toEqual([0, 1, 1, 2, 255]);
  });
});

describe('contour paths', () => {
  it('the level r² of a bowl is a closed ring of radius r around its centre, in grid units', () => {
    const [path] = contourPaths(bowl, 40, 40, [100]);
    const points = [...path!.d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(points.length).toBeGreaterThan(20);
    // One closed ring, and no line drawn along the frame of the grid.
    expect(path!.d.match(/M/g)).toHaveLength(1);
    expect(path!.d.endsWith('Z')).toBe(true);
    for (const [x, y] of points) expect(Math.hypot(x! - 20, y! - 20)).toBeCloseTo(10, 0);
  });

  it('simplified lines stay within a twentieth of a cell of the exact ones and use far fewer points', () => {
    const circle: number[][] = [];
    for (let k = 0; k <= 400; k++)
      circle.push([
        20 + 10 * Math.cos((k / 400) * 2 * Math.PI),
        20 + 10 * Math.sin((k / 400) * 2 * Math.PI),
      ]);
    const kept = simplifyRun(circle);
    expect(kept.length).toBeLessThan(circle.length / 4);
    expect(kept[0]).toEqual(circle[0]);
    expect(kept[kept.length - 1]).toEqual(circle[circle.length - 1]);
    // Every original point is near the simplified polyline.
    for (const p of circle) {
      let best = Infinity;
      for (let i = 1; i < kept.length; i++) {
        const a = kept[i - 1]!;
        const b = kept[i]!;
        const dx = b[0]! - a[0]!;
        const dy = b[1]! - a[1]!;
        const t = Math.max(
          0,
          Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy)),
        );
        best = Math.min(best, Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy));
      }
      expect(best).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('a valley that runs off the grid is an open line, not a box', () => {
    // f = (y - 10)²: the level 4 is the two lines y = 8 and y = 12, each from edge to edge.
    const [path] = contourPaths(
      grid(20, 20, (_x, y) => (y - 10) ** 2),
      20,
      20,
      [4],
    );
    expect(path!.d.match(/M/g)).toHaveLength(2);
    expect(path!.d).not.toContain('Z');
    const ys = [...path!.d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    for (const y of ys) expect(Math.min(Math.abs(y - 8), Math.abs(y - 12))).toBeLessThan(0.1);
  });

  it('a pole (non-finite cells) does not break the other lines', () => {
    const values = grid(20, 20, (x, y) => 1 / ((x - 10) ** 2 + (y - 10) ** 2 - 0.5 ** 2 * 0));
    values[10 * 20 + 10] = Infinity;
    const paths = contourPaths(values, 20, 20, [0.01, 0.1]);
    for (const p of paths) expect(p.d).not.toMatch(/NaN|Infinity/);
  });
});
