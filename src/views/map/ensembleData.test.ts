import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { NAMED_SURFACES } from '../../engine/surfaces';
import type { Scene } from '../../engine/types';
import { findLesson } from '../../lessons/catalog';
import { computeEnsembles, ENSEMBLE_STEP_BUDGET, lowestMinimum } from './ensembleData';

const bumps = NAMED_SURFACES.bumps!;

describe('ensemble mode data', () => {
  const lesson = findLesson('momentum-noise')!;

  it("draws the scene's own run as the first of the ensemble, and its mean point by point", () => {
    const ensembles = computeEnsembles(lesson.scene, bumps, 20)!;
    expect(ensembles.map((e) => e.index)).toEqual([0, 1]);
    const own = simulate(lesson.scene, bumps);
    ensembles.forEach((e, i) => {
      expect(e.runs).toHaveLength(20);
      expect(Array.from(e.runs[0]!.points)).toEqual(Array.from(own[i]!.points));
      // Point 7's mean is the mean of the runs' point 7.
      const mean = e.runs.reduce((s, r) => s + r.points[14]!, 0) / 20;
      expect(e.mean.points[14]).toBeCloseTo(mean, 12);
      // Different seeds, different runs.
      expect(e.runs[1]!.points[20]).not.toBe(e.runs[0]!.points[20]);
    });
  });

  it('counts, as the lesson says, few SGD runs and most momentum runs reaching the deepest well', () => {
    expect(lowestMinimum(bumps)).toBe(0);
    const [sgd, momentum] = computeEnsembles(lesson.scene, bumps, 20)!;
    expect(sgd!.hits).toBeLessThanOrEqual(2);
    expect(momentum!.hits).toBeGreaterThanOrEqual(12);
    expect(sgd!.diverged + momentum!.diverged).toBe(0);
  });

  it('is off without noise, for hidden optimizers, and beyond the step budget', () => {
    const exact: Scene = { ...lesson.scene, optimizers: lesson.scene.optimizers };
    const { surface, start, steps, optimizers } = exact;
    expect(computeEnsembles({ surface, start, steps, optimizers }, bumps, 20)).toBeNull();
    const hidden: Scene = {
      ...lesson.scene,
      optimizers: [{ ...lesson.scene.optimizers[0]!, hidden: true }, lesson.scene.optimizers[1]!],
    };
    expect(computeEnsembles(hidden, bumps, 5)!.map((e) => e.index)).toEqual([1]);
    const big: Scene = { ...lesson.scene, steps: ENSEMBLE_STEP_BUDGET / 20 };
    expect(computeEnsembles(big, bumps, 20)).toBeNull();
  });
});
