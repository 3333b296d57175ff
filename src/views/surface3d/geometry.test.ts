import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { resolveSurface } from '../../engine/surfaces/resolve';
import { sampleGrid } from '../../engine/surfaces/grid';
import { contourThresholds, isolines } from '../../engine/contours';
import {
  HEIGHT,
  HOME_ORBIT,
  ORBIT_TARGET,
  fieldOfView,
  MAX_ELEVATION,
  PATH_LIFT,
  CONTOUR_LIFT,
  axisTicks,
  chooseHeightScale,
  heightTicks,
  niceTicks,
  domainToGrid,
  liftIsolines,
  liftPath,
  meshHeightAt,
  moveOrbit,
  orbitKey,
  orbitPosition,
  scaledHeight,
  surfaceMesh,
} from './geometry';
import type { HeightScale } from './geometry';

function named(id: string) {
  const r = resolveSurface({ id });
  if (!r.ok) throw new Error(id);
  return r.surface;
}

describe('chooseHeightScale', () => {
  it('keeps a bowl linear and gives Rosenbrock the log scale, so its valley is not a flat floor', () => {
    const bowl = named('quadratic');
    const ros = named('rosenbrock');
    const bowlScale = chooseHeightScale(sampleGrid(bowl, bowl.domain, 64, 48));
    expect(bowlScale.kind).toBe('linear');
    const grid = sampleGrid(ros, ros.domain, 64, 48);
    const scale = chooseHeightScale(grid);
    expect(scale.kind).toBe('log');
    // On a linear scale most of Rosenbrock's cells sit in the lowest tenth; on the log scale
    // the median cell is lifted well off the floor.
    const heights = Array.from(grid, (v) => scaledHeight(scale, v)).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)]!;
    const sorted = Float64Array.from(grid).sort();
    const linearMedian = (sorted[sorted.length >> 1]! - scale.min) / (scale.max - scale.min);
    expect(linearMedian).toBeLessThan(0.1);
    expect(median).toBeGreaterThan(0.2);
  });

  it('maps min to 0 and max to 1, keeps order, and says NaN for a non-finite value', () => {
    const values = [0, 1, 2, 3, 1000, 5000, Number.NaN, Infinity];
    const scale = chooseHeightScale(values);
    expect(scaledHeight(scale, 0)).toBe(0);
    expect(scaledHeight(scale, 5000)).toBeCloseTo(1, 12);
    expect(scaledHeight(scale, 2)).toBeLessThan(scaledHeight(scale, 3));
    expect(scaledHeight(scale, Number.NaN)).toBeNaN();
  });

  it('handles a flat grid and one with no finite value', () => {
    expect(scaledHeight(chooseHeightScale([2, 2, 2]), 2)).toBe(0);
    expect(chooseHeightScale([Number.NaN]).kind).toBe('linear');
  });
});

describe('surfaceMesh', () => {
  it('puts one vertex per cell centre of a small grid, heights from the values, row 0 at the back', () => {
    // 3 × 2 grid, row 0 (top, largest y) = 0 1 2, row 1 = 3 4 5.
    const mesh = surfaceMesh(
      { values: [0, 1, 2, 3, 4, 5], width: 3, height: 2 },
      {
        kind: 'linear',
        min: 0,
        max: 5,
        knee: 0,
      },
    );
    expect(Array.from(mesh.cols)).toEqual([0, 1, 2]);
    expect(Array.from(mesh.rows)).toEqual([0, 1]);
    // 2 quads, 4 triangles.
    expect(mesh.indices.length).toBe(12);
    // Vertex (row 1, col 2): value 5 = top height, right (x > 0) and front (z > 0).
    const k = 1 * 3 + 2;
    expect(mesh.positions[3 * k + 1]).toBeCloseTo(HEIGHT, 6);
    expect(mesh.positions[3 * k]).toBeGreaterThan(0);
    expect(mesh.positions[3 * k + 2]).toBeGreaterThan(0);
    // Vertex (row 0, col 0) is the lowest, at the back left.
    expect(mesh.positions[1]).toBe(0);
    expect(mesh.positions[0]).toBeLessThan(0);
    expect(mesh.positions[2]).toBeLessThan(0);
    // The longer side spans ±1 less half a cell: x = (2·(i + 0.5)/3 − 1).
    expect(mesh.positions[0]).toBeCloseTo((2 * 0.5) / 3 - 1, 6);
  });

  it('decimates a 256-cell grid to the lattice side, keeping the last row and column', () => {
    const values = new Float64Array(256 * 200).map((_, i) => i % 7);
    const mesh = surfaceMesh({ values, width: 256, height: 200 }, chooseHeightScale(values), 129);
    expect(mesh.cols.length).toBeLessThanOrEqual(129);
    expect(mesh.cols[mesh.cols.length - 1]).toBe(255);
    expect(mesh.rows[mesh.rows.length - 1]).toBe(199);
    expect(mesh.sz).toBeCloseTo(200 / 256, 12);
  });

  it('leaves out every quad with a non-finite corner', () => {
    const nan = Number.NaN;
    const mesh = surfaceMesh(
      { values: [0, 1, 2, 3, nan, 5, 6, 7, 8], width: 3, height: 3 },
      {
        kind: 'linear',
        min: 0,
        max: 8,
        knee: 0,
      },
    );
    // The centre vertex touches all four quads.
    expect(mesh.indices.length).toBe(0);
  });

  it('refuses values that do not fill the grid', () => {
    expect(() =>
      surfaceMesh({ values: [1, 2, 3], width: 2, height: 2 }, chooseHeightScale([1])),
    ).toThrow(/3 values for 2 × 2/);
  });
});

describe('liftPath', () => {
  const surface = named('rosenbrock');
  const domain = surface.domain;
  const width = 200;
  const height = 150;
  const grid = sampleGrid(surface, domain, width, height);
  const scale = chooseHeightScale(grid);
  const mesh = surfaceMesh({ values: grid, width, height }, scale, 200);
  const toGrid = domainToGrid(domain, width, height);

  it('puts a path point at a vertex exactly on that vertex, just above the surface', () => {
    // The centre of cell (col 40, row 30).
    const x = domain.x[0] + ((40 + 0.5) / width) * (domain.x[1] - domain.x[0]);
    const y = domain.y[1] - ((30 + 0.5) / height) * (domain.y[1] - domain.y[0]);
    const lifted = liftPath(mesh, [x, y], 1, toGrid);
    const k = 30 * mesh.cols.length + 40;
    expect(lifted[0]).toBeCloseTo(mesh.positions[3 * k]!, 5);
    expect(lifted[2]).toBeCloseTo(mesh.positions[3 * k + 2]!, 5);
    expect(lifted[1]).toBeCloseTo(mesh.positions[3 * k + 1]! + PATH_LIFT, 5);
  });

  it("follows the surface's own values: a lifted point's height is the scaled f there, to the grid's resolution", () => {
    const pts = [-1.2, 1.1, 0.5, 0.3, 1, 1, -0.4, 2.2];
    const lifted = liftPath(mesh, pts, 4, toGrid);
    for (let i = 0; i < 4; i++) {
      const f = surface.f(pts[2 * i]!, pts[2 * i + 1]!);
      expect(lifted[3 * i + 1]! - PATH_LIFT).toBeCloseTo(scaledHeight(scale, f) * HEIGHT, 1);
    }
    // The minimum (1, 1) is lower than the start (−1.2, 1.1).
    expect(lifted[3 * 2 + 1]).toBeLessThan(lifted[1]!);
  });

  it('breaks the path (NaN) where a point leaves the grid', () => {
    const lifted = liftPath(mesh, [0, 0, 100, 100], 2, toGrid);
    expect(Number.isFinite(lifted[1])).toBe(true);
    expect(lifted[4]).toBeNaN();
    expect(meshHeightAt(mesh, -3, 10)).toBeNaN();
  });
});

describe('liftIsolines', () => {
  it("lays the map's own contour lines on the surface at their level's height", () => {
    const surface = named('himmelblau');
    const width = 120;
    const height = 100;
    const grid = sampleGrid(surface, surface.domain, width, height);
    // A linear height, so a crossing's height is its level's exactly (float32 aside).
    const sorted = Float64Array.from(grid).sort();
    const scale = {
      kind: 'linear' as const,
      min: sorted[0]!,
      max: sorted[sorted.length - 1]!,
      knee: 0,
    };
    // The full-resolution lattice: between vertices the mesh is bilinear, as marching squares'
    // crossings are linear along cell edges, so each crossing sits at its level exactly.
    const mesh = surfaceMesh({ values: grid, width, height }, scale, 200);
    const thresholds = contourThresholds(grid, 12, 'log');
    const lines = isolines(grid, width, height, thresholds);
    let checked = 0;
    lines.forEach((level, k) => {
      const segs = liftIsolines(mesh, level);
      expect(segs.length % 6).toBe(0);
      const want = scaledHeight(scale, thresholds[k]!) * HEIGHT + CONTOUR_LIFT;
      for (let i = 1; i < segs.length; i += 3) {
        expect(segs[i]!).toBeCloseTo(want, 4);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(100);
  });
});

describe('orbit', () => {
  it('turns with the arrow keys, zooms with + and −, and ignores other keys', () => {
    const left = orbitKey(HOME_ORBIT, 'ArrowLeft')!;
    expect(left.azimuth).toBeGreaterThan(HOME_ORBIT.azimuth);
    expect(orbitKey(HOME_ORBIT, 'ArrowDown')!.elevation).toBeLessThan(HOME_ORBIT.elevation);
    expect(orbitKey(HOME_ORBIT, '+')!.distance).toBeLessThan(HOME_ORBIT.distance);
    expect(orbitKey(HOME_ORBIT, '-')!.distance).toBeGreaterThan(HOME_ORBIT.distance);
    expect(orbitKey(left, 'Home')).toEqual(HOME_ORBIT);
    expect(orbitKey(HOME_ORBIT, 'a')).toBeNull();
  });

  it('never looks from below the surface or past the zenith', () => {
    let o = HOME_ORBIT;
    for (let i = 0; i < 50; i++) o = moveOrbit(o, 0.3, 0.3);
    expect(o.elevation).toBe(MAX_ELEVATION);
    expect(Math.abs(o.azimuth)).toBeLessThanOrEqual(Math.PI);
    const [, y] = orbitPosition(moveOrbit(o, 0, -10), [0, 0, 0]);
    expect(y).toBeGreaterThan(0);
  });

  it('keeps the camera at its distance from the target', () => {
    const p = orbitPosition(HOME_ORBIT, [0.1, 0.2, 0.3]);
    expect(Math.hypot(p[0] - 0.1, p[1] - 0.2, p[2] - 0.3)).toBeCloseTo(HOME_ORBIT.distance, 12);
  });
});

describe('the axes: ticks a reader can read values off', () => {
  it('niceTicks gives round values 1, 2 or 5 × 10^k apart inside the range', () => {
    expect(niceTicks(-2, 2, 5)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(-1.5, 2.5, 5)).toEqual([-1, 0, 1, 2]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.1, 0.35, 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(niceTicks(-0.3, 0, 3)).toEqual([-0.3, -0.2, -0.1, 0]);
    expect(Object.is(niceTicks(-1, 1, 2)[1], 0)).toBe(true);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
  });

  it('heightTicks spreads a log scale’s values over the height, rounded', () => {
    const log: HeightScale = { kind: 'log', min: 0, max: 2500, knee: 4 };
    const ticks = heightTicks(log);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBe(2500);
    // Each a quarter of the height above the one before (to the rounding of two digits).
    ticks.forEach((v, k) => expect(scaledHeight(log, v)).toBeCloseTo(k / 4, 1));
    expect(ticks.every((v) => Number(v.toPrecision(2)) === v)).toBe(true);
    expect(heightTicks({ kind: 'linear', min: 0.2, max: 1.1, knee: 0 })).toEqual([
      0.2, 0.4, 0.6, 0.8, 1,
    ]);
  });

  it('axisTicks puts each tick at its value’s place on the mesh’s edges', () => {
    // A 4 × 2 domain on a 40 × 20 grid: x from −2 to 2, y from −1 to 1.
    const mesh = { sx: 1, sz: 0.5, width: 40, height: 20 };
    const scale: HeightScale = { kind: 'linear', min: 0, max: 10, knee: 0 };
    const toGrid = domainToGrid({ x: [-2, 2], y: [-1, 1] }, 40, 20);
    const ticks = axisTicks(mesh, scale, [-2, 2], [-1, 1], toGrid);
    const of = (axis: string) => ticks.filter((t) => t.axis === axis);
    expect(of('x').map((t) => t.value)).toEqual([-2, -1, 0, 1, 2]);
    // x = 1 is three quarters across: world x 0.5, on the front edge.
    const x1 = of('x').find((t) => t.value === 1)!;
    expect(x1.at[0]).toBeCloseTo(0.5);
    expect(x1.at[2]).toBe(0.5);
    expect(x1.label[2]).toBeGreaterThan(0.5);
    // y grows away from the viewer (row 0 is the largest y, at the back).
    const y = of('y');
    expect(y[0]!.value).toBe(-1);
    expect(y[0]!.at[2]).toBeCloseTo(0.5);
    expect(y[y.length - 1]!.at[2]).toBeCloseTo(-0.5);
    expect(y.every((t) => t.at[0] === -1)).toBe(true);
    // loss: 0 on the floor, 10 at the top of the relief.
    const loss = of('loss');
    expect(loss.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(loss[0]!.at[1]).toBe(0);
    expect(loss[loss.length - 1]!.at[1]).toBeCloseTo(HEIGHT);
  });
});

describe('the first view frames the whole box', () => {
  it('from the home orbit every corner of the box, the axes’ ends included, is in the picture', () => {
    // Wide (the map), the narrowest wide canvas, and square (the lab's): every box corner,
    // floor and top, projects inside the canvas, above the hint line along its bottom edge.
    for (const aspect of [2, 1.56, 1.3, 1]) {
      const camera = new PerspectiveCamera(fieldOfView(aspect), aspect, 0.05, 50);
      camera.position.set(...orbitPosition(HOME_ORBIT, ORBIT_TARGET));
      camera.lookAt(...ORBIT_TARGET);
      camera.updateMatrixWorld();
      camera.updateProjectionMatrix();
      const points: [number, number, number][] = [];
      for (const x of [-1, 1])
        for (const z of [-1, 1]) for (const y of [0, HEIGHT]) points.push([x, y, z]);
      // The tick labels of a square domain: along the front edge, the left edge, up the back.
      const mesh = { sx: 1, sz: 1, width: 10, height: 10 };
      const ticks = axisTicks(mesh, chooseHeightScale([0, 1]), [-2, 2], [-2, 2], (x, y) => [
        ((x + 2) / 4) * 10,
        ((2 - y) / 4) * 10,
      ]);
      expect(ticks.filter((t) => t.axis !== 'loss')).toHaveLength(10);
      for (const tick of ticks) points.push([...tick.label]);
      for (const p of points) {
        const v = new Vector3(...p).project(camera);
        expect(Math.abs(v.x), `aspect ${aspect}, point ${p}`).toBeLessThan(0.95);
        // Above the hint's line along the bottom edge, below the top edge.
        expect(v.y, `aspect ${aspect}, point ${p}`).toBeGreaterThan(-0.85);
        expect(v.y, `aspect ${aspect}, point ${p}`).toBeLessThan(0.98);
      }
    }
  });
});
