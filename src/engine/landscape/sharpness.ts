/**
 * Sharpness: the largest eigenvalue λ_max of the Hessian ∇²L(θ) of the training loss, by power
 * iteration on Hessian-vector products (the quantity Cohen et al. 2021, "Gradient Descent on Neural
 * Networks Typically Occurs at the Edge of Stability", plot against 2/η).
 *
 * Hessian-vector product: a central difference of exact (backprop) gradients,
 *   H v ≈ (∇L(θ + ε v) − ∇L(θ − ε v)) / (2ε),  ‖v‖ = 1.
 * Its truncation error is ε²/6 · ∇³L[v, v, ·] and its rounding error about u‖∇L‖/ε (u = 2⁻⁵²), which
 * balance at ε ∝ ∛u; we take ε = ∛u · max(1, ‖θ‖/√P) ≈ 6.1e−6 for weights of order one (the RMS
 * weight stands in for the scale on which the curvature changes), leaving an error near u^⅔ ≈ 4e−11
 * relative to the curvature scale. Piecewise-linear activations (ReLU) have kinks a product may
 * straddle; at this ε that needs a pre-activation within ~1e−5 of zero.
 *
 * Power iteration finds the eigenvalue of largest magnitude; when that one is negative (a saddle
 * more curved downward than upward), a second run on H − λ₁I, whose spectrum is shifted to be
 * non-negative, finds λ_max − λ₁.
 */
import { createRng } from '../nn/rng';
import { createLossFunction } from './problem';
import type { LossFunction, LossProblem } from './problem';

/** ∛(2⁻⁵²): the central difference's step for parameters of order one (module comment). */
export const HVP_STEP_SCALE = Math.cbrt(Number.EPSILON);

/** A linear operator on vectors of one length: writes A v into `out`. */
export type LinearOperator = (v: Float64Array, out: Float64Array) => void;

/** Options of {@link largestEigenvalue}. */
export interface PowerIterationOptions {
  /** Most products per run (default 500). */
  readonly maxIterations?: number;
  /** Converged when ‖Av − λv‖ ≤ tolerance · |λ| (default 1e−7). */
  readonly tolerance?: number;
  /** Seed of the N(0, 1) start vector (default 1). */
  readonly seed?: number;
  /** Start vector instead of a random one (e.g. the last estimate, as training goes). */
  readonly init?: Float64Array;
}

/** The estimate of the largest eigenvalue. */
export interface EigenEstimate {
  /** λ_max, the Rayleigh quotient vᵀAv of the final vector. */
  readonly eigenvalue: number;
  /** Its unit eigenvector estimate. */
  readonly eigenvector: Float64Array;
  /** Operator applications used (both runs together). */
  readonly iterations: number;
  /** True when the residual test passed. */
  readonly converged: boolean;
  /** ‖Av − λv‖ / |λ| at the end. */
  readonly residual: number;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function powerRun(
  apply: LinearOperator,
  v: Float64Array,
  maxIterations: number,
  tolerance: number,
): { lambda: number; iterations: number; converged: boolean; residual: number } {
  const n = v.length;
  const w = new Float64Array(n);
  let lambda = 0;
  let residual = Infinity;
  for (let it = 1; it <= maxIterations; it++) {
    apply(v, w);
    lambda = 0;
    for (let i = 0; i < n; i++) lambda += v[i]! * w[i]!;
    let r = 0;
    for (let i = 0; i < n; i++) r += (w[i]! - lambda * v[i]!) ** 2;
    residual = lambda !== 0 ? Math.sqrt(r) / Math.abs(lambda) : Math.sqrt(r) === 0 ? 0 : Infinity;
    if (residual <= tolerance) return { lambda, iterations: it, converged: true, residual };
    const wn = norm(w);
    if (wn === 0) return { lambda: 0, iterations: it, converged: true, residual: 0 };
    for (let i = 0; i < n; i++) v[i] = w[i]! / wn;
  }
  return { lambda, iterations: maxIterations, converged: false, residual };
}

/**
 * The largest (algebraic) eigenvalue of a symmetric operator of size n by power iteration, with a
 * shifted second run when the dominant eigenvalue is negative (module comment).
 */
export function largestEigenvalue(
  apply: LinearOperator,
  n: number,
  options: PowerIterationOptions = {},
): EigenEstimate {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-7;
  const rng = createRng(options.seed ?? 1);
  const start = (): Float64Array => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = rng.normal();
    const s = norm(v);
    for (let i = 0; i < n; i++) v[i]! /= s;
    return v;
  };
  let v = options.init ? Float64Array.from(options.init) : start();
  if (norm(v) === 0) v = start();
  else {
    const s = norm(v);
    for (let i = 0; i < n; i++) v[i]! /= s;
  }
  const first = powerRun(apply, v, maxIterations, tolerance);
  if (first.lambda >= 0) {
    return {
      eigenvalue: first.lambda,
      eigenvector: v,
      iterations: first.iterations,
      converged: first.converged,
      residual: first.residual,
    };
  }
  // Dominant eigenvalue λ₁ < 0: H − λ₁I has eigenvalues λ − λ₁ ≥ 0, the largest λ_max − λ₁.
  const shift = first.lambda;
  const shifted: LinearOperator = (x, out) => {
    apply(x, out);
    for (let i = 0; i < n; i++) out[i]! -= shift * x[i]!;
  };
  const u = start();
  const second = powerRun(shifted, u, maxIterations, tolerance);
  const eigenvalue = second.lambda + shift;
  return {
    eigenvalue,
    eigenvector: u,
    iterations: first.iterations + second.iterations,
    converged: first.converged && second.converged,
    residual:
      eigenvalue !== 0
        ? (second.residual * Math.abs(second.lambda)) / Math.abs(eigenvalue)
        : second.residual,
  };
}

/**
 * H v of the training loss at θ by a central difference of exact gradients, with step
 * ε = step ?? ∛u · max(1, ‖θ‖/√P) along the unit vector v/‖v‖, scaled back by ‖v‖. Buffers are
 * allocated once; the operator is not re-entrant.
 */
export function createHessianVectorProduct(
  f: LossFunction,
  theta: Float64Array,
  step?: number,
): { readonly apply: LinearOperator; readonly step: number } {
  const P = theta.length;
  const eps = step ?? HVP_STEP_SCALE * Math.max(1, norm(theta) / Math.sqrt(P));
  const shifted = new Float64Array(P);
  const gPlus = new Float64Array(P);
  const gMinus = new Float64Array(P);
  const apply: LinearOperator = (v, out) => {
    const vn = norm(v);
    if (vn === 0) {
      out.fill(0);
      return;
    }
    const h = eps / vn;
    for (let i = 0; i < P; i++) shifted[i] = theta[i]! + h * v[i]!;
    f.valueAndGradient(shifted, gPlus);
    for (let i = 0; i < P; i++) shifted[i] = theta[i]! - h * v[i]!;
    f.valueAndGradient(shifted, gMinus);
    for (let i = 0; i < P; i++) out[i] = (gPlus[i]! - gMinus[i]!) / (2 * h);
  };
  return { apply, step: eps };
}

/**
 * Sharpness of the training loss at θ: λ_max of ∇²L(θ) (power iteration on central-difference
 * Hessian-vector products). `step` overrides the difference step ε.
 */
export function sharpness(
  problem: LossProblem | LossFunction,
  theta: Float64Array,
  options: PowerIterationOptions & { readonly step?: number } = {},
): EigenEstimate & { readonly step: number } {
  const f = 'value' in problem ? problem : createLossFunction(problem);
  const hvp = createHessianVectorProduct(f, theta, options.step);
  return { ...largestEigenvalue(hvp.apply, theta.length, options), step: hvp.step };
}
