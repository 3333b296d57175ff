import { describe, expect, it } from 'vitest';
import { makeDataset } from '../analysis/dataset';
import { NAMED_SURFACES } from '../surfaces';
import { BUMP_COUNT, bumps } from '../surfaces/bumps';
import type { FieldError, Surface } from '../types';
import { createGradientNoise, miniBatchIndices } from './gradient-noise';
import type { GradientNoise } from './gradient-noise';
import { simulateNoisy } from './simulate-noisy';
import type { NoiseSpec } from './spec';
import { validateNoise } from './spec';
import { datasetSumSurface } from './sum-surfaces';

const quadratic = NAMED_SURFACES.quadratic!;
const booth = NAMED_SURFACES.booth!;
const saddle = NAMED_SURFACES.saddle!;

function make(spec: NoiseSpec, surface: Surface = quadratic): GradientNoise {
  const made = createGradientNoise(spec, surface);
  if (!made.ok) throw new Error(made.error.message);
  return made.noise;
}

/** The noisy gradient of step k at (x, y). */
function noisyGrad(noise: GradientNoise, surface: Surface, k: number, x: number, y: number) {
  const g = new Float64Array(2);
  surface.grad(x, y, g);
  noise.perturb(k, x, y, g);
  return g;
}

/** δ of steps 0 … n−1 at a fixed point (x, y). */
function deltas(noise: GradientNoise, surface: Surface, n: number, x: number, y: number) {
  const exact = new Float64Array(2);
  surface.grad(x, y, exact);
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const g = noisyGrad(noise, surface, k, x, y);
    out[2 * k] = g[0]! - exact[0]!;
    out[2 * k + 1] = g[1]! - exact[1]!;
  }
  return out;
}

function moments(xs: ArrayLike<number>, stride = 1, offset = 0) {
  let n = 0;
  let sum = 0;
  for (let i = offset; i < xs.length; i += stride) {
    sum += xs[i]!;
    n++;
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = offset; i < xs.length; i += stride) {
    const d = xs[i]! - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  return { n, mean, variance: m2 / (n - 1), m4: m4 / n };
}

describe('validateNoise', () => {
  it('accepts every kind with its fields and reads -0 as 0', () => {
    const specs: unknown[] = [
      { type: 'gaussian', scale: 0.5, seed: 1 },
      { type: 'gaussian', scale: 0, seed: 0, batch_size: 8 },
      { type: 'heavy_tail', scale: 1, df: 3, seed: 4294967295 },
      { type: 'hessian', scale: 0.1, seed: 7 },
      { type: 'minibatch', batch_size: 4, seed: 2 },
    ];
    for (const s of specs) {
      const errors: FieldError[] = [];
      const spec = validateNoise(s, errors);
      expect(errors).toEqual([]);
      expect(spec).toEqual(s);
    }
    const errors: FieldError[] = [];
    expect(
      Object.is(validateNoise({ type: 'gaussian', scale: -0, seed: 0 }, errors)?.type, 'gaussian'),
    ).toBe(true);
    const spec = validateNoise({ type: 'gaussian', scale: -0, seed: 0 }, errors);
    expect(Object.is(spec && 'scale' in spec ? spec.scale : NaN, 0)).toBe(true);
  });

  it('names the field and the value of every kind of bad input', () => {
    const cases: [unknown, string, RegExp][] = [
      [null, 'noise', /object with a type, got null/],
      [
        { type: 'uniform', seed: 1 },
        'noise.type',
        /gaussian, heavy_tail, hessian, minibatch, got "uniform"/,
      ],
      [{ type: 'gaussian', scale: 1 }, 'noise.seed', /^is required for gaussian noise$/],
      [{ type: 'gaussian', scale: 1, seed: 1.5 }, 'noise.seed', /got 1.5/],
      [{ type: 'gaussian', scale: -1, seed: 1 }, 'noise.scale', /from 0 to 1000000, got -1/],
      [{ type: 'gaussian', scale: NaN, seed: 1 }, 'noise.scale', /got NaN/],
      [
        { type: 'heavy_tail', scale: 1, df: 1, seed: 1 },
        'noise.df',
        /> 1 \(so the noise has a mean\).*got 1/,
      ],
      [{ type: 'hessian', scale: 1, seed: 1, batch_size: 0 }, 'noise.batch_size', /got 0/],
      [{ type: 'minibatch', seed: 1 }, 'noise.batch_size', /^is required for minibatch noise$/],
      [{ type: 'gaussian', seed: 1 }, 'noise.scale', /^is required for gaussian noise$/],
      [{ type: 'heavy_tail', scale: 1, seed: 1 }, 'noise.df', /^is required for heavy_tail noise$/],
      [
        { type: 'minibatch', batch_size: 2, seed: 1, scale: 1 },
        'noise.scale',
        /is not a field of minibatch noise/,
      ],
    ];
    for (const [value, path, message] of cases) {
      const errors: FieldError[] = [];
      expect(validateNoise(value, errors)).toBeUndefined();
      expect(errors.map((e) => e.path)).toContain(path);
      expect(errors.find((e) => e.path === path)!.message).toMatch(message);
    }
  });

  it('refuses minibatch noise on a surface that is not a sum, and a batch larger than N', () => {
    const a = createGradientNoise({ type: 'minibatch', batch_size: 2, seed: 1 }, quadratic);
    expect(a.ok ? undefined : a.error).toMatchObject({
      path: 'noise.type',
      code: 'noise.notSum',
      message: expect.stringMatching(/sum over data.*"quadratic"/) as unknown as string,
    });
    const b = createGradientNoise({ type: 'minibatch', batch_size: 13, seed: 1 }, bumps);
    expect(b.ok ? undefined : b.error.path).toBe('noise.batch_size');
    expect(b.ok ? '' : b.error.message).toMatch(/at most 12 .*got 13/);
  });
});

describe('GradientNoise determinism', () => {
  const kinds: NoiseSpec[] = [
    { type: 'gaussian', scale: 1, seed: 42 },
    { type: 'heavy_tail', scale: 1, df: 4, seed: 42 },
    { type: 'hessian', scale: 1, seed: 42 },
  ];
  for (const spec of kinds) {
    it(`${spec.type}: same seed, same sequence; another seed, another; step k alone = step k in a run`, () => {
      const a = deltas(make(spec), quadratic, 50, -4, 2);
      const b = deltas(make(spec), quadratic, 50, -4, 2);
      expect(Array.from(a)).toEqual(Array.from(b));
      const c = deltas(make({ ...spec, seed: 43 }), quadratic, 50, -4, 2);
      let same = 0;
      for (let i = 0; i < a.length; i++) if (a[i] === c[i]) same++;
      expect(same).toBe(0);
      const alone = make(spec);
      const g = noisyGrad(alone, quadratic, 37, -4, 2);
      expect([a[74], a[75]]).toEqual([g[0]! - -0.8, g[1]! - 4]);
      const recorded = alone.perturbation(37)!;
      expect(recorded[0]).toBeCloseTo(g[0]! + 0.8, 14);
      expect(recorded[1]).toBeCloseTo(g[1]! - 4, 14);
      expect(alone.perturbation(36)).toBeUndefined();
    });
  }

  it('the same scene gives the same noisy path, and the recorded δ replays it', () => {
    const spec: NoiseSpec = { type: 'gaussian', scale: 0.5, seed: 9 };
    const config = { type: 'sgd', lr: 0.1, momentum: 0.9 } as const;
    const n1 = make(spec);
    const t1 = simulateNoisy(quadratic, [-4, 2], 100, config, n1);
    const t2 = simulateNoisy(quadratic, [-4, 2], 100, config, make(spec));
    expect(Array.from(t1.points)).toEqual(Array.from(t2.points));
    // Replaying with the recorded δ added to exact gradients gives the same path.
    const recorded = n1.recorded();
    expect(recorded.length).toBe(200);
    const replay: GradientNoise = {
      spec,
      perturb(k, _x, _y, g) {
        g[0] = g[0]! + recorded[2 * k]!;
        g[1] = g[1]! + recorded[2 * k + 1]!;
      },
      perturbation: () => undefined,
      recorded: () => recorded,
    };
    const t3 = simulateNoisy(quadratic, [-4, 2], 100, config, replay);
    expect(Array.from(t3.points)).toEqual(Array.from(t1.points));
    const exact = simulateNoisy(quadratic, [-4, 2], 100, config, make({ ...spec, scale: 0 }));
    expect(exact.points[200]).not.toBe(t1.points[200]);
  });

  it('batch_size B scales additive noise by exactly 1/√B', () => {
    const spec: NoiseSpec = { type: 'hessian', scale: 1, seed: 5 };
    const one = deltas(make(spec), booth, 20, 0, 0);
    const four = deltas(make({ ...spec, batch_size: 4 }), booth, 20, 0, 0);
    for (let i = 0; i < one.length; i++) expect(four[i]).toBeCloseTo(one[i]! / 2, 14);
  });
});

describe('GradientNoise statistics', () => {
  it('the mean of 2000 seeds’ first noisy steps is the exact gradient step within 4 standard errors', () => {
    // δ ~ N(0, σ²) per coordinate, so the mean of n first steps has standard error lr·σ/√n;
    // 4 SE bounds a fair test (two-sided p ≈ 6e-5) yet fails a bias of a tenth of σ·lr.
    const n = 2000;
    const sigma = 1;
    const lr = 0.1;
    let sx = 0;
    let sy = 0;
    for (let seed = 0; seed < n; seed++) {
      const t = simulateNoisy(
        quadratic,
        [-4, 2],
        1,
        { type: 'sgd', lr },
        make({ type: 'gaussian', scale: sigma, seed }),
      );
      sx += t.points[2]!;
      sy += t.points[3]!;
    }
    const se = (lr * sigma) / Math.sqrt(n);
    // Exact step: (-4, 2) − 0.1·(−0.8, 4) = (−3.92, 1.6).
    expect(Math.abs(sx / n - -3.92)).toBeLessThan(4 * se);
    expect(Math.abs(sy / n - 1.6)).toBeLessThan(4 * se);
  });

  for (const df of [5, 10]) {
    it(`Student-t(ν = ${df}) noise has variance ν/(ν − 2)·σ² within 4 standard errors`, () => {
      const sigma = 0.7;
      const d = deltas(
        make({ type: 'heavy_tail', scale: sigma, df, seed: 3 }),
        quadratic,
        20000,
        1,
        1,
      );
      const m = moments(d);
      const target = (df / (df - 2)) * sigma * sigma;
      // SE of a sample variance: √((μ₄ − σ⁴)/n), with μ₄ estimated from the sample.
      const se = Math.sqrt((m.m4 - m.variance * m.variance) / m.n);
      expect(Math.abs(m.mean)).toBeLessThan(4 * Math.sqrt(m.variance / m.n));
      expect(Math.abs(m.variance - target)).toBeLessThan(4 * se);
      // And it is heavier-tailed than a Gaussian of that variance (excess kurtosis 6/(ν − 4) > 0).
      expect(m.m4 / (m.variance * m.variance)).toBeGreaterThan(3);
    });
  }

  for (const [name, surface, x, y] of [
    ['booth (bowl, tilted)', booth, 0, 0],
    ['saddle (|H| of an indefinite Hessian)', saddle, 0.5, 0.5],
    ['rosenbrock (point-dependent)', NAMED_SURFACES.rosenbrock!, -1, 1],
  ] as const) {
    it(`hessian noise's sample covariance is σ²|H| on ${name}`, () => {
      const sigma = 0.3;
      const n = 20000;
      const d = deltas(
        make({ type: 'hessian', scale: sigma, seed: 11 }, surface),
        surface,
        n,
        x,
        y,
      );
      const h = new Float64Array(3);
      surface.hessian(x, y, h);
      // |H| = V|Λ|Vᵀ built independently of the sampler: |H| = √(H²) for a symmetric 2×2 is
      // (H² + √det(H²)·I)/√(tr(H²) + 2√det(H²)).
      const [a, b, c] = [h[0]!, h[1]!, h[2]!];
      const s = [a * a + b * b, a * b + b * c, b * b + c * c];
      const rdet = Math.abs(a * c - b * b);
      const t = Math.sqrt(s[0]! + s[2]! + 2 * rdet);
      const target = [(s[0]! + rdet) / t, s[1]! / t, (s[2]! + rdet) / t].map(
        (v) => sigma * sigma * v,
      );
      let cxx = 0;
      let cxy = 0;
      let cyy = 0;
      for (let k = 0; k < n; k++) {
        cxx += d[2 * k]! ** 2;
        cxy += d[2 * k]! * d[2 * k + 1]!;
        cyy += d[2 * k + 1]! ** 2;
      }
      const sample = [cxx / n, cxy / n, cyy / n];
      // Gaussian: Var(δᵢδⱼ) = CᵢᵢCⱼⱼ + Cᵢⱼ², so SE = √((CᵢᵢCⱼⱼ + Cᵢⱼ²)/n).
      const se = [
        Math.sqrt((2 * target[0]! ** 2) / n),
        Math.sqrt((target[0]! * target[2]! + target[1]! ** 2) / n),
        Math.sqrt((2 * target[2]! ** 2) / n),
      ];
      for (let i = 0; i < 3; i++)
        expect(Math.abs(sample[i]! - target[i]!)).toBeLessThan(4 * se[i]!);
    });
  }
});

describe('minibatch noise', () => {
  const linear = datasetSumSurface(makeDataset('linear', 10, 4));
  for (const [name, surface] of [
    ['bumps', bumps],
    ['dataset-linear', linear],
  ] as const) {
    it(`${name}: the mean of the batch gradients over all subsets of size 3 is the full gradient`, () => {
      const n = surface.terms;
      const [x, y] = [0.3, -0.7];
      const full = new Float64Array(2);
      surface.grad(x, y, full);
      const g = new Float64Array(2);
      const idx = new Uint32Array(3);
      let count = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          for (let l = j + 1; l < n; l++) {
            idx.set([i, j, l]);
            surface.batchGrad(idx, 0, 3, x, y, g);
            sx += g[0]!;
            sy += g[1]!;
            count++;
          }
      expect(count).toBe((n * (n - 1) * (n - 2)) / 6);
      expect(sx / count).toBeCloseTo(full[0]!, 12);
      expect(sy / count).toBeCloseTo(full[1]!, 12);
      // A single subset is not the full gradient: the noise is real.
      surface.batchGrad(new Uint32Array([0, 1, 2]), 0, 3, x, y, g);
      expect(Math.abs(g[0]! - full[0]!) + Math.abs(g[1]! - full[1]!)).toBeGreaterThan(1e-3);
    });

    it(`${name}: seeded batches average to the full gradient within 4 SE, and B = N is exact`, () => {
      const noise = make({ type: 'minibatch', batch_size: 3, seed: 8 }, surface);
      const d = deltas(noise, surface, 6000, 0.3, -0.7);
      for (const offset of [0, 1]) {
        const m = moments(d, 2, offset);
        expect(Math.abs(m.mean)).toBeLessThan(4 * Math.sqrt(m.variance / m.n));
        expect(m.variance).toBeGreaterThan(0);
      }
      const whole = deltas(
        make({ type: 'minibatch', batch_size: surface.terms, seed: 8 }, surface),
        surface,
        5,
        0.3,
        -0.7,
      );
      for (const v of whole) expect(Math.abs(v)).toBeLessThan(1e-12);
    });
  }

  it('a batch is B distinct indices, fixed by (seed, step) alone', () => {
    const order = new Uint32Array(BUMP_COUNT);
    miniBatchIndices(3, 17, 5, order);
    const first = Array.from(order.subarray(0, 5));
    expect(new Set(first).size).toBe(5);
    for (const i of first) expect(i).toBeLessThan(BUMP_COUNT);
    miniBatchIndices(3, 2, 5, order);
    miniBatchIndices(3, 17, 5, order);
    expect(Array.from(order.subarray(0, 5))).toEqual(first);
  });
});

describe('the bumps surface', () => {
  it('has exact gradient and Hessian (central differences) and several listed minima', () => {
    const g = new Float64Array(2);
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    const h = new Float64Array(3);
    const e = 1e-5;
    for (const [x, y] of [
      [0.1, 0.2],
      [-2, 1.5],
      [3, -3],
    ] as const) {
      bumps.grad(x, y, g);
      expect(g[0]).toBeCloseTo((bumps.f(x + e, y) - bumps.f(x - e, y)) / (2 * e), 7);
      expect(g[1]).toBeCloseTo((bumps.f(x, y + e) - bumps.f(x, y - e)) / (2 * e), 7);
      bumps.hessian(x, y, h);
      bumps.grad(x + e, y, gp);
      bumps.grad(x - e, y, gm);
      expect(h[0]).toBeCloseTo((gp[0]! - gm[0]!) / (2 * e), 6);
      expect(h[1]).toBeCloseTo((gp[1]! - gm[1]!) / (2 * e), 6);
      bumps.grad(x, y + e, gp);
      bumps.grad(x, y - e, gm);
      expect(h[2]).toBeCloseTo((gp[1]! - gm[1]!) / (2 * e), 6);
    }
    expect(bumps.minima.length).toBeGreaterThanOrEqual(3);
    for (const [x, y] of bumps.minima) {
      expect(Math.hypot(...Array.from((bumps.grad(x, y, g), g)))).toBeLessThan(1e-10);
    }
    const losses = bumps.minima.map(([x, y]) => bumps.f(x, y));
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
  });
});
