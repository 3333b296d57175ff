import { describe, expect, it } from 'vitest';
import { CLASSICS_SCENE } from '../scene';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES, resolveSurface } from '../surfaces';
import type { Scene, Surface } from '../types';
import { logSpace } from './space';
import { localStability } from './stability';
import { race, tuneLearningRate } from './tune';

const quadratic = NAMED_SURFACES.quadratic!;

function surfaceOf(expr: string): Surface {
  const r = resolveSurface({ expr });
  if (!r.ok) throw new Error(r.error.message);
  return r.surface;
}

describe('tuneLearningRate', () => {
  it.each([
    ['quadratic', [-4, 2]],
    ['booth', [-5, 8]],
  ] as const)(
    "finds GD's optimal rate 2/(λ_min + λ_max) on %s when minimising the loss after N steps",
    (id, start) => {
      const surface = NAMED_SURFACES[id]!;
      const { lambdaMin, lambdaMax } = localStability(surface, start[0], start[1]);
      const optimal = 2 / (lambdaMin + lambdaMax);
      const result = tuneLearningRate(
        surface,
        start,
        150,
        { type: 'sgd' },
        { epsilon: 1e-3 },
        {
          objective: 'final-loss',
        },
      )!;
      expect(Math.abs(result.lr / optimal - 1)).toBeLessThan(0.05);
      expect(result.best.diverged).toBe(false);
    },
  );

  it('ends with an lr at least as fast as every lr of its coarse grid', () => {
    const rosenbrock = NAMED_SURFACES.rosenbrock!;
    const start = [-1.2, 1] as const;
    const criterion = { epsilon: 1e-2 };
    const result = tuneLearningRate(rosenbrock, start, 2000, { type: 'adam' }, criterion)!;
    expect(result.best.stepsToTarget).not.toBeNull();
    for (const lr of logSpace(1e-5, 100, 29)) {
      const t = simulateOne(rosenbrock, start, 2000, { type: 'adam', lr });
      const first = Array.from(t.losses.subarray(0, t.length)).findIndex((l) => l <= 1e-2);
      if (first >= 0 && !t.diverged) expect(result.best.stepsToTarget!).toBeLessThanOrEqual(first);
    }
  });

  it('uses the best loss any run reached when the surface has no known minima', () => {
    const shifted = surfaceOf('x^2/10 + y^2 + 3');
    expect(shifted.minima).toEqual([]);
    const result = tuneLearningRate(shifted, [-4, 2], 200, { type: 'sgd' }, { epsilon: 1e-3 })!;
    expect(result.target.source).toBe('best-run');
    expect(result.target.loss).toBeGreaterThanOrEqual(3);
    expect(result.target.loss).toBeLessThan(3 + 2e-3);
    expect(result.best.stepsToTarget).not.toBeNull();
  });

  it('stops between runs when aborted and reports progress up to that point', () => {
    const signal = { aborted: false };
    const seen: [number, number][] = [];
    const result = tuneLearningRate(quadratic, [-4, 2], 100, { type: 'adam' }, undefined, {
      signal,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done === 5) signal.aborted = true;
      },
    })!;
    expect(result.aborted).toBe(true);
    expect(result.samples).toHaveLength(5);
    expect(seen.map(([d]) => d)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.every(([, total]) => total === 29 + 3 * 9)).toBe(true);
  });
});

describe('race', () => {
  it("ranks the default scene's optimizers by steps to one shared target, each count reproducible", () => {
    const result = race(CLASSICS_SCENE, quadratic, { epsilon: 1e-3 });
    expect(result.aborted).toBe(false);
    expect(result.targetSource).toBe('minimum');
    expect(result.targetLoss).toBeCloseTo(1e-3, 15);
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(result.rows.map((r) => r.index)).size).toBe(7);
    for (let i = 1; i < result.rows.length; i++) {
      const a = result.rows[i - 1]!;
      const b = result.rows[i]!;
      if (!a.diverged && !b.diverged) {
        expect(a.stepsToTarget ?? Infinity).toBeLessThanOrEqual(b.stepsToTarget ?? Infinity);
      }
    }
    for (const row of result.rows) {
      // Same start, same budget: re-running the tuned config reproduces the row.
      expect(row.config.label).toBe(CLASSICS_SCENE.optimizers[row.index]!.label);
      const t = simulateOne(quadratic, CLASSICS_SCENE.start, CLASSICS_SCENE.steps, row.config);
      expect(t.losses[t.length - 1]).toBe(row.finalLoss);
      if (row.stepsToTarget !== null) {
        expect(t.losses[row.stepsToTarget]!).toBeLessThanOrEqual(result.targetLoss);
        for (let k = 0; k < row.stepsToTarget; k++)
          expect(t.losses[k]!).toBeGreaterThan(result.targetLoss);
      }
    }
  });

  it('beats the untuned lr: every tuned optimizer arrives no later than at its scene lr', () => {
    const result = race(CLASSICS_SCENE, quadratic, { epsilon: 1e-3 });
    for (const row of result.rows) {
      const t = simulateOne(
        quadratic,
        CLASSICS_SCENE.start,
        CLASSICS_SCENE.steps,
        CLASSICS_SCENE.optimizers[row.index]!,
      );
      const first = Array.from(t.losses.subarray(0, t.length)).findIndex(
        (l) => l <= result.targetLoss,
      );
      if (first >= 0) expect(row.stepsToTarget, row.label).not.toBeNull();
      if (first >= 0) expect(row.stepsToTarget!, row.label).toBeLessThanOrEqual(first);
    }
  });

  it('shares one best-run target across optimizers on a surface without known minima', () => {
    const scene: Scene = {
      surface: { expr: 'x^2/10 + y^2 + 3' },
      start: [-4, 2],
      steps: 100,
      optimizers: [{ type: 'sgd' }, { type: 'adam' }],
    };
    const result = race(
      scene,
      surfaceOf('x^2/10 + y^2 + 3'),
      { epsilon: 1e-3 },
      { coarsePoints: 11, refineRounds: 1 },
    );
    expect(result.targetSource).toBe('best-run');
    expect(result.targetLoss).toBeLessThan(3 + 2e-3);
    expect(result.rows.some((r) => r.stepsToTarget !== null)).toBe(true);
  });

  it('returns no rows once aborted', () => {
    const result = race(CLASSICS_SCENE, quadratic, undefined, { signal: { aborted: true } });
    expect(result.aborted).toBe(true);
    expect(result.rows).toEqual([]);
  });
});
