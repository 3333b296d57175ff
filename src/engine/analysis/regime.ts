/**
 * The momentum regime pad's maths (Goh 2017, "Why Momentum Really Works", Distill, §"The Dynamics
 * of Momentum"): on a quadratic ½·Σ λᵢ xᵢ², torch SGD is linear per eigen-direction, so its
 * behaviour at (lr, μ) is read from the roots of one 2×2 iteration matrix per eigenvalue.
 *
 * The iteration matrix is stability.ts's `momentumIteration` (one derivation for both modules):
 * heavy ball with dampening τ (k = 1 − τ) has the characteristic polynomial
 * z² − (1 + μ − lr·k·λ)z + μ (Goh's form is τ = 0: z ← βz + ∇f, w ← w − αz); Nesterov
 * z² − (1 + μ − lr·λ(1 + μ))z + μ(1 − lr·λ).
 *
 * Regions (of the root of largest modulus, the one that rules the long run):
 * - monotone:    real positive roots, the error shrinks without changing sign;
 * - oscillation: a real negative root, the error flips sign every step (lr·λ too large for μ);
 * - ripples:     complex roots, the error spirals with period 2π/arg z (the typical momentum look);
 * - divergence:  modulus ≥ 1.
 * Critical damping is the boundary between monotone and ripples (a double root): for heavy ball
 * μ = (1 − √(lr·k·λ))², where the convergence rate is the best for that lr (Goh's optimum).
 */
import { momentumIteration, regionAxes } from './stability';
import type { MomentumRegionOptions, MomentumSettings } from './stability';

export type { MomentumSettings };

/** The named regions of the pad. */
export const REGIMES = ['monotone', 'oscillation', 'ripples', 'divergence'] as const;
export type Regime = (typeof REGIMES)[number];

/** The two roots of one direction's iteration matrix and what they mean. */
export interface DirectionDynamics {
  /** Largest root modulus: the error shrinks (or grows) by this factor per step, asymptotically. */
  readonly radius: number;
  /** Real part and |imaginary part| of the root of largest modulus (imag 0 for real roots). */
  readonly re: number;
  readonly im: number;
  /** Discriminant of the characteristic polynomial: < 0 complex roots, 0 critical damping. */
  readonly discriminant: number;
  readonly regime: Regime;
}

/**
 * Roots, radius and regime of torch SGD (momentum, dampening, nesterov from `settings`) along one
 * eigen-direction of curvature `lambda` (module comment). NaN inputs give radius NaN, 'divergence'.
 */
export function directionDynamics(lambda: number, settings: MomentumSettings): DirectionDynamics {
  const { trace, det } = momentumIteration(lambda, settings);
  const discriminant = trace * trace - 4 * det;
  let re: number;
  let im: number;
  let radius: number;
  if (discriminant >= 0) {
    const s = Math.sqrt(discriminant);
    const a = (trace + s) / 2;
    const b = (trace - s) / 2;
    re = Math.abs(a) >= Math.abs(b) ? a : b;
    im = 0;
    radius = Math.abs(re);
  } else {
    re = trace / 2;
    im = Math.sqrt(-discriminant) / 2;
    radius = Math.sqrt(det);
  }
  let regime: Regime;
  if (!(radius < 1)) regime = 'divergence';
  else if (im > 0) regime = 'ripples';
  else regime = re >= 0 ? 'monotone' : 'oscillation';
  return { radius, re, im, discriminant, regime };
}

/**
 * The stable band of torch SGD on a direction of curvature λ > 0: it converges iff
 * 0 < lr·λ < bound, with bound = 2 (plain), 2(1 + μ)/(1 − τ) (heavy ball, dampening τ),
 * 2(1 + μ)/(1 + 2μ) (Nesterov; torch forbids Nesterov with dampening). Derived by the Jury
 * criterion on the characteristic polynomial z² − a z + c: |c| < 1 and |a| < 1 + c; for heavy
 * ball c = μ < 1 so the only edge is a = −(1 + μ); for Nesterov 1 + a + c > 0 gives the bound
 * and |c| = μ|1 − lr·λ| < 1 holds inside it. Units: the bound is on the dimensionless lr·λ.
 */
export function stableProductBound(settings: Omit<MomentumSettings, 'lr'>): number {
  const mu = settings.momentum;
  if (mu === 0) return 2;
  if (settings.nesterov) return (2 * (1 + mu)) / (1 + 2 * mu);
  return (2 * (1 + mu)) / (1 - (settings.dampening ?? 0));
}

/**
 * Critical damping for heavy ball without dampening (Goh 2017): the momentum μ = (1 − √(lr·λ))²
 * at which the two roots coincide, for 0 < lr·λ ≤ 1 (undefined beyond: NaN). Below it the
 * direction is monotone, above it ripples.
 */
export function criticalMomentum(lr: number, lambda: number): number {
  const h = lr * lambda;
  if (!(h > 0 && h <= 1)) return NaN;
  const r = 1 - Math.sqrt(h);
  return r * r;
}

/** The pad's axes: the same as the stability panel's (lr, μ) region. */
export type RegimeGridOptions = MomentumRegionOptions;

/** The pad: per cell the worst radius and the regime of the direction that has it. */
export interface RegimeGrid {
  /** lr of each column (increasing). */
  readonly lrs: Float64Array;
  /** momentum of each row (row 0 = momentumMin). */
  readonly momenta: Float64Array;
  /** Worst radius over the eigenvalues, row-major (row · lrs.length + column). */
  readonly radius: Float64Array;
  /** Index into REGIMES of the worst direction's regime, same layout. */
  readonly regime: Uint8Array;
  /** −1/ln(radius): steps to shrink the error e-fold (Infinity where it does not converge). */
  readonly stepsPerEFold: Float64Array;
}

/**
 * Samples the (lr, μ) plane for a quadratic with the given eigenvalues (typically the local
 * Hessian's λ_min and λ_max; a non-positive λ never converges, so such a direction is divergence
 * everywhere unless its radius is exactly 1). Throws RangeError on an empty or degenerate axis.
 */
export function regimeGrid(eigenvalues: readonly number[], options: RegimeGridOptions): RegimeGrid {
  const { lrMin, lrMax, lrPoints, momentumPoints } = options;
  if (eigenvalues.length === 0) throw new RangeError('need at least one eigenvalue');
  if (!(lrMin > 0 && lrMax >= lrMin) || !(lrPoints >= 1) || !(momentumPoints >= 1)) {
    throw new RangeError(
      `bad grid: lr [${lrMin}, ${lrMax}] × ${lrPoints}, ${momentumPoints} momenta`,
    );
  }
  const { lrs, momenta } = regionAxes(options);
  const cells = lrPoints * momentumPoints;
  const radius = new Float64Array(cells);
  const regime = new Uint8Array(cells);
  const stepsPerEFold = new Float64Array(cells);
  for (let j = 0; j < momentumPoints; j++) {
    for (let i = 0; i < lrPoints; i++) {
      const settings: MomentumSettings = {
        lr: lrs[i]!,
        momentum: momenta[j]!,
        ...(options.dampening !== undefined ? { dampening: options.dampening } : {}),
        ...(options.nesterov !== undefined ? { nesterov: options.nesterov } : {}),
      };
      let worst: DirectionDynamics | undefined;
      for (const lambda of eigenvalues) {
        const d = directionDynamics(lambda, settings);
        if (!worst || !(d.radius <= worst.radius)) worst = d;
      }
      const c = j * lrPoints + i;
      radius[c] = worst!.radius;
      regime[c] = REGIMES.indexOf(worst!.regime);
      stepsPerEFold[c] = worst!.radius < 1 ? -1 / Math.log(worst!.radius) : Infinity;
    }
  }
  return { lrs, momenta, radius, regime, stepsPerEFold };
}
