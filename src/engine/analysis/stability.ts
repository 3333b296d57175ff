/**
 * Local stability from the exact Hessian: curvature, condition number and the learning rates past
 * which plain GD and torch-style momentum SGD blow up on the quadratic that matches it.
 */
import type { DomainPoint, Surface, Trajectory } from '../types';
import type { SymmetricEigen2 } from './eigen';
import { symmetricEigen2 } from './eigen';

/** The shape of the surface at a point, read from the Hessian's eigenvalues. */
export type Curvature = 'bowl' | 'saddle' | 'cap' | 'flat' | 'undefined';

/** Everything the stability panel shows for one point. */
export interface LocalStability extends SymmetricEigen2 {
  readonly point: DomainPoint;
  /** The exact Hessian [f_xx, f_xy, f_yy]. */
  readonly hessian: readonly [number, number, number];
  /** max|λ| / min|λ| (Infinity when an eigenvalue is 0, NaN when the Hessian is not finite). */
  readonly condition: number;
  /** 2/λ_max: plain GD with a larger lr diverges on this quadratic (Infinity when λ_max ≤ 0). */
  readonly criticalLr: number;
  readonly curvature: Curvature;
}

/** Condition number of a symmetric matrix from its eigenvalues: max|λ| / min|λ|. */
export function conditionNumber(lambdaMin: number, lambdaMax: number): number {
  const big = Math.max(Math.abs(lambdaMin), Math.abs(lambdaMax));
  const small = Math.min(Math.abs(lambdaMin), Math.abs(lambdaMax));
  if (Number.isNaN(big) || Number.isNaN(small)) return NaN;
  return small === 0 ? Infinity : big / small;
}

/**
 * The largest lr for which plain GD, x ← x − lr·λ·x, still contracts along the stiffest direction
 * (|1 − lr·λ_max| < 1 ⇔ lr < 2/λ_max). Directions of non-positive curvature never contract, so
 * with λ_max ≤ 0 no lr is too large in this sense: Infinity.
 */
export function criticalLearningRate(lambdaMax: number): number {
  if (Number.isNaN(lambdaMax)) return NaN;
  return lambdaMax > 0 ? 2 / lambdaMax : Infinity;
}

function curvatureOf(lambdaMin: number, lambdaMax: number): Curvature {
  if (!Number.isFinite(lambdaMin) || !Number.isFinite(lambdaMax)) return 'undefined';
  if (lambdaMin > 0) return 'bowl';
  if (lambdaMax < 0) return 'cap';
  if (lambdaMin < 0 && lambdaMax > 0) return 'saddle';
  return 'flat';
}

/** Hessian, eigen-decomposition, condition number and critical lr of `surface` at (x, y). */
export function localStability(surface: Surface, x: number, y: number): LocalStability {
  const h = new Float64Array(3);
  surface.hessian(x, y, h);
  const eigen = symmetricEigen2(h[0]!, h[1]!, h[2]!);
  return {
    point: [x, y],
    hessian: [h[0]!, h[1]!, h[2]!],
    ...eigen,
    condition: conditionNumber(eigen.lambdaMin, eigen.lambdaMax),
    criticalLr: criticalLearningRate(eigen.lambdaMax),
    curvature: curvatureOf(eigen.lambdaMin, eigen.lambdaMax),
  };
}

/** Eigenvalues, condition number and critical lr at every kept point of a trajectory. */
export interface StabilityAlong {
  readonly lambdaMin: Float64Array;
  readonly lambdaMax: Float64Array;
  readonly condition: Float64Array;
  readonly criticalLr: Float64Array;
}

/** `localStability` at each of the trajectory's `length` points, as flat arrays for the charts. */
export function stabilityAlong(surface: Surface, trajectory: Trajectory): StabilityAlong {
  const n = trajectory.length;
  const out: StabilityAlong = {
    lambdaMin: new Float64Array(n),
    lambdaMax: new Float64Array(n),
    condition: new Float64Array(n),
    criticalLr: new Float64Array(n),
  };
  const h = new Float64Array(3);
  for (let k = 0; k < n; k++) {
    surface.hessian(trajectory.points[2 * k]!, trajectory.points[2 * k + 1]!, h);
    const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
    out.lambdaMin[k] = e.lambdaMin;
    out.lambdaMax[k] = e.lambdaMax;
    out.condition[k] = conditionNumber(e.lambdaMin, e.lambdaMax);
    out.criticalLr[k] = criticalLearningRate(e.lambdaMax);
  }
  return out;
}

/** torch SGD's momentum settings that shape the iteration. */
export interface MomentumSettings {
  readonly lr: number;
  readonly momentum: number;
  /** torch's dampening τ (default 0). */
  readonly dampening?: number;
  /** torch's Nesterov form (default false). */
  readonly nesterov?: boolean;
}

/**
 * torch SGD-with-momentum on the 1-D quadratic ½λx² is linear in its state (x, b). With k = 1 − τ,
 * heavy ball (b ← μb + kλx, x ← x − lr·b) has the iteration matrix [[1 − lr·k·λ, −lr·μ], [kλ, μ]];
 * Nesterov (x ← x − lr(λx + μb)) has [[1 − lr·λ(1 + μk), −lr·μ²], [kλ, μ]]. Returned as the
 * coefficients of its characteristic polynomial z² − trace·z + det, which is all its roots need
 * (this radius, and regime.ts's regions). (torch's first step copies the gradient into b
 * undamped: a transient that does not change the roots.)
 */
export function momentumIteration(
  lambda: number,
  settings: MomentumSettings,
): { readonly trace: number; readonly det: number } {
  const { lr, momentum: mu } = settings;
  // With μ = 0 torch keeps no buffer at all, so dampening does not apply.
  const k = mu === 0 ? 1 : 1 - (settings.dampening ?? 0);
  const nesterov = settings.nesterov ?? false;
  const a11 = nesterov ? 1 - lr * lambda * (1 + mu * k) : 1 - lr * k * lambda;
  const a12 = nesterov ? -lr * mu * mu : -lr * mu;
  const a21 = k * lambda;
  const a22 = mu;
  return { trace: a11 + a22, det: a11 * a22 - a12 * a21 };
}

/**
 * Spectral radius of torch SGD-with-momentum on the 1-D quadratic ½λx² (the largest root modulus
 * of `momentumIteration`'s matrix). The run converges from every start iff the radius is < 1.
 */
export function momentumSpectralRadius(lambda: number, settings: MomentumSettings): number {
  const { trace, det } = momentumIteration(lambda, settings);
  const disc = trace * trace - 4 * det;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    return Math.max(Math.abs(trace + s), Math.abs(trace - s)) / 2;
  }
  // Complex pair: |z|² = det.
  return Math.sqrt(det);
}

/** The largest radius over the given eigenvalues (the slowest or fastest-growing direction). */
export function worstSpectralRadius(
  eigenvalues: readonly number[],
  settings: MomentumSettings,
): number {
  let worst = 0;
  for (const lambda of eigenvalues)
    worst = Math.max(worst, momentumSpectralRadius(lambda, settings));
  return worst;
}

/** Axes of the (lr, momentum) grid. */
export interface MomentumRegionOptions {
  readonly lrMin: number;
  readonly lrMax: number;
  readonly lrPoints: number;
  /** Default 0. */
  readonly momentumMin?: number;
  /** Default 0.99. */
  readonly momentumMax?: number;
  readonly momentumPoints: number;
  /** lr axis on a log scale (default true). */
  readonly logLr?: boolean;
  readonly dampening?: number;
  readonly nesterov?: boolean;
}

/** The convergence region of momentum SGD on a quadratic with the given eigenvalues. */
export interface MomentumRegion {
  /** lr of each column. */
  readonly lrs: Float64Array;
  /** momentum of each row (row 0 = momentumMin). */
  readonly momenta: Float64Array;
  /** Worst spectral radius, row-major: index = row · lrs.length + column. */
  readonly radius: Float64Array;
  /** 1 where the radius is < 1 (converges), 0 elsewhere; same layout. */
  readonly converges: Uint8Array;
  /** The current setting's radius and status, when one was given. */
  readonly current?: {
    readonly lr: number;
    readonly momentum: number;
    readonly radius: number;
    readonly converges: boolean;
  };
}

/**
 * The sampled axes of an (lr, μ) grid: `lrPoints` learning rates from lrMin to lrMax (log-spaced
 * unless logLr is false; one point sits at the middle of the range) and `momentumPoints` momenta
 * from momentumMin (default 0) to momentumMax (default 0.99). Shared by `momentumRegion` and
 * regime.ts's pad, so both sample the plane the same way.
 */
export function regionAxes(options: MomentumRegionOptions): {
  readonly lrs: Float64Array;
  readonly momenta: Float64Array;
} {
  const { lrMin, lrMax, lrPoints, momentumPoints } = options;
  const muMin = options.momentumMin ?? 0;
  const muMax = options.momentumMax ?? 0.99;
  const log = options.logLr ?? true;
  const lrs = new Float64Array(lrPoints);
  const momenta = new Float64Array(momentumPoints);
  for (let i = 0; i < lrPoints; i++) {
    const t = lrPoints === 1 ? 0.5 : i / (lrPoints - 1);
    lrs[i] = log ? lrMin * Math.pow(lrMax / lrMin, t) : lrMin + (lrMax - lrMin) * t;
  }
  for (let j = 0; j < momentumPoints; j++) {
    momenta[j] =
      momentumPoints === 1 ? muMin : muMin + ((muMax - muMin) * j) / (momentumPoints - 1);
  }
  return { lrs, momenta };
}

/**
 * Samples the (lr, μ) plane: for each cell the worst spectral radius over `eigenvalues` (typically
 * the Hessian's λ_min and λ_max), and whether it is below 1. `current` adds that setting's status.
 */
export function momentumRegion(
  eigenvalues: readonly number[],
  options: MomentumRegionOptions,
  current?: { readonly lr: number; readonly momentum: number },
): MomentumRegion {
  const { lrPoints, momentumPoints } = options;
  const { lrs, momenta } = regionAxes(options);
  const radius = new Float64Array(lrPoints * momentumPoints);
  const converges = new Uint8Array(lrPoints * momentumPoints);
  const extra = {
    ...(options.dampening !== undefined ? { dampening: options.dampening } : {}),
    ...(options.nesterov !== undefined ? { nesterov: options.nesterov } : {}),
  };
  for (let j = 0; j < momentumPoints; j++) {
    for (let i = 0; i < lrPoints; i++) {
      const r = worstSpectralRadius(eigenvalues, { lr: lrs[i]!, momentum: momenta[j]!, ...extra });
      radius[j * lrPoints + i] = r;
      converges[j * lrPoints + i] = r < 1 ? 1 : 0;
    }
  }
  if (!current) return { lrs, momenta, radius, converges };
  const r = worstSpectralRadius(eigenvalues, { ...current, ...extra });
  return { lrs, momenta, radius, converges, current: { ...current, radius: r, converges: r < 1 } };
}
