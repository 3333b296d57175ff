import { describe, expect, it } from 'vitest';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES } from '../surfaces';
import type { Domain, DomainPoint } from '../types';
import { BASIN_DIVERGED, basinMap } from './basins';

const himmelblau = NAMED_SURFACES.himmelblau!;

function around([x, y]: DomainPoint, r: number): Domain {
  return { x: [x - r, x + r], y: [y - r, y + r] };
}

describe('basinMap', () => {
  it.each([
    ['Adam', { type: 'adam', lr: 0.05 }],
    ['SGD', { type: 'sgd', lr: 0.005 }],
  ] as const)("gives Himmelblau's four minima to %s runs started near each", (_name, config) => {
    himmelblau.minima.forEach((m, index) => {
      const map = basinMap(himmelblau, around(m, 0.5), 4, 4, 500, config);
      expect(Array.from(map.labels)).toEqual(new Array(16).fill(index));
      expect(map.attractors.slice(0, 4)).toEqual(himmelblau.minima);
    });
  });

  it('splits the whole Himmelblau view into its four basins with nothing left over', () => {
    const map = basinMap(himmelblau, himmelblau.domain, 24, 24, 500, { type: 'adam', lr: 0.1 });
    const counts = new Map<number, number>();
    for (const l of map.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(map.attractors).toHaveLength(4);
  });

  it('labels a cell by the minimum its own simulated run ends at', () => {
    const domain = himmelblau.domain;
    const width = 9;
    const height = 7;
    const config = { type: 'sgd', lr: 0.01, momentum: 0.9 } as const;
    const map = basinMap(himmelblau, domain, width, height, 300, config);
    for (const [i, j] of [
      [0, 0],
      [4, 3],
      [8, 6],
      [2, 5],
    ] as const) {
      // Cell centres, row 0 at the top (the layout of surfaces/grid.ts).
      const x = domain.x[0] + ((i + 0.5) * (domain.x[1] - domain.x[0])) / width;
      const y = domain.y[1] - ((j + 0.5) * (domain.y[1] - domain.y[0])) / height;
      const t = simulateOne(himmelblau, [x, y], 300, config);
      const label = map.labels[j * width + i]!;
      if (t.diverged) {
        expect(label).toBe(BASIN_DIVERGED);
      } else {
        const end = [t.points[2 * (t.length - 1)]!, t.points[2 * (t.length - 1) + 1]!];
        const m = map.attractors[label]!;
        expect(Math.hypot(end[0]! - m[0], end[1]! - m[1])).toBeLessThan(0.12);
      }
    }
  });

  it("finds Rastrigin's local minima although only the global one is listed", () => {
    const rastrigin = NAMED_SURFACES.rastrigin!;
    const map = basinMap(rastrigin, { x: [-2.5, 2.5], y: [-2.5, 2.5] }, 20, 20, 500, {
      type: 'sgd',
      lr: 0.002,
    });
    expect(map.knownCount).toBe(1);
    expect(map.attractors.length).toBeGreaterThan(9);
    const g = new Float64Array(2);
    for (const [x, y] of map.attractors.slice(1)) {
      // Each discovered attractor is a stationary point near a lattice point, not the global one.
      rastrigin.grad(x, y, g);
      expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(0.5);
      expect(Math.abs(x - Math.round(x))).toBeLessThan(0.1);
      expect(Math.abs(y - Math.round(y))).toBeLessThan(0.1);
      expect(Math.hypot(x, y)).toBeGreaterThan(0.5);
    }
    expect(new Set(map.labels).has(0)).toBe(true);
  });

  it('marks runs that blow up as diverged', () => {
    const map = basinMap(NAMED_SURFACES.quadratic!, { x: [1, 2], y: [1, 2] }, 3, 3, 2000, {
      type: 'sgd',
      lr: 5,
    });
    expect(Array.from(map.labels)).toEqual(new Array(9).fill(BASIN_DIVERGED));
  });

  it('reports contiguous row chunks that cover the grid, and stops between chunks when aborted', () => {
    const chunks: [number, number][] = [];
    const full = basinMap(
      himmelblau,
      himmelblau.domain,
      5,
      10,
      50,
      { type: 'adam', lr: 0.1 },
      {
        rowsPerChunk: 3,
        onRows: (from, to, labels) => {
          chunks.push([from, to]);
          expect(labels.length).toBe(50);
        },
      },
    );
    expect(chunks).toEqual([
      [0, 3],
      [3, 6],
      [6, 9],
      [9, 10],
    ]);
    expect(full.rowsDone).toBe(10);
    const signal = { aborted: false };
    const partial = basinMap(
      himmelblau,
      himmelblau.domain,
      5,
      10,
      50,
      { type: 'adam', lr: 0.1 },
      {
        rowsPerChunk: 3,
        signal,
        onRows: (_from, to) => {
          if (to >= 6) signal.aborted = true;
        },
      },
    );
    expect(partial.aborted).toBe(true);
    expect(partial.rowsDone).toBe(6);
    expect(Array.from(partial.labels.subarray(0, 30))).toEqual(
      Array.from(full.labels.subarray(0, 30)),
    );
  });
});
