/**
 * The slow alternative to backprop that the notes mention: central differences on every
 * parameter, ∂L/∂θ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h, for the lab's "check" column.
 * Two forward passes per parameter, so only meant for the small nets of the calculator.
 */
import type { BatchNormStats } from './batchnorm';
import type { LossKind } from './losses';
import type { Network } from './network';
import { lossOnly } from './propagate';
import type { Mode, Workspace } from './propagate';

/** Options of {@link finiteDifferenceGradient}. */
export interface FiniteDifferenceOptions {
  /** Step h (default 1e-6, scaled by max(1, |θ_i|)). */
  readonly step?: number;
  /** Only these parameter indices (default: all); others stay NaN in the result. */
  readonly indices?: readonly number[];
  /** Batch-norm mode of the passes (default 'train'). */
  readonly mode?: Mode;
  /** Running statistics for 'eval' mode; never updated by the checker. */
  readonly stats?: BatchNormStats;
}

/**
 * Numerical gradient of the batch loss by central differences. `params` is perturbed in place
 * and restored exactly. Batch-norm running statistics are not touched.
 */
export function finiteDifferenceGradient(
  net: Network,
  params: Float64Array,
  input: Float64Array,
  target: Float64Array,
  loss: LossKind,
  ws: Workspace,
  options: FiniteDifferenceOptions = {},
): Float64Array {
  const h0 = options.step ?? 1e-6;
  const mode = options.mode ?? 'train';
  const out = new Float64Array(net.paramCount).fill(Number.NaN);
  // Training-mode passes get no stats object, so the running statistics cannot move.
  const stats = mode === 'eval' ? options.stats : undefined;
  const evalAt = (): number => lossOnly(net, params, input, target, loss, ws, mode, stats);
  const visit = (i: number): void => {
    const saved = params[i]!;
    const h = h0 * Math.max(1, Math.abs(saved));
    params[i] = saved + h;
    const plus = evalAt();
    params[i] = saved - h;
    const minus = evalAt();
    params[i] = saved;
    out[i] = (plus - minus) / (2 * h);
  };
  if (options.indices) for (const i of options.indices) visit(i);
  else for (let i = 0; i < net.paramCount; i++) visit(i);
  return out;
}

/**
 * How far a backprop gradient is from a numerical one, per entry:
 * |a − n| / max(|a| + |n|, floor) — 0 when equal, about 1e-7 or less for a correct backprop
 * with h = 1e-6. NaN entries of `numeric` (unchecked parameters) give NaN.
 */
export function relativeErrors(
  analytic: Float64Array,
  numeric: Float64Array,
  floor = 1e-8,
): Float64Array {
  const out = new Float64Array(analytic.length);
  for (let i = 0; i < analytic.length; i++) {
    const a = analytic[i]!;
    const n = numeric[i]!;
    out[i] = Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), floor);
  }
  return out;
}
