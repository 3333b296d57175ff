import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../optimizers';
import type { OptimizerConfig } from '../types';
import {
  REGIMES,
  criticalMomentum,
  directionDynamics,
  regimeGrid,
  stableProductBound,
} from './regime';
import type { MomentumSettings } from './regime';

/** x_0 … x_steps of the engine's torch SGD on ½λx² from x = 1. */
function run1d(lambda: number, s: MomentumSettings, steps: number): Float64Array {
  const config: OptimizerConfig = {
    type: 'sgd',
    lr: s.lr,
    momentum: s.momentum,
    ...(s.dampening !== undefined ? { dampening: s.dampening } : {}),
    ...(s.nesterov !== undefined ? { nesterov: s.nesterov } : {}),
  };
  const opt = createOptimizer(config, 1);
  const p = new Float64Array([1]);
  const g = new Float64Array(1);
  const xs = new Float64Array(steps + 1);
  xs[0] = 1;
  for (let k = 1; k <= steps; k++) {
    g[0] = lambda * p[0]!;
    opt.step(p, g, s.lr);
    xs[k] = p[0]!;
  }
  return xs;
}

function windowMax(xs: Float64Array, end: number, width: number): number {
  let m = 0;
  for (let k = end - width; k <= end; k++) m = Math.max(m, Math.abs(xs[k]!));
  return m;
}

const CASES: [string, number, MomentumSettings][] = [
  ['plain, small step', 2, { lr: 0.1, momentum: 0 }],
  ['plain, zig-zag', 2, { lr: 0.8, momentum: 0 }],
  ['heavy ball 0.5', 2, { lr: 0.1, momentum: 0.5 }],
  ['heavy ball 0.9', 0.2, { lr: 0.5, momentum: 0.9 }],
  ['heavy ball 0.2, large step', 2, { lr: 0.9, momentum: 0.2 }],
  ['dampened heavy ball', 2, { lr: 0.3, momentum: 0.8, dampening: 0.5 }],
  ['Nesterov 0.9', 2, { lr: 0.1, momentum: 0.9, nesterov: true }],
  ['Nesterov 0.5, large step', 2, { lr: 0.6, momentum: 0.5, nesterov: true }],
];

describe('directionDynamics', () => {
  it.each(CASES)(
    '%s: the radius is the rate the engine’s simulation converges at (±1 %%)',
    (_n, lambda, s) => {
      const d = directionDynamics(lambda, s);
      expect(d.radius).toBeLessThan(1);
      // Long enough for the dominant root to rule, short enough to stay clear of underflow.
      const span = Math.min(300, Math.floor(300 / -Math.log(d.radius)));
      const xs = run1d(lambda, s, 2 * span + 40);
      const rate = Math.pow(
        windowMax(xs, 2 * span + 40, 30) / windowMax(xs, span + 40, 30),
        1 / span,
      );
      expect(Math.abs(rate - d.radius)).toBeLessThan(0.01 * d.radius);
    },
  );

  it('names the regime the simulated error shows: same sign, flipping sign, spiralling, growing', () => {
    const signs = (xs: Float64Array, from: number) => {
      const s: number[] = [];
      for (let k = from; k < xs.length; k++) s.push(Math.sign(xs[k]!));
      return s;
    };
    const monotone: MomentumSettings = { lr: 0.1, momentum: 0.1 };
    expect(directionDynamics(2, monotone).regime).toBe('monotone');
    expect(new Set(signs(run1d(2, monotone, 60), 5))).toEqual(new Set([1]));

    const flip: MomentumSettings = { lr: 0.95, momentum: 0.1 };
    expect(directionDynamics(2, flip).regime).toBe('oscillation');
    const f = signs(run1d(2, flip, 40), 10);
    for (let i = 1; i < f.length; i++) expect(f[i]).toBe(-f[i - 1]!);

    const ripples: MomentumSettings = { lr: 0.1, momentum: 0.9 };
    const d = directionDynamics(2, ripples);
    expect(d.regime).toBe('ripples');
    const r = signs(run1d(2, ripples, 200), 20);
    let changes = 0;
    for (let i = 1; i < r.length; i++) if (r[i] !== r[i - 1]) changes++;
    // Period 2π/arg z steps: about (steps / period)·2 sign changes, far fewer than every step.
    const period = (2 * Math.PI) / Math.atan2(d.im, d.re);
    expect(changes).toBeGreaterThan(0);
    expect(Math.abs(changes - (2 * r.length) / period)).toBeLessThanOrEqual(2);

    const grow: MomentumSettings = { lr: 1.55, momentum: 0.5 };
    expect(directionDynamics(2, grow).regime).toBe('divergence');
    const xs = run1d(2, grow, 200);
    expect(Math.abs(xs[200]!)).toBeGreaterThan(10);
  });
});

describe('stableProductBound', () => {
  const settings: Omit<MomentumSettings, 'lr'>[] = [
    { momentum: 0 },
    { momentum: 0.5 },
    { momentum: 0.9 },
    { momentum: 0.9, dampening: 0.5 },
    { momentum: 0.5, nesterov: true },
    { momentum: 0.9, nesterov: true },
  ];
  it.each(settings)('is where the radius crosses 1 (%o)', (s) => {
    const bound = stableProductBound(s);
    for (const lambda of [0.2, 2, 50]) {
      expect(directionDynamics(lambda, { ...s, lr: (0.999 * bound) / lambda }).radius).toBeLessThan(
        1,
      );
      expect(
        directionDynamics(lambda, { ...s, lr: (1.001 * bound) / lambda }).radius,
      ).toBeGreaterThan(1);
    }
  });
  it('gives the textbook numbers', () => {
    expect(stableProductBound({ momentum: 0 })).toBe(2);
    expect(stableProductBound({ momentum: 0.9 })).toBeCloseTo(3.8, 12);
    expect(stableProductBound({ momentum: 0.9, nesterov: true })).toBeCloseTo(3.8 / 2.8, 12);
  });
});

describe('criticalMomentum', () => {
  it('is the double root between monotone and ripples, and the fastest momentum for that lr', () => {
    for (const [lr, lambda] of [
      [0.1, 2],
      [0.05, 0.2],
      [0.4, 2],
    ] as const) {
      const mu = criticalMomentum(lr, lambda);
      const at = directionDynamics(lambda, { lr, momentum: mu });
      expect(Math.abs(at.discriminant)).toBeLessThan(1e-12);
      expect(directionDynamics(lambda, { lr, momentum: mu - 0.02 }).regime).toBe('monotone');
      expect(directionDynamics(lambda, { lr, momentum: mu + 0.02 }).regime).toBe('ripples');
      for (const other of [mu - 0.02, mu + 0.02]) {
        expect(directionDynamics(lambda, { lr, momentum: other }).radius).toBeGreaterThan(
          at.radius,
        );
      }
    }
    expect(criticalMomentum(1, 2)).toBeNaN();
  });
});

describe('regimeGrid', () => {
  it('names all four regions on the notes’ quadratic and agrees cell by cell with the worst direction', () => {
    const eig = [0.2, 2];
    const grid = regimeGrid(eig, { lrMin: 0.01, lrMax: 3, lrPoints: 40, momentumPoints: 30 });
    expect(grid.radius.length).toBe(1200);
    const seen = new Set(Array.from(grid.regime, (r) => REGIMES[r]));
    expect(seen).toEqual(new Set(REGIMES));
    for (const [i, j] of [
      [0, 0],
      [39, 29],
      [20, 15],
      [33, 3],
    ] as const) {
      const s = { lr: grid.lrs[i]!, momentum: grid.momenta[j]! };
      const worst = Math.max(...eig.map((l) => directionDynamics(l, s).radius));
      expect(grid.radius[j * 40 + i]).toBe(worst);
      const e = grid.stepsPerEFold[j * 40 + i]!;
      if (worst < 1) expect(Math.exp(-1 / e)).toBeCloseTo(worst, 12);
      else expect(e).toBe(Infinity);
    }
    expect(() => regimeGrid([], { lrMin: 0.1, lrMax: 1, lrPoints: 2, momentumPoints: 2 })).toThrow(
      RangeError,
    );
  });
});
