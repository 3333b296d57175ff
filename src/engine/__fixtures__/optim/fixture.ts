/** Types and comparison helpers for the torch.optim fixtures written by scripts/fixtures_optim.py. */
import type { Scene } from '../../types';
import fixture from './cases.json';

/** One optimizer's path as torch computed it. */
export interface TorchTrajectory {
  /** [[x, y], ...]; points[0] is the start. */
  readonly points: readonly (readonly [number, number])[];
  /** losses[k] = f(points[k]). */
  readonly losses: readonly number[];
  /** The raw gradient at points[k], before clipping. */
  readonly grads: readonly (readonly [number, number])[];
  readonly diverged: boolean;
  /** ASGD only: torch's averaged iterate ax after each step (ax[0] is the start). */
  readonly ax?: readonly (readonly [number, number])[];
  /** L-BFGS only: evals[k] = the points the closure was evaluated at inside step k. */
  readonly evals?: readonly (readonly (readonly [number, number])[])[];
}

/** A scene and torch's trajectory for each of its optimizers, in order. */
export interface TorchCase {
  readonly name: string;
  readonly scene: Scene;
  readonly trajectories: readonly TorchTrajectory[];
}

/** The torch version that wrote the fixtures (torch.__version__). */
export const TORCH_VERSION: string = fixture.torch;

/** Every fixture case. */
export const TORCH_CASES = fixture.cases as unknown as readonly TorchCase[];

/**
 * torch's `c.add_(b, alpha=a)` on random float64 operands, [a, b, c, result] each: the fused
 * multiply-add the engine's fma must reproduce bit for bit.
 */
export const TORCH_ADD_ALPHA = fixture.add_alpha as unknown as readonly (readonly [
  number,
  number,
  number,
  number,
])[];

/**
 * torch's `s.lerp_(e, w)` ([s, e, w, result]) and `s.addcmul_(t1, t2, value=v)`
 * ([s, t1, t2, v, result]) on random float64 operands: the engine's lerp and addcmul
 * (optimizers/common.ts) must give the same bits.
 */
export const TORCH_KERNELS = fixture.kernels as unknown as {
  readonly lerp: readonly (readonly [number, number, number, number])[];
  readonly addcmul: readonly (readonly [number, number, number, number, number])[];
};

/** Relative tolerance of the parity tests. */
export const RELATIVE_TOLERANCE = 1e-9;
/** Absolute floor, so values that torch and we both drive to ~0 are not compared relatively. */
export const ABSOLUTE_FLOOR = 1e-12;

/** Whether `actual` agrees with torch's `expected` to the parity tolerance. */
export function closeToTorch(
  actual: number,
  expected: number,
  relative = RELATIVE_TOLERANCE,
): boolean {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  return Math.abs(actual - expected) <= relative * scale + ABSOLUTE_FLOOR;
}

/**
 * L-BFGS's tolerance. Its curvature pair y = g_{k+1} − g_k cancels digits whenever the gradient
 * barely changes, and H = sᵀy / yᵀy feeds that back into every later step, so last-bit
 * differences in the gradient grow: torch itself, run twice on Rosenbrock (lr 0.5, strong Wolfe,
 * history 2) with the gradient scaled by 1 + 1e-15 the second time, ends 2.4e-6 apart after six
 * steps (the fixture stops that run at five). Ours differs from torch by as much there (autograd's gradient and ours round
 * differently), while the evaluation counts agree exactly. Every other family keeps 1e-9.
 */
export const LBFGS_RELATIVE_TOLERANCE = 1e-5;
