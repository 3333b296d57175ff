/**
 * The loss on a plane through weight space, L(θ + α·d₁ + β·d₂) (Li et al. 2018's 2-D slice), on
 * preallocated buffers: one parameter vector and one workspace serve every point, so a 41 × 41
 * grid allocates nothing per point.
 */
import { createLossFunction } from './problem';
import type { LossFunction, LossProblem } from './problem';

/** Evaluates points of one plane; not re-entrant (it owns one parameter buffer). */
export interface PlaneEvaluator {
  /** The plane's origin θ. */
  readonly origin: Float64Array;
  /** First direction d₁ (the α axis). */
  readonly d1: Float64Array;
  /** Second direction d₂ (the β axis). */
  readonly d2: Float64Array;
  /** L(θ + α·d₁ + β·d₂). */
  lossAt(alpha: number, beta: number): number;
}

/**
 * A plane through `origin` spanned by `d1`, `d2` (all length net.paramCount, not copied: callers
 * must not change them while evaluating). The parameters are formed as (θ + α·d₁) + β·d₂, in that
 * order, as torch evaluates `w + a * d1 + b * d2`.
 */
export function createPlaneEvaluator(
  problem: LossProblem | LossFunction,
  origin: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
): PlaneEvaluator {
  const f = 'value' in problem ? problem : createLossFunction(problem);
  const n = f.problem.net.paramCount;
  if (origin.length !== n || d1.length !== n || d2.length !== n) {
    throw new RangeError(
      `origin and directions need ${n} parameters, got ${origin.length}, ${d1.length}, ${d2.length}`,
    );
  }
  const params = new Float64Array(n);
  return {
    origin,
    d1,
    d2,
    lossAt(alpha, beta) {
      for (let k = 0; k < n; k++) params[k] = origin[k]! + alpha * d1[k]! + beta * d2[k]!;
      return f.value(params);
    },
  };
}

/**
 * The whole grid at once: loss[i·betas.length + j] = L(θ + alphas[i]·d₁ + betas[j]·d₂), written
 * into `out` (allocated when absent) and returned.
 */
export function evaluateGrid(
  plane: PlaneEvaluator,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  out: Float64Array = new Float64Array(alphas.length * betas.length),
): Float64Array {
  const nb = betas.length;
  for (let i = 0; i < alphas.length; i++) {
    const a = alphas[i]!;
    for (let j = 0; j < nb; j++) out[i * nb + j] = plane.lossAt(a, betas[j]!);
  }
  return out;
}
