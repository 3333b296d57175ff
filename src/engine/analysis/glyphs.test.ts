import { describe, expect, it } from 'vitest';
import { inspectStep } from '../inspectStep';
import { NAMED_SURFACES } from '../surfaces';
import type { DomainPoint, OptimizerConfig, OptimizerInspection, Scene } from '../types';
import { stateGlyphs } from './glyphs';

const surface = NAMED_SURFACES.rosenbrock!;

function sceneWith(config: OptimizerConfig, steps = 40): Scene {
  return { surface: { id: 'rosenbrock' }, start: [-1.2, 1], steps, optimizers: [config] };
}

/** The optimizer's own state and move at step k, as inspectStep reports them. */
function inspected(config: OptimizerConfig, k: number) {
  const s = inspectStep(surface, sceneWith(config), 0, k)!;
  const v = (key: string): DomainPoint => {
    const x = s.state[key] as readonly number[];
    return [x[0]!, x[1]!];
  };
  const n = (key: string): number => s.state[key] as number;
  return { ...s, v, n, state: s.state satisfies OptimizerInspection };
}

/** Equal to `digits` significant digits (a step read back as θ_{t} − θ_{t−1} keeps about 9 on Rosenbrock). */
function expectClose(actual: DomainPoint | undefined, expected: DomainPoint, digits = 14): void {
  expect(actual).toBeDefined();
  // Relative to the vector's size: steps span many orders of magnitude across optimizers.
  const size = Math.max(Math.abs(expected[0]), Math.abs(expected[1]), 1e-300);
  expect(Math.abs(actual![0] - expected[0]) / size).toBeLessThan(10 ** -digits);
  expect(Math.abs(actual![1] - expected[1]) / size).toBeLessThan(10 ** -digits);
}

const K = [0, 6, 29];

describe('stateGlyphs: every glyph is the optimizer’s own inspect() state at that step', () => {
  it.each<OptimizerConfig>([
    { type: 'sgd', lr: 1e-3 },
    { type: 'adam', lr: 0.05 },
    { type: 'adagrad', lr: 0.5 },
    { type: 'lbfgs', lr: 0.5 },
  ])('$type: starts at point k and draws −η g_t from its g', (config) => {
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      expect(glyph.point).toEqual(s.point);
      expectClose(glyph.gradient, [-s.lr * s.v('g')[0], -s.lr * s.v('g')[1]]);
    }
  });

  it('SGD with momentum: the arrow is −η b_t, and heavy ball steps exactly along it', () => {
    const config: OptimizerConfig = { type: 'sgd', lr: 1e-3, momentum: 0.9 };
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      expect(glyph.momentum?.kind).toBe('buffer');
      expectClose(glyph.momentum?.vector, [-s.lr * s.v('b')[0], -s.lr * s.v('b')[1]]);
      expectClose(glyph.momentum?.vector, s.update, 9);
      expect(glyph.box).toBeUndefined();
    }
  });

  it("NAG: the look-ahead −η μ b_t plus the gradient arrow reaches the step's end", () => {
    const config: OptimizerConfig = { type: 'sgd', lr: 1e-3, momentum: 0.8, nesterov: true };
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      expect(glyph.momentum?.kind).toBe('lookahead');
      expectClose(glyph.momentum?.vector, [-s.lr * 0.8 * s.v('b')[0], -s.lr * 0.8 * s.v('b')[1]]);
      const [mx, my] = glyph.momentum!.vector;
      expectClose([mx + glyph.gradient[0], my + glyph.gradient[1]], s.update, 9);
    }
  });

  it.each<OptimizerConfig>([
    { type: 'adam', lr: 0.05 },
    { type: 'adam', lr: 0.05, amsgrad: true },
    { type: 'adamw', lr: 0.05, weight_decay: 0 },
  ])('$type: m̂ arrow is −η m̂_t and the box is −η m̂/(√v̂ + ε), the whole step', (config) => {
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      const [m0, m1] = s.v('m_hat');
      const [v0, v1] = s.v('v_hat');
      expect(glyph.momentum?.kind).toBe('m-hat');
      expectClose(glyph.momentum?.vector, [-s.lr * m0, -s.lr * m1]);
      expectClose(glyph.box, [
        (-s.lr * m0) / (Math.sqrt(v0) + 1e-8),
        (-s.lr * m1) / (Math.sqrt(v1) + 1e-8),
      ]);
      expectClose(glyph.box, s.update, 9);
    }
  });

  it('AdamW with weight decay: the box is the adaptive part, the step adds −ηλθ', () => {
    const config: OptimizerConfig = { type: 'adamw', lr: 0.05, weight_decay: 0.1 };
    const k = 6;
    const s = inspected(config, k);
    const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
    expectClose(
      [glyph.box![0] - 0.05 * 0.1 * s.point[0], glyph.box![1] - 0.05 * 0.1 * s.point[1]],
      s.update,
      10,
    );
  });

  it('RMSProp: the box is −η g/d_t from its denominator; with momentum the arrow is −η b_t', () => {
    for (const config of [
      { type: 'rmsprop', lr: 0.01 },
      { type: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true },
    ] satisfies OptimizerConfig[]) {
      for (const k of K) {
        const s = inspected(config, k);
        const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
        const [g0, g1] = s.v('g');
        const [d0, d1] = s.v('denom');
        expectClose(glyph.box, [(-s.lr * g0) / d0, (-s.lr * g1) / d1]);
        if ('momentum' in config) {
          expectClose(glyph.momentum?.vector, [-s.lr * s.v('b')[0], -s.lr * s.v('b')[1]]);
          expectClose(glyph.momentum?.vector, s.update, 9);
        } else {
          expect(glyph.momentum).toBeUndefined();
          expectClose(glyph.box, s.update, 9);
        }
      }
    }
  });

  it('AdaGrad: the box is −η_t g/(√s_t + ε)', () => {
    const config: OptimizerConfig = { type: 'adagrad', lr: 0.5, lr_decay: 0.01 };
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      const [g0, g1] = s.v('g');
      const [s0, s1] = s.v('sum');
      const clr = s.n('clr');
      expectClose(glyph.box, [
        (-clr * g0) / (Math.sqrt(s0) + 1e-10),
        (-clr * g1) / (Math.sqrt(s1) + 1e-10),
      ]);
      expectClose(glyph.box, s.update, 9);
    }
  });

  it('Adamax: m̂ arrow is −η_t m_t and the box −η_t m/u', () => {
    const config: OptimizerConfig = { type: 'adamax', lr: 0.05 };
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      const clr = s.n('clr');
      const [m0, m1] = s.v('m');
      const [u0, u1] = s.v('u');
      expectClose(glyph.momentum?.vector, [-clr * m0, -clr * m1]);
      expectClose(glyph.box, [(-clr * m0) / u0, (-clr * m1) / u1]);
      expectClose(glyph.box, s.update, 9);
    }
  });

  it('NAdam: the box is its blend of g and m over d_t, the whole step', () => {
    const config: OptimizerConfig = { type: 'nadam', lr: 0.05 };
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      const pi = s.n('mu_product');
      const muNext = s.n('mu_next');
      const [m0, m1] = s.v('m');
      expectClose(glyph.momentum?.vector, [
        (-s.lr * m0) / (1 - pi * muNext),
        (-s.lr * m1) / (1 - pi * muNext),
      ]);
      expectClose(glyph.box, s.update, 9);
    }
  });

  it('RAdam: no box while unrectified (ρ_t ≤ 5), then the rectified adaptive step', () => {
    const config: OptimizerConfig = { type: 'radam', lr: 1e-3 };
    const early = stateGlyphs(surface, sceneWith(config), 0, 0)!;
    expect(inspected(config, 0).n('rect')).toBe(0);
    expect(early.box).toBeUndefined();
    expectClose(early.momentum?.vector, inspected(config, 0).update, 12);
    for (const k of [6, 29]) {
      const s = inspected(config, k);
      expect(s.n('rect')).toBeGreaterThan(0);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      const [m0, m1] = s.v('m_hat');
      expectClose(glyph.momentum?.vector, [-s.lr * m0, -s.lr * m1]);
      expectClose(glyph.box, s.update, 9);
    }
  });

  it.each<OptimizerConfig>([
    { type: 'adadelta', lr: 1 },
    { type: 'adafactor', lr: 0.01 },
    { type: 'rprop', lr: 0.01 },
  ])('$type: the box is the per-coordinate step its state gives', (config) => {
    for (const k of K) {
      const s = inspected(config, k);
      const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
      if (config.type === 'adadelta')
        expectClose(glyph.box, [-s.lr * s.v('delta')[0], -s.lr * s.v('delta')[1]]);
      if (config.type === 'adafactor') {
        const f = -s.n('alpha_t') / s.n('clip');
        expectClose(glyph.box, [f * s.v('u')[0], f * s.v('u')[1]]);
      }
      if (config.type === 'rprop') {
        expect(glyph.box!.map(Math.abs)).toEqual(
          s.v('step_size').map((size, i) => (s.v('eta_t')[i]! < 1 ? 0 : size)),
        );
      }
      expectClose(glyph.box, s.update, 9);
    }
  });

  it("L-BFGS: the search arrow is α·d from its state and ends at the step's end", () => {
    for (const config of [
      { type: 'lbfgs', lr: 0.5 },
      { type: 'lbfgs', lr: 1, max_iter: 1 },
    ] satisfies OptimizerConfig[]) {
      for (const k of [0, 3]) {
        const s = inspected(config, k);
        const glyph = stateGlyphs(surface, sceneWith(config), 0, k)!;
        const [d0, d1] = s.v('d');
        const alpha = s.n('t_ls');
        expectClose(glyph.search?.vector, [alpha * d0, alpha * d1]);
        const end: DomainPoint = [
          glyph.search!.from[0] + glyph.search!.vector[0],
          glyph.search!.from[1] + glyph.search!.vector[1],
        ];
        expectClose(end, s.v('theta'), 12);
        // One inner iteration: the search leaves point k itself.
        if (config.max_iter === 1) expectClose(glyph.search!.from, s.point, 12);
      }
    }
  });

  it.each<OptimizerConfig>([
    { type: 'asgd', lr: 1e-3 },
    { type: 'muon', lr: 0.01 },
  ])('$type: keeps no per-coordinate scale or momentum glyph, only −η g_t', (config) => {
    const s = inspected(config, 6);
    const glyph = stateGlyphs(surface, sceneWith(config), 0, 6)!;
    expectClose(glyph.gradient, [-s.lr * s.v('g')[0], -s.lr * s.v('g')[1]]);
    expect(glyph.momentum ?? glyph.box ?? glyph.search).toBeUndefined();
  });

  it('gives nothing past the run or at a step that does not exist', () => {
    expect(stateGlyphs(surface, sceneWith({ type: 'adam', lr: 0.05 }), 0, 40)).toBeUndefined();
    expect(stateGlyphs(surface, sceneWith({ type: 'adam', lr: 0.05 }), 1, 0)).toBeUndefined();
  });
});
