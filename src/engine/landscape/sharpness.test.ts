import { describe, expect, it } from 'vitest';
import fixture from '../__fixtures__/landscape/hessian.json';
import { buildNetwork } from '../nn/network';
import { fixtureLoss } from './fixtures.test-util';
import type { FixtureNetwork } from './fixtures.test-util';
import { symmetricEigen } from './pca';
import { createLossFunction } from './problem';
import {
  HVP_STEP_SCALE,
  createHessianVectorProduct,
  largestEigenvalue,
  sharpness,
} from './sharpness';

interface HessianCase {
  name: string;
  network: FixtureNetwork;
  param_count: number;
  eigenvalues: number[];
}
const FIXTURE = fixture as unknown as { torch: string; cases: HessianCase[] };

/** A dense symmetric matrix as an operator. */
function matrixOperator(A: Float64Array, n: number) {
  return (v: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i * n + j]! * v[j]!;
      out[i] = s;
    }
  };
}

/** Q diag(λ) Qᵀ with Q a Householder reflection, so the eigenvectors are not the axes. */
function withSpectrum(lambdas: number[]): Float64Array {
  const n = lambdas.length;
  const h = Float64Array.from({ length: n }, (_, i) => Math.cos(i + 1));
  const hh = h.reduce((s, x) => s + x * x, 0);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const qik = (i === k ? 1 : 0) - (2 * h[i]! * h[k]!) / hh;
        const qjk = (j === k ? 1 : 0) - (2 * h[j]! * h[k]!) / hh;
        A[i * n + j]! += qik * lambdas[k]! * qjk;
      }
  return A;
}

describe('sharpness matches the top eigenvalue of torch.autograd.functional.hessian', () => {
  it('fixtures come from torch 2.x', () => expect(FIXTURE.torch).toMatch(/^2\./));
  for (const c of FIXTURE.cases) {
    it(c.name, () => {
      const { f, theta } = fixtureLoss(c.network);
      expect(theta).toHaveLength(c.param_count);
      const want = c.eigenvalues[c.eigenvalues.length - 1]!;
      const got = sharpness(f, theta);
      expect(got.converged).toBe(true);
      // Tolerance 1e-8 relative. The central difference errs by about u^⅔ ≈ 4e-11 of the curvature
      // scale (sharpness.ts) — observed 1e-12 … 2e-10 on these nets, the most on the residual net
      // with the largest weights — and the Rayleigh quotient of a vector with residual r ≤ 1e-7
      // errs by about r²·λ/gap ≈ 1e-14; 1e-8 leaves a 50× margin over the worst observed.
      expect(Math.abs(got.eigenvalue - want)).toBeLessThan(1e-8 * Math.abs(want));
    });
  }
});

describe('power iteration', () => {
  it('finds the largest eigenvalue even when a negative one dominates in magnitude', () => {
    const spectrum = [-9, 4, 1, -1, 0.5, 2];
    const A = withSpectrum(spectrum);
    const r = largestEigenvalue(matrixOperator(A, 6), 6, { tolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.eigenvalue).toBeCloseTo(4, 10);
    // And its eigenvector: A v = 4 v.
    const Av = new Float64Array(6);
    matrixOperator(A, 6)(r.eigenvector, Av);
    r.eigenvector.forEach((x, i) => expect(Av[i]!).toBeCloseTo(4 * x, 8));
  });

  it('says when it did not converge within its budget', () => {
    const A = withSpectrum([1, 0.999, 0.2, 0.1]);
    const r = largestEigenvalue(matrixOperator(A, 4), 4, { maxIterations: 5, tolerance: 1e-12 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(5);
  });

  it('a warm start at the eigenvector converges at once', () => {
    const A = withSpectrum([5, 1, -2]);
    const cold = largestEigenvalue(matrixOperator(A, 3), 3);
    const warm = largestEigenvalue(matrixOperator(A, 3), 3, { init: cold.eigenvector });
    expect(warm.iterations).toBeLessThanOrEqual(2);
    expect(warm.eigenvalue).toBeCloseTo(5, 9);
  });
});

describe('Hessian-vector products', () => {
  it('on a linear layer with mse (a quadratic loss) equal the closed-form Hessian', () => {
    // L = ½ mean_s (W x_s + b − t_s)²: ∇²L = (1/m) Σ_s [x_s; 1][x_s; 1]ᵀ, exactly.
    const m = 9;
    const d = 3;
    const net = buildNetwork({ inputSize: d, layers: [{ units: 1, activation: 'linear' }] });
    const input = Float64Array.from({ length: m * d }, (_, i) => Math.sin(2.3 * i + 1));
    const target = Float64Array.from({ length: m }, (_, i) => Math.cos(i));
    const f = createLossFunction({ net, input, target, loss: 'mse', batch: m });
    const theta = Float64Array.from([0.3, -1.2, 2.0, 0.7]);
    const H = new Float64Array(16);
    for (let s = 0; s < m; s++) {
      const x = [input[s * d]!, input[s * d + 1]!, input[s * d + 2]!, 1];
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) H[i * 4 + j]! += (x[i]! * x[j]!) / m;
    }
    const hvp = createHessianVectorProduct(f, theta);
    expect(hvp.step).toBeCloseTo(HVP_STEP_SCALE * Math.max(1, Math.hypot(...theta) / 2), 18);
    const v = Float64Array.from([1, -2, 0.5, 3]);
    const out = new Float64Array(4);
    hvp.apply(v, out);
    const want = new Float64Array(4);
    matrixOperator(H, 4)(v, want);
    out.forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 8));
    const top = symmetricEigen(H, 4).values[0]!;
    expect(sharpness(f, theta).eigenvalue).toBeCloseTo(top, 8);
  });
});
