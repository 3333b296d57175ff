import { contours } from 'd3';
import { describe, expect, it } from 'vitest';
import { isolines } from './isolines';

/** A w × h grid of f at cell centres, grid units, row 0 on top. */
function grid(w: number, h: number, f: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) out[j * w + i] = f(i + 0.5, j + 0.5);
  return out;
}

const key = (ax: number, ay: number, bx: number, by: number): string => {
  const a = `${ax.toFixed(9)},${ay.toFixed(9)}`;
  const b = `${bx.toFixed(9)},${by.toFixed(9)}`;
  return a < b ? `${a}|${b}` : `${b}|${a}`;
};

/** d3-contour's smoothed rings for `value`, as segments, leaving out those touching the frame. */
function d3Segments(values: Float64Array, w: number, h: number, value: number): string[] {
  const clean = Float64Array.from(values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE));
  const onFrame = (p: readonly number[]): boolean =>
    p[0] === 0 || p[1] === 0 || p[0] === w || p[1] === h;
  const out: string[] = [];
  const shape = contours()
    .size([w, h])
    .smooth(true)
    .contour(clean as unknown as number[], value);
  for (const polygon of shape.coordinates)
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        if (!onFrame(a) && !onFrame(b)) out.push(key(a[0]!, a[1]!, b[0]!, b[1]!));
      }
  return out.sort();
}

function ownSegments(values: Float64Array, w: number, h: number, thresholds: number[]): string[][] {
  return isolines(values, w, h, thresholds).map((lines) => {
    const out: string[] = [];
    for (const { points: p } of lines)
      for (let i = 2; i < p.length; i += 2) out.push(key(p[i - 2]!, p[i - 1]!, p[i]!, p[i + 1]!));
    return out.sort();
  });
}

const W = 48;
const H = 36;
const cases: [string, Float64Array, number[]][] = [
  ['a bowl', grid(W, H, (x, y) => (x - 20) ** 2 + (y - 17) ** 2), [3, 40, 200, 900]],
  [
    'ripples full of saddle cells',
    grid(W, H, (x, y) => Math.sin(x / 2.3) * Math.cos(y / 1.7) + 0.01 * x),
    [-0.6, -0.2, 0, 0.2, 0.55],
  ],
  ['a valley that runs off the grid', grid(W, H, (x, y) => (y - 0.3 * x - 5) ** 2), [0.5, 4, 30]],
  [
    'a pole and NaN holes',
    (() => {
      const g = grid(W, H, (x, y) => 1 / Math.hypot(x - 24, y - 18));
      g[18 * W + 24] = Infinity;
      g[5 * W + 7] = NaN;
      g[30 * W + 40] = -Infinity;
      return g;
    })(),
    [0.05, 0.1, 0.3],
  ],
  // Integer-valued plateaus put samples exactly on a level (the >= side of d3's test).
  ['plateaus that sit exactly on a level', grid(W, H, (x, y) => Math.round((x + y) / 9)), [2, 5]],
];

describe('single-pass isolines', () => {
  for (const [name, values, thresholds] of cases) {
    it(`${name}: the same level lines as d3-contour, segment for segment, frame pieces aside`, () => {
      const own = ownSegments(values, W, H, thresholds);
      thresholds.forEach((value, k) => {
        const expected = d3Segments(values, W, H, value);
        expect(expected.length).toBeGreaterThan(0);
        expect(own[k]).toEqual(expected);
      });
    });
  }

  it('a ring inside the grid comes back as one closed line ending where it began', () => {
    const [lines] = isolines(
      grid(W, H, (x, y) => (x - 20) ** 2 + (y - 17) ** 2),
      W,
      H,
      [100],
    );
    expect(lines).toHaveLength(1);
    const { points, closed } = lines![0]!;
    expect(closed).toBe(true);
    expect([points[0], points[1]]).toEqual([points.at(-2), points.at(-1)]);
  });

  it('a line leaving the grid is open and stops half a cell inside the frame', () => {
    const [lines] = isolines(
      grid(W, H, (_x, y) => y),
      W,
      H,
      [10],
    );
    expect(lines).toHaveLength(1);
    const { points, closed } = lines![0]!;
    expect(closed).toBe(false);
    const xs = points.filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBe(0.5);
    expect(Math.max(...xs)).toBe(W - 0.5);
    for (let i = 1; i < points.length; i += 2) expect(points[i]).toBeCloseTo(10, 9);
  });
});
