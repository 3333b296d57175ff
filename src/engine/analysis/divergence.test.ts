import { describe, expect, it } from 'vitest';
import { LESSONS, findLesson } from '../../lessons/catalog';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES, resolveSurface } from '../surfaces';
import type { OptimizerConfig, Surface, Trajectory } from '../types';
import { explainDivergence, stableLrLimit } from './divergence';
import type { DivergenceExplanation } from './divergence';

const quadratic = NAMED_SURFACES.quadratic!;

function surfaceOf(ref: Parameters<typeof resolveSurface>[0]): Surface {
  const r = resolveSurface(ref);
  if (!r.ok) throw new Error(r.error.message);
  return r.surface;
}

function lossGrew(t: Trajectory): boolean {
  return t.diverged || t.losses[t.length - 1]! > t.losses[0]!;
}

function kindOf<K extends DivergenceExplanation['kind']>(
  e: DivergenceExplanation,
  kind: K,
): Extract<DivergenceExplanation, { kind: K }> {
  expect(e.kind).toBe(kind);
  return e as Extract<DivergenceExplanation, { kind: K }>;
}

describe('the stable band on quadratics matches where the engine flips', () => {
  const configs: [string, OptimizerConfig][] = [
    ['plain SGD', { type: 'sgd' }],
    ['plain SGD with weight decay 0.5', { type: 'sgd', weight_decay: 0.5 }],
    ['heavy ball 0.5', { type: 'sgd', momentum: 0.5 }],
    ['heavy ball 0.9', { type: 'sgd', momentum: 0.9 }],
    ['heavy ball 0.9, dampening 0.5', { type: 'sgd', momentum: 0.9, dampening: 0.5 }],
    ['Nesterov 0.5', { type: 'sgd', momentum: 0.5, nesterov: true }],
    ['Nesterov 0.9', { type: 'sgd', momentum: 0.9, nesterov: true }],
  ];
  it.each(configs)('%s', (_name, config) => {
    const edge = stableLrLimit(quadratic, [-4, 2], config)!;
    expect(edge).toBeGreaterThan(0);
    const steps = 3000;
    const inside = { ...config, lr: 0.98 * edge };
    const outside = { ...config, lr: 1.02 * edge };
    expect(lossGrew(simulateOne(quadratic, [-4, 2], steps, inside))).toBe(false);
    expect(lossGrew(simulateOne(quadratic, [-4, 2], steps, outside))).toBe(true);

    expect(explainDivergence(quadratic, [-4, 2], steps, inside).kind).not.toBe('exceeds-band');
    const out = kindOf(explainDivergence(quadratic, [-4, 2], steps, outside), 'exceeds-band');
    expect(out.first.step).toBe(0);
    expect(out.first.product / out.bound).toBeCloseTo(1.02, 12);
    // The steep axis of x²/10 + y² is y.
    expect(Math.abs(out.first.axis[1])).toBeCloseTo(1, 12);
    expect(out.lossGrew).toBe(true);
  });
});

describe('explainDivergence', () => {
  it('gives a start whose loss is not finite its own kind', () => {
    const s = surfaceOf({ expr: '1/x + y^2' });
    const e = kindOf(
      explainDivergence(s, [0, 1], 10, { type: 'sgd', lr: 0.1 }),
      'non-finite-start',
    );
    expect(e.point).toEqual([0, 1]);
    expect(Number.isFinite(e.loss)).toBe(false);
    expect(explainDivergence(s, [0, 1], 10, { type: 'adam' }).kind).toBe('non-finite-start');
  });

  it('blames downhill curvature when a run inside the band still runs off to infinity', () => {
    // x² − y²: λ = 2 and −2. lr·λ_max = 0.1 is deep inside the band, but y grows 1.1× per step.
    const saddle = NAMED_SURFACES.saddle!;
    const run = simulateOne(saddle, [-2, 0.001], 10000, { type: 'sgd', lr: 0.05 });
    expect(run.diverged).toBe(true);
    const e = kindOf(
      explainDivergence(saddle, [-2, 0.001], 10000, { type: 'sgd', lr: 0.05 }),
      'negative-curvature',
    );
    expect([e.first.step, e.first.lambdaMin, e.divergedAtStep]).toEqual([0, -2, run.length - 1]);
    expect(e.first.product).toBeCloseTo(-0.1, 12);
    expect(Math.abs(e.first.axis[1])).toBeCloseTo(1, 12);
  });

  it('says where the steep axis leaves the band when a decaying lr brings it back', () => {
    const lesson = findLesson('lr-decay')!;
    const [constant, exponential, stepped] = lesson.scene.optimizers.map((c) =>
      explainDivergence(quadratic, lesson.scene.start, lesson.scene.steps, c),
    );
    const c = kindOf(constant!, 'exceeds-band');
    expect([c.first.step, c.lastStep, c.backInside, c.lossGrew]).toEqual([0, 99, false, true]);
    expect(c.first.product).toBeCloseTo(2.1, 12);
    const e = kindOf(exponential!, 'exceeds-band');
    expect([e.first.step, e.lastStep, e.backInside, e.lossGrew]).toEqual([0, 0, true, false]);
    const s = kindOf(stepped!, 'exceeds-band');
    expect([s.first.step, s.lastStep, s.backInside, s.lossGrew]).toEqual([0, 9, true, false]);
  });

  it("follows a one-cycle's lr as the run does (total_steps from the scene's steps)", () => {
    // It threw "total_steps must be a positive whole number, got 0" and showed no note.
    const config: OptimizerConfig = {
      type: 'sgd',
      lr: 0.01,
      schedule: { type: 'onecycle', max_lr: 2, cycle_momentum: false },
    };
    const e = kindOf(explainDivergence(quadratic, [-4, 2], 100, config), 'exceeds-band');
    // One-cycle starts at max_lr / 25 = 0.08 (inside the band lr·λ < 2, λ = 2) and warms up
    // past lr 1 later: the first step outside is not the first step.
    expect(e.first.step).toBeGreaterThan(0);
    expect(e.first.product).toBeGreaterThan(2);
  });

  it('names zig-zags, spirals and downhill curvature on the lessons that show them', () => {
    const explain = (id: string, i: number) => {
      const lesson = findLesson(id)!;
      const s = surfaceOf(lesson.scene.surface);
      return explainDivergence(
        s,
        lesson.scene.start,
        lesson.scene.steps,
        lesson.scene.optimizers[i]!,
      );
    };
    const zig = kindOf(explain('lr-too-large', 0), 'oscillates');
    expect([zig.regime, zig.first.step]).toEqual(['oscillation', 0]);
    expect(zig.first.product).toBeCloseTo(1.9, 12);
    expect(kindOf(explain('lr-too-large', 1), 'exceeds-band').first.product).toBeCloseTo(2.1, 12);
    expect(kindOf(explain('momentum-ravine', 1), 'oscillates').regime).toBe('ripples');
    expect(kindOf(explain('lr-too-small', 0), 'within-band').worst.product).toBeCloseTo(0.04, 12);
    const saddle = kindOf(explain('saddle', 0), 'within-band');
    expect(saddle.negativeCurvature?.lambdaMin).toBe(-2);
    expect(Math.abs(saddle.negativeCurvature!.axis[1])).toBeCloseTo(1, 12);
    const raw = kindOf(explain('gradient-clipping', 0), 'exceeds-band');
    expect([raw.diverged, raw.clipped]).toEqual([true, false]);
    const clipped = kindOf(explain('gradient-clipping', 1), 'exceeds-band');
    expect([clipped.diverged, clipped.clipped, clipped.lossGrew]).toEqual([false, true, false]);
  });
});

describe('every lesson scene: the explanation matches what the engine does', () => {
  for (const lesson of LESSONS) {
    it(lesson.id, () => {
      const surface = surfaceOf(lesson.scene.surface);
      const { start, steps } = lesson.scene;
      for (const config of lesson.scene.optimizers) {
        const run = simulateOne(surface, start, steps, config);
        const e = explainDivergence(surface, start, steps, config, { sweepPoints: 13 });
        expect(e.kind).not.toBe('non-finite-start');
        if (e.kind === 'non-finite-start') continue;
        expect(e.diverged).toBe(run.diverged);
        expect(e.lossGrew).toBe(lossGrew(run));
        if (e.kind === 'no-closed-form') {
          expect(config.type).not.toBe('sgd');
          // The sweep's edge is real: at it the engine's run ends above its start (or blows up),
          // just below it the run does not.
          if (e.edge) {
            const at = simulateOne(surface, start, steps, { ...config, lr: e.edge.firstDiverged });
            expect(lossGrew(at)).toBe(true);
            if (e.edge.lastStable !== undefined) {
              const below = simulateOne(surface, start, steps, {
                ...config,
                lr: e.edge.lastStable,
              });
              expect(lossGrew(below)).toBe(false);
            }
          }
          continue;
        }
        expect(config.type).toBe('sgd');
        if (run.diverged)
          expect(['exceeds-band', 'negative-curvature', 'off-model']).toContain(e.kind);
        if (e.kind === 'within-band' || e.kind === 'oscillates') expect(lossGrew(run)).toBe(false);
        if (e.kind === 'exceeds-band') {
          // The numbers are the engine's: the Hessian at the trajectory's point of that step.
          const k = e.first.step;
          expect(e.first.point).toEqual([run.points[2 * k], run.points[2 * k + 1]]);
          expect(e.first.product).toBeGreaterThanOrEqual(e.bound);
          // With a constant Hessian, a constant lr and no clipping, exceeding the band is growth.
          if (!config.schedule && !e.clipped && surface.id === 'quadratic')
            expect(lossGrew(run)).toBe(true);
        }
      }
    });
  }
});
