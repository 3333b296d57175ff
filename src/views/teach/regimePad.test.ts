import { describe, expect, it } from 'vitest';
import { criticalMomentum, directionDynamics } from '../../engine/analysis/regime';
import { stableLrLimit } from '../../engine/analysis/divergence';
import { NAMED_SURFACES } from '../../engine/surfaces';
import {
  LR_POINTS,
  MU_MAX,
  criticalCurve,
  criticalDamping,
  fastestCell,
  fromPad,
  keyStep,
  padForm,
  padGrid,
  padModel,
  regionLabels,
  samePadModel,
  toPad,
} from './regimePad';

const quadratic = NAMED_SURFACES.quadratic!;
const HEAVY = padForm({ type: 'sgd', momentum: 0.9 });

describe('samePadModel', () => {
  it('a bowl draws one pad wherever the point is; a curved valley draws a new one as it moves', () => {
    // Playback moves the point every frame: the pad's grid is kept exactly when this says same.
    expect(
      samePadModel(padModel(quadratic, [-4, 2], HEAVY), padModel(quadratic, [1, -0.5], HEAVY)),
    ).toBe(true);
    const rosenbrock = NAMED_SURFACES.rosenbrock!;
    expect(
      samePadModel(padModel(rosenbrock, [-1, 1], HEAVY), padModel(rosenbrock, [0.5, 0.2], HEAVY)),
    ).toBe(false);
    // Weight decay shifts the eigenvalues: a different pad at the same point.
    const wd = padForm({ type: 'sgd', momentum: 0.9, weight_decay: 0.3 });
    expect(
      samePadModel(padModel(quadratic, [-4, 2], HEAVY), padModel(quadratic, [-4, 2], wd)),
    ).toBe(false);
    expect(samePadModel(null, padModel(quadratic, [-4, 2], HEAVY))).toBe(false);
    expect(samePadModel(null, null)).toBe(true);
  });
});

describe('padModel', () => {
  it('reads the bowl’s curvatures and holds the whole stable band at every μ', () => {
    const model = padModel(quadratic, [-4, 2], HEAVY)!;
    expect(model.eigenvalues).toEqual([0.2, 2]);
    // Heavy ball at μ = 0.99 is stable up to lr = 2(1.99)/2 = 1.99: the axis reaches past it.
    const edge = stableLrLimit(quadratic, [-4, 2], { type: 'sgd', momentum: MU_MAX })!;
    expect(model.lrMax).toBeGreaterThan(edge);
    expect(model.lrMax).toBeCloseTo(1.1 * edge, 12);
    // Nesterov's band is widest at μ = 0 (lr < 2/λ_max = 1).
    const nag = padModel(
      quadratic,
      [-4, 2],
      padForm({ type: 'sgd', momentum: 0.9, nesterov: true }),
    )!;
    expect(nag.lrMax).toBeCloseTo(1.1, 12);
    // Weight decay adds to every curvature.
    const wd = padModel(quadratic, [-4, 2], padForm({ type: 'sgd', weight_decay: 0.3 }))!;
    expect(wd.eigenvalues.map((l) => Number(l.toFixed(12)))).toEqual([0.5, 2.3]);
  });

  it('keeps only the upward-curving directions for the colours, and none on a cap', () => {
    const saddle = padModel(NAMED_SURFACES.saddle!, [-2, 0.5], HEAVY)!;
    expect(saddle.eigenvalues).toEqual([-2, 2]);
    expect(saddle.positive).toEqual([2]);
    const cap = padModel(
      { ...quadratic, hessian: (_x, _y, out) => out.set([-1, 0, -2]) },
      [0, 0],
      HEAVY,
    )!;
    expect(cap.positive).toEqual([]);
  });
});

describe('the pad’s regions', () => {
  const model = padModel(quadratic, [-4, 2], HEAVY)!;
  const grid = padGrid(model, HEAVY);

  it('names each region where its cells are', () => {
    const labels = regionLabels(grid);
    expect(labels.map((l) => l.regime).sort()).toEqual(
      ['divergence', 'monotone', 'oscillation', 'ripples'].sort(),
    );
    for (const l of labels) {
      const worst = model.positive
        .map((lambda) => directionDynamics(lambda, { lr: l.lr, momentum: l.momentum }))
        .reduce((a, b) => (b.radius > a.radius ? b : a));
      expect(worst.regime).toBe(l.regime);
    }
  });

  it('draws critical damping on Goh’s curve μ = (1 − √(lr·λ))² for heavy ball', () => {
    const curve = criticalCurve(2, grid, HEAVY);
    expect(curve.length).toBeGreaterThan(20);
    for (const p of curve) expect(p.momentum).toBeCloseTo(criticalMomentum(p.lr, 2), 6);
  });

  it('draws critical damping only where it parts the monotone and ripples colours', () => {
    const lines = criticalDamping(model.positive, grid, HEAVY);
    expect(lines.length).toBeGreaterThan(0);
    const regimeAt = (lr: number, momentum: number) =>
      model.positive
        .map((lambda) => directionDynamics(lambda, { lr, momentum }))
        .reduce((a, b) => (b.radius > a.radius ? b : a)).regime;
    for (const line of lines) {
      for (const p of line) {
        // Just left of the line the slowest direction is monotone, just right of it ripples.
        expect(regimeAt(p.lr * 0.98, p.momentum)).toBe('monotone');
        expect(regimeAt(p.lr * 1.02, p.momentum)).toBe('ripples');
      }
    }
  });

  it('finds the fastest setting near Goh’s optimum for κ = 10', () => {
    // lr* = (2/(√λmin + √λmax))², μ* = ((√κ − 1)/(√κ + 1))², rate √μ*.
    const best = fastestCell(grid);
    const lrStar = (2 / (Math.sqrt(0.2) + Math.sqrt(2))) ** 2;
    const muStar = ((Math.sqrt(10) - 1) / (Math.sqrt(10) + 1)) ** 2;
    expect(Math.abs(best.lr - lrStar)).toBeLessThan(2 * (model.lrMax / LR_POINTS));
    expect(Math.abs(best.momentum - muStar)).toBeLessThan(2 * (MU_MAX / 49));
    expect(best.radius).toBeLessThan(Math.sqrt(muStar) + 0.05);
  });
});

describe('pointer and keyboard mapping', () => {
  it('maps a click back to the setting it shows, rounded as a person would set it', () => {
    const at = fromPad(0.25, 0.5, 2);
    expect(at).toEqual({ lr: 0.5, momentum: 0.5 });
    const back = toPad(at.lr, at.momentum, 2);
    expect(back.x).toBeCloseTo(0.25, 12);
    expect(back.y).toBeCloseTo(0.5 / MU_MAX, 12);
    // Off the pad: clamped, and lr never 0 (torch needs lr ≥ 0; 0 would not move at all).
    expect(fromPad(-1, 2, 2)).toEqual({ lr: 2 / LR_POINTS, momentum: 0.99 });
  });

  it('moves lr by a column and μ by 0.01 with the arrows, ten times that with Shift', () => {
    expect(keyStep('ArrowRight', false, 0.5, 0.5, 2)).toEqual({ lr: 0.525, momentum: 0.5 });
    expect(keyStep('ArrowLeft', true, 0.5, 0.5, 2)).toEqual({ lr: 0.25, momentum: 0.5 });
    expect(keyStep('ArrowUp', false, 0.5, 0.5, 2)).toEqual({ lr: 0.5, momentum: 0.51 });
    expect(keyStep('ArrowDown', true, 0.5, 0.05, 2)).toEqual({ lr: 0.5, momentum: 0 });
    expect(keyStep('ArrowUp', true, 0.5, 0.95, 2)).toEqual({ lr: 0.5, momentum: 0.99 });
    expect(keyStep('Enter', false, 0.5, 0.5, 2)).toBeNull();
  });
});
