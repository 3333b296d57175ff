import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../../engine/types';
import {
  clipSegment,
  mapExcursions,
  mapExit,
  MAX_EXCURSION_MARKS,
  MIN_VERTEX_GAP_PX,
  tracePath,
} from './drawTrajectories';
import { mapEntry } from './mapEntry';
import { makeProjection } from './projection';

/** Records the path commands a trace makes. */
function recordTrace(t: Trajectory, from: number, to: number) {
  const vertices: [number, number][] = [];
  let moves = 0;
  const ctx = {
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => {
      moves++;
      vertices.push([x, y]);
    },
    lineTo: (x: number, y: number) => void vertices.push([x, y]),
  };
  const p = makeProjection({ x: [-5, 5], y: [-3, 3] }, 600, 360);
  tracePath(ctx, t, from, to, p);
  return { vertices, moves, p };
}

/** A path spiralling into (0, 0) like a converging optimizer: 10,000 steps, most near the end. */
function spiral(steps: number): Trajectory {
  const points = new Float64Array(2 * (steps + 1));
  for (let k = 0; k <= steps; k++) {
    const r = 4 * Math.exp(-k / 300);
    points[2 * k] = r * Math.cos(k / 20);
    points[2 * k + 1] = 0.6 * r * Math.sin(k / 20);
  }
  return { points, losses: new Float64Array(steps + 1), length: steps + 1, diverged: false };
}

describe('tracing a long path', () => {
  it('draws far fewer vertices than steps, each dropped point within the gap of a drawn one', () => {
    const t = spiral(10_000);
    const { vertices, moves, p } = recordTrace(t, 0, 10_000);
    expect(moves).toBe(1);
    expect(vertices.length).toBeLessThan(2_000);
    for (let k = 0; k <= 10_000; k++) {
      const x = p.x(t.points[2 * k]!);
      const y = p.y(t.points[2 * k + 1]!);
      const near = vertices.some(
        ([vx, vy]) =>
          Math.abs(vx - x) < MIN_VERTEX_GAP_PX + 1e-9 &&
          Math.abs(vy - y) < MIN_VERTEX_GAP_PX + 1e-9,
      );
      expect(near, `point ${k}`).toBe(true);
    }
  });

  it('always ends on the last point (where the marker is drawn)', () => {
    const t = spiral(10_000);
    for (const to of [10_000, 5_000, 1]) {
      const { vertices, p } = recordTrace(t, 0, to);
      expect(vertices.at(-1)).toEqual([p.x(t.points[2 * to]!), p.y(t.points[2 * to + 1]!)]);
    }
  });
});

describe('clipping a path segment to the plot', () => {
  it('keeps a segment inside whole', () => {
    expect(clipSegment(1, 1, 5, 5, 0, 0, 10, 10)).toEqual([0, 1]);
  });

  it('cuts a segment from inside to far away at the edge', () => {
    const [a, b] = clipSegment(5, 5, 5, 1e9, 0, 0, 10, 10)!;
    expect(a).toBe(0);
    expect(5 + b * (1e9 - 5)).toBeCloseTo(10, 6);
  });

  it('keeps the middle of a segment that crosses the plot from outside to outside', () => {
    const [a, b] = clipSegment(-100, 5, 100, 5, 0, 0, 10, 10)!;
    expect(-100 + a * 200).toBeCloseTo(0, 9);
    expect(-100 + b * 200).toBeCloseTo(10, 9);
  });

  it('drops a segment that misses the plot', () => {
    expect(clipSegment(-100, -5, 100, -5, 0, 0, 10, 10)).toBeNull();
    expect(clipSegment(20, 20, 1e6, 1e6, 0, 0, 10, 10)).toBeNull();
  });
});

describe('where a path leaves the map for good', () => {
  const view = makeProjection({ x: [-5, 5], y: [-3, 3] }, 500, 300);
  const path = (pts: [number, number][], diverged = false): Trajectory => ({
    points: Float64Array.from(pts.flat()),
    losses: new Float64Array(pts.length),
    length: pts.length,
    diverged,
  });

  it('finds the step after the last one in view, and the edge it crosses', () => {
    // SGD at lr 1.05 on x²/10 + y²: y swings ×(−1.1) per step and leaves by the bottom at step 5.
    const pts: [number, number][] = [];
    for (let k = 0; k < 12; k++) pts.push([-4 * 0.79 ** k, 2 * (-1.1) ** k]);
    const exit = mapExit(path(pts), view)!;
    expect(exit.step).toBe(5);
    expect(exit.edge).toBe('bottom');
    expect(exit.y).toBeCloseTo(300, 6);
    expect(exit.x).toBeGreaterThan(0);
    expect(exit.x).toBeLessThan(500);
  });

  it('names a start off the map: the step it comes into view, or none, and the edge toward it', () => {
    // The reviewer's start (1e9, −1e9): far off the bottom right, never in view in 3 steps.
    const far = mapEntry(
      path([
        [1e9, -1e9],
        [9e8, -9e8],
        [8e8, -8e8],
      ]),
      view,
    )!;
    expect(far.step).toBeNull();
    // On the border, on the side toward the start (down and to the right of the centre).
    expect(far.x).toBeGreaterThan(250);
    expect(far.y).toBeGreaterThan(150);
    expect(far.edge === 'bottom' || far.edge === 'right').toBe(true);
    expect(far.arrow).toBe('↘');
    expect(Math.min(Math.abs(far.x - 500), Math.abs(far.y - 300))).toBeLessThan(1e-6);
    // Off the left edge, in view from step 2.
    const late = mapEntry(
      path([
        [-9, 0],
        [-6, 0],
        [-4, 0],
        [-2, 0],
      ]),
      view,
    )!;
    expect(late.step).toBe(2);
    expect(late.edge).toBe('left');
    expect(late.arrow).toBe('←');
    expect(late.y).toBeCloseTo(150, 6);
    // Never a point in view, but its first segment crosses the map: seen from step 1.
    expect(
      mapEntry(
        path([
          [-9, 0.5],
          [9, 0.5],
          [-9, 0.5],
        ]),
        view,
      )!.step,
    ).toBe(1);
    // A start in view has no entry, even when the path leaves later.
    expect(
      mapEntry(
        path([
          [0, 0],
          [0, -40],
        ]),
        view,
      ),
    ).toBeNull();
  });

  it('crosses the edge where the step really does, however far it jumps (lr 30 to 1e10)', () => {
    // SGD on x²/10 + y² from (−4, 2): the first step is lr·(0.8, −4), through (−3, −3) on the
    // bottom edge whatever the lr; clamping x and y apart bent it towards x = +0.5.
    for (const lr of [30, 1e4, 1e10]) {
      const exit = mapExit(
        path([
          [-4, 2],
          [-4 + 0.8 * lr, 2 - 4 * lr],
        ]),
        view,
      )!;
      expect(exit.edge).toBe('bottom');
      expect(exit.x).toBeCloseTo(view.x(-3), 3);
    }
  });

  it('is null for a path that ends in view, even after a trip outside', () => {
    expect(
      mapExit(
        path([
          [0, 0],
          [0, 10],
          [1, 1],
        ]),
        view,
      ),
    ).toBeNull();
  });

  it('marks each trip off the map that the path comes back from, where it crossed', () => {
    // Out by the top at step 2, back, out by the right at step 4, back, then out for good.
    const trips = mapExcursions(
      path([
        [0, 0],
        [0, 2],
        [0, 6],
        [1, 1],
        [9, 1],
        [0, 0],
        [0, -40],
      ]),
      view,
    );
    expect(trips.map((e) => e.step)).toEqual([2, 4]);
    // The crossings lie on the edges they cross (y = 0 px at the top, x = 500 px at the right),
    // pointing out of the map.
    expect(trips[0]!.y).toBeCloseTo(0, 6);
    expect(trips[0]!.x).toBeCloseTo(250, 6);
    expect(trips[0]!.dy).toBeLessThan(0);
    expect(trips[1]!.x).toBeCloseTo(500, 6);
    expect(trips[1]!.dx).toBeGreaterThan(0);
    // The final exit is mapExit's (its label), not a trip.
    expect(
      mapExit(
        path([
          [0, 0],
          [0, -40],
        ]),
        view,
      )!.step,
    ).toBe(1);
  });

  it('marks no trip for a path that stays in view or starts outside, and at most a dozen', () => {
    expect(
      mapExcursions(
        path([
          [0, 0],
          [1, 1],
          [2, 2],
        ]),
        view,
      ),
    ).toEqual([]);
    expect(
      mapExcursions(
        path([
          [9, 9],
          [1, 1],
          [2, 2],
        ]),
        view,
      ),
    ).toEqual([]);
    // A noisy run skimming the edge: in and out 30 times.
    const skim: [number, number][] = [];
    for (let k = 0; k < 60; k++) skim.push([k % 2 === 0 ? 4.9 : 5.1, 0]);
    skim.push([0, 0]);
    expect(mapExcursions(path(skim), view)).toHaveLength(MAX_EXCURSION_MARKS);
  });

  it('is null for a path never in view (nothing on the map to mark)', () => {
    expect(
      mapExit(
        path([
          [10, 10],
          [20, 20],
        ]),
        view,
      ),
    ).toBeNull();
  });

  it('names the side a path leaves by', () => {
    expect(
      mapExit(
        path([
          [0, 0],
          [1e9, 0],
        ]),
        view,
      )!.edge,
    ).toBe('right');
    expect(
      mapExit(
        path([
          [0, 0],
          [-8, 0.5],
        ]),
        view,
      )!.edge,
    ).toBe('left');
    expect(
      mapExit(
        path(
          [
            [0, 0],
            [0.5, 1e300],
          ],
          true,
        ),
        view,
      )!.edge,
    ).toBe('top');
  });
});
