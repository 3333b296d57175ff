import { describe, expect, it } from 'vitest';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES } from '../surfaces';
import type { DomainPoint, OptimizerConfig, Surface } from '../types';
import {
  localStability,
  momentumRegion,
  momentumSpectralRadius,
  stabilityAlong,
} from './stability';

const quadratic = NAMED_SURFACES.quadratic!;
const booth = NAMED_SURFACES.booth!;

/** Distance from the surface's minimum after `steps` steps, relative to the start's. */
function shrinkage(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
): number {
  const t = simulateOne(surface, start, steps, config);
  const [mx, my] = surface.minima[0]!;
  const at = (k: number) => Math.hypot(t.points[2 * k]! - mx, t.points[2 * k + 1]! - my);
  if (t.diverged) return Infinity;
  return at(t.length - 1) / at(0);
}

describe('critical learning rate 2/λ_max', () => {
  it.each([
    ['quadratic', quadratic, [-4, 2] as DomainPoint],
    ['booth', booth, [-5, 8] as DomainPoint],
  ])('separates converging from diverging plain GD on %s', (_name, surface, start) => {
    const critical = localStability(surface, start[0], start[1]).criticalLr;
    expect(shrinkage(surface, start, 500, { type: 'sgd', lr: 0.97 * critical })).toBeLessThan(1e-3);
    expect(shrinkage(surface, start, 500, { type: 'sgd', lr: 1.03 * critical })).toBeGreaterThan(
      1e3,
    );
  });
});

describe('momentum convergence region', () => {
  const eigen = [0.2, 2]; // the quadratic's Hessian

  it('agrees with simulated torch-style momentum runs at points inside and outside it', () => {
    const settings: [number, number][] = [
      [0.1, 0.9],
      [0.5, 0.5],
      [1.4, 0.5],
      [1.6, 0.5],
      [1.4, 0.2],
      [1.8, 0.9],
      [2.1, 0.9],
      [0.05, 0.98],
      [1.2, 0],
    ];
    let inside = 0;
    let outside = 0;
    for (const [lr, momentum] of settings) {
      const region = momentumRegion(
        eigen,
        { lrMin: lr, lrMax: lr, lrPoints: 1, momentumPoints: 1, momentumMin: momentum },
        { lr, momentum },
      );
      const radius = region.current!.radius;
      expect(Math.abs(radius - 1)).toBeGreaterThan(0.005); // no borderline cases
      const ratio = shrinkage(quadratic, [-4, 2], 3000, { type: 'sgd', lr, momentum });
      if (region.current!.converges) {
        inside++;
        expect(ratio, `lr ${lr}, momentum ${momentum}`).toBeLessThan(1e-3);
      } else {
        outside++;
        expect(ratio, `lr ${lr}, momentum ${momentum}`).toBeGreaterThan(1e3);
      }
    }
    expect(inside).toBeGreaterThan(2);
    expect(outside).toBeGreaterThan(2);
  });

  it('agrees with simulated Nesterov runs too', () => {
    for (const [lr, momentum] of [
      [0.6, 0.9],
      [0.8, 0.9],
      [0.3, 0.5],
      [1.0, 0.5],
    ] as const) {
      const radius = Math.max(
        ...eigen.map((l) => momentumSpectralRadius(l, { lr, momentum, nesterov: true })),
      );
      const ratio = shrinkage(quadratic, [-4, 2], 3000, {
        type: 'sgd',
        lr,
        momentum,
        nesterov: true,
      });
      if (radius < 1) expect(ratio, `lr ${lr}`).toBeLessThan(1e-3);
      else expect(ratio, `lr ${lr}`).toBeGreaterThan(1e3);
    }
  });

  it('has the heavy-ball boundary lr·λ = 2(1 + μ) in closed form', () => {
    for (const mu of [0, 0.3, 0.9]) {
      const edge = (2 * (1 + mu)) / 2;
      expect(momentumSpectralRadius(2, { lr: edge * 0.999, momentum: mu })).toBeLessThan(1);
      expect(momentumSpectralRadius(2, { lr: edge * 1.001, momentum: mu })).toBeGreaterThan(1);
    }
  });

  it('lays out the grid row by momentum and reports the current setting', () => {
    const region = momentumRegion(
      eigen,
      {
        lrMin: 0.01,
        lrMax: 10,
        lrPoints: 31,
        momentumMin: 0,
        momentumMax: 0.95,
        momentumPoints: 20,
      },
      { lr: 0.1, momentum: 0.9 },
    );
    expect(region.radius.length).toBe(31 * 20);
    expect(region.lrs[0]).toBeCloseTo(0.01, 15);
    expect(region.lrs[30]).toBeCloseTo(10, 12);
    expect(region.current!.converges).toBe(true);
    // Larger momentum admits larger lr: the stable lr range of the top row reaches further right.
    const lastStable = (row: number) => {
      let last = -1;
      for (let i = 0; i < 31; i++) if (region.converges[row * 31 + i]) last = i;
      return region.lrs[last]!;
    };
    expect(lastStable(19)).toBeGreaterThan(lastStable(0));
    expect(lastStable(0)).toBeLessThan(1);
  });
});

describe('stabilityAlong', () => {
  it('gives the same numbers as localStability at each point of a run', () => {
    const h = NAMED_SURFACES.himmelblau!;
    const t = simulateOne(h, [0, 0], 50, { type: 'adam', lr: 0.1 });
    const along = stabilityAlong(h, t);
    expect(along.lambdaMax.length).toBe(t.length);
    for (const k of [0, 10, 50]) {
      const s = localStability(h, t.points[2 * k]!, t.points[2 * k + 1]!);
      expect(along.lambdaMin[k]).toBe(s.lambdaMin);
      expect(along.lambdaMax[k]).toBe(s.lambdaMax);
      expect(along.condition[k]).toBe(s.condition);
      expect(along.criticalLr[k]).toBe(s.criticalLr);
    }
    // Ending in the (3, 2) bowl: both curvatures positive.
    expect(along.lambdaMin[50]).toBeGreaterThan(0);
  });
});
