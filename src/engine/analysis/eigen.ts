/**
 * Closed-form eigen-decomposition of a symmetric 2×2 matrix [[a, b], [b, c]].
 *
 * Why this form: the eigenvector angle θ = ½·atan2(2b, a − c) is well defined for every input,
 * including b = 0 (θ = 0 or π/2: the axes) and a = c, b = 0 (θ = 0: any basis is right), so no
 * branch divides by a vanishing off-diagonal. The eigenvalues are m ± r with m = (a + c)/2 and
 * r = hypot((a − c)/2, b); the one of smaller magnitude is taken from the determinant instead of
 * m ∓ r, which would cancel catastrophically when |m| ≫ r.
 */
import type { DomainPoint } from '../types';

/** Eigenvalues in ascending order with unit eigenvectors. */
export interface SymmetricEigen2 {
  /** Smaller eigenvalue. */
  readonly lambdaMin: number;
  /** Larger eigenvalue. */
  readonly lambdaMax: number;
  /** Unit eigenvector of lambdaMin. */
  readonly vMin: DomainPoint;
  /** Unit eigenvector of lambdaMax (orthogonal to vMin). */
  readonly vMax: DomainPoint;
}

/** Eigen-decomposition of [[a, b], [b, c]] (module comment for why it is robust). */
export function symmetricEigen2(a: number, b: number, c: number): SymmetricEigen2 {
  const m = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  let lambdaMax: number;
  let lambdaMin: number;
  if (m >= 0) {
    lambdaMax = m + r;
    lambdaMin = lambdaMax !== 0 ? (a * c - b * b) / lambdaMax : 0;
  } else {
    lambdaMin = m - r;
    lambdaMax = (a * c - b * b) / lambdaMin;
  }
  // The determinant route can land a hair outside [m − r, m + r] by rounding; keep the order.
  if (lambdaMin > lambdaMax) lambdaMin = lambdaMax;
  const theta = 0.5 * Math.atan2(2 * b, a - c);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return { lambdaMin, lambdaMax, vMax: [cos, sin], vMin: [-sin, cos] };
}
