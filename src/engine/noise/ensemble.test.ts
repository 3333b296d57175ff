import { describe, expect, it } from 'vitest';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES } from '../surfaces';
import type { Trajectory } from '../types';
import {
  BASIN_DIVERGED,
  basinFraction,
  ensembleMean,
  runOutcomes,
  simulateEnsemble,
} from './ensemble';

const quadratic = NAMED_SURFACES.quadratic!;
const himmelblau = NAMED_SURFACES.himmelblau!;

function trajectory(points: number[], diverged = false): Trajectory {
  const n = points.length / 2;
  return {
    points: Float64Array.from(points),
    losses: Float64Array.from({ length: n }, (_, k) => points[2 * k]!),
    length: n,
    diverged,
  };
}

describe('ensembleMean', () => {
  it('averages each step over the runs still alive there', () => {
    const mean = ensembleMean([
      trajectory([0, 0, 2, 2, 4, 4]),
      trajectory([2, 0, 4, 0], true),
      trajectory([4, 3], true),
    ]);
    expect(mean.length).toBe(3);
    expect(Array.from(mean.alive)).toEqual([3, 2, 1]);
    expect(Array.from(mean.points)).toEqual([2, 1, 3, 1, 4, 4]);
    expect(Array.from(mean.losses)).toEqual([2, 3, 4]);
  });

  it('of zero-noise runs is the exact path', () => {
    const config = { type: 'sgd', lr: 0.1, momentum: 0.9 } as const;
    const runs = simulateEnsemble(
      quadratic,
      [-4, 2],
      50,
      config,
      { type: 'gaussian', scale: 0, seed: 1 },
      5,
    );
    const exact = simulateOne(quadratic, [-4, 2], 50, config);
    for (const r of runs) expect(Array.from(r.points)).toEqual(Array.from(exact.points));
    const mean = ensembleMean(runs);
    exact.points.forEach((v, i) => expect(mean.points[i]).toBeCloseTo(v, 12));
  });

  it('of noisy momentum runs on a quadratic tracks the exact path within 4 standard errors', () => {
    // On a quadratic the iteration is linear, so E[θ_k] is the noiseless θ_k at every k.
    const config = { type: 'sgd', lr: 0.1, momentum: 0.9 } as const;
    const count = 300;
    const runs = simulateEnsemble(
      quadratic,
      [-4, 2],
      30,
      config,
      { type: 'gaussian', scale: 1, seed: 100 },
      count,
    );
    const mean = ensembleMean(runs);
    const exact = simulateOne(quadratic, [-4, 2], 30, config);
    for (const k of [1, 10, 30]) {
      for (const c of [0, 1]) {
        let v = 0;
        for (const r of runs) v += (r.points[2 * k + c]! - mean.points[2 * k + c]!) ** 2;
        const se = Math.sqrt(v / (count - 1) / count);
        expect(se).toBeGreaterThan(0);
        expect(Math.abs(mean.points[2 * k + c]! - exact.points[2 * k + c]!)).toBeLessThan(4 * se);
      }
    }
    // Different seeds really give different paths.
    expect(runs[0]!.points[20]).not.toBe(runs[1]!.points[20]);
  });
});

describe('runOutcomes and basinFraction', () => {
  it('gives each Himmelblau minimum the noisy runs started beside it', () => {
    const config = { type: 'sgd', lr: 0.01 } as const;
    himmelblau.minima.forEach(([mx, my], index) => {
      const runs = simulateEnsemble(
        himmelblau,
        [mx + 0.3, my - 0.3],
        100,
        config,
        { type: 'gaussian', scale: 1, seed: 7 },
        8,
      );
      const outcomes = runOutcomes(himmelblau, runs, { config });
      expect(Array.from(outcomes)).toEqual(new Array(8).fill(index));
      expect(basinFraction(outcomes, index)).toBe(1);
      expect(basinFraction(outcomes, (index + 1) % 4)).toBe(0);
    });
  });

  it('counts diverged runs as no basin, and a noise large enough to hop basins splits the fraction', () => {
    const runs = simulateEnsemble(
      quadratic,
      [-4, 2],
      2000,
      { type: 'sgd', lr: 1.5 },
      { type: 'gaussian', scale: 1, seed: 1 },
      4,
    );
    const outcomes = runOutcomes(quadratic, runs, { config: { type: 'sgd', lr: 0.1 } });
    expect(runs.every((r) => r.diverged)).toBe(true);
    expect(Array.from(outcomes)).toEqual([
      BASIN_DIVERGED,
      BASIN_DIVERGED,
      BASIN_DIVERGED,
      BASIN_DIVERGED,
    ]);
    expect(basinFraction(outcomes, 0)).toBe(0);

    // Start on Himmelblau's local maximum, where its four basins meet, with strong noise: the runs split.
    const config = { type: 'sgd', lr: 0.01 } as const;
    const split = simulateEnsemble(
      himmelblau,
      [-0.270845, -0.923039],
      60,
      config,
      { type: 'gaussian', scale: 20, seed: 3 },
      40,
    );
    const out = runOutcomes(himmelblau, split, { config });
    const fractions = himmelblau.minima.map((_, i) => basinFraction(out, i));
    expect(Math.max(...fractions)).toBeLessThan(1);
    expect(fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
