/** Types and comparison helpers for the torch.optim fixtures written by scripts/fixtures_optim.py. */
import type { Scene } from '../../types';
import cases from './cases.json';

/** One optimizer's path as torch computed it. */
export interface TorchTrajectory {
  /** [[x, y], ...]; points[0] is the start. */
  readonly points: readonly (readonly [number, number])[];
  /** losses[k] = f(points[k]). */
  readonly losses: readonly number[];
  /** The raw gradient at points[k], before clipping. */
  readonly grads: readonly (readonly [number, number])[];
  readonly diverged: boolean;
}

/** A scene and torch's trajectory for each of its optimizers, in order. */
export interface TorchCase {
  readonly name: string;
  readonly scene: Scene;
  readonly trajectories: readonly TorchTrajectory[];
}

/** Every fixture case. */
export const TORCH_CASES = cases as unknown as readonly TorchCase[];

/** Relative tolerance of the parity tests. */
export const RELATIVE_TOLERANCE = 1e-9;
/** Absolute floor, so values that torch and we both drive to ~0 are not compared relatively. */
export const ABSOLUTE_FLOOR = 1e-12;

/** Whether `actual` agrees with torch's `expected` to the parity tolerance. */
export function closeToTorch(actual: number, expected: number): boolean {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * scale + ABSOLUTE_FLOOR;
}
