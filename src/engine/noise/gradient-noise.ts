/**
 * GradientNoise: turns the exact gradient of step k into the noisy one the optimizer receives, and
 * records each perturbation δ_k = g̃_k − ∇f(θ_k) so an exported PyTorch script can replay the run
 * bit for bit-ish (it adds δ_k to p.grad after loss.backward(), before clipping and opt.step()).
 *
 * Step k's draw depends only on (seed, k) (random.ts), plus the point for hessian noise and the
 * exact gradient for minibatch noise: never on how many steps ran before, so replaying one step
 * (inspectStep) or the whole run gives the same numbers.
 */
import { symmetricEigen2 } from '../analysis/eigen';
import { fieldError } from '../messages';
import { isSumSurface } from '../surfaces/bumps';
import type { SumSurface } from '../surfaces/bumps';
import type { DomainPoint, FieldError, Surface } from '../types';
import { stepRng, studentTSample } from './random';
import type { NoiseSpec } from './spec';

/** A seeded noise source bound to one surface. */
export interface GradientNoise {
  readonly spec: NoiseSpec;
  /**
   * Replaces `grad` (length 2, the exact ∇f at (x, y)) in place by step k's noisy gradient and
   * records δ_k. k is the 0-based step index (the update from point k to point k + 1).
   */
  perturb(k: number, x: number, y: number, grad: Float64Array): void;
  /** δ_k = noisy − exact gradient of step k, when step k was perturbed. */
  perturbation(k: number): DomainPoint | undefined;
  /** δ_0 … δ_{n−1} as [δx0, δy0, δx1, …] for the n = highest perturbed step + 1 (missing steps 0). */
  recorded(): Float64Array;
}

/** The standard deviation factor σ/√B of the additive kinds. */
function additiveScale(spec: Exclude<NoiseSpec, { type: 'minibatch' }>): number {
  return spec.scale / Math.sqrt(spec.batch_size ?? 1);
}

/**
 * Step k's perturbation δ for the additive kinds (gaussian, heavy_tail, hessian) at (x, y), written
 * into out[0..1]. Pure: same arguments, same δ. hessian noise reads surface.hessian (|H| by its
 * eigen-decomposition, so a saddle or a cap still gives a valid covariance σ²|H|/B).
 */
export function additiveNoise(
  spec: Exclude<NoiseSpec, { type: 'minibatch' }>,
  surface: Surface,
  k: number,
  x: number,
  y: number,
  out: Float64Array,
): void {
  const rng = stepRng(spec.seed, k);
  const s = additiveScale(spec);
  if (spec.type === 'gaussian') {
    out[0] = s * rng.normal();
    out[1] = s * rng.normal();
  } else if (spec.type === 'heavy_tail') {
    out[0] = s * studentTSample(rng, spec.df);
    out[1] = s * studentTSample(rng, spec.df);
  } else {
    const h = new Float64Array(3);
    surface.hessian(x, y, h);
    const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
    const a = s * Math.sqrt(Math.abs(e.lambdaMax)) * rng.normal();
    const b = s * Math.sqrt(Math.abs(e.lambdaMin)) * rng.normal();
    out[0] = a * e.vMax[0] + b * e.vMin[0];
    out[1] = a * e.vMax[1] + b * e.vMin[1];
  }
}

/**
 * Step k's mini-batch: B distinct term indices drawn without replacement (a partial Fisher–Yates
 * from the identity order, so the draw does not depend on earlier steps), written into
 * order[0 … B−1]. `order` must have length N; it is overwritten.
 */
export function miniBatchIndices(
  seed: number,
  k: number,
  batchSize: number,
  order: Uint32Array,
): void {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  const rng = stepRng(seed, k);
  for (let i = 0; i < batchSize; i++) {
    const j = i + rng.int(n - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * A GradientNoise for `spec` on `surface`, or a field error: minibatch noise needs a SumSurface
 * (`noise.type`) and a batch_size ≤ N (`noise.batch_size`).
 */
export function createGradientNoise(
  spec: NoiseSpec,
  surface: Surface,
): { ok: true; noise: GradientNoise } | { ok: false; error: FieldError } {
  let sample: (k: number, x: number, y: number, grad: Float64Array, out: Float64Array) => void;
  if (spec.type === 'minibatch') {
    if (!isSumSurface(surface)) {
      return {
        ok: false,
        error: fieldError('noise.type', 'noise.notSum', { got: JSON.stringify(surface.id) }),
      };
    }
    const sum: SumSurface = surface;
    if (spec.batch_size > sum.terms) {
      return {
        ok: false,
        error: fieldError('noise.batch_size', 'noise.batchTooLarge', {
          terms: sum.terms,
          surface: sum.id,
          got: spec.batch_size,
        }),
      };
    }
    const order = new Uint32Array(sum.terms);
    const g = new Float64Array(2);
    sample = (k, x, y, grad, out) => {
      miniBatchIndices(spec.seed, k, spec.batch_size, order);
      sum.batchGrad(order, 0, spec.batch_size, x, y, g);
      out[0] = g[0]! - grad[0]!;
      out[1] = g[1]! - grad[1]!;
    };
  } else {
    sample = (k, x, y, _grad, out) => additiveNoise(spec, surface, k, x, y, out);
  }
  const deltas: number[] = [];
  const done: boolean[] = [];
  const d = new Float64Array(2);
  const noise: GradientNoise = {
    spec,
    perturb(k, x, y, grad) {
      sample(k, x, y, grad, d);
      // Minibatch writes the batch gradient itself; adding δ to the exact one is the same number
      // up to one rounding, and keeps the recorded δ the exact replay.
      grad[0] = grad[0]! + d[0]!;
      grad[1] = grad[1]! + d[1]!;
      deltas[2 * k] = d[0]!;
      deltas[2 * k + 1] = d[1]!;
      done[k] = true;
    },
    perturbation(k) {
      return done[k] ? [deltas[2 * k]!, deltas[2 * k + 1]!] : undefined;
    },
    recorded() {
      const out = new Float64Array(done.length * 2);
      for (let k = 0; k < done.length; k++) {
        if (!done[k]) continue;
        out[2 * k] = deltas[2 * k]!;
        out[2 * k + 1] = deltas[2 * k + 1]!;
      }
      return out;
    },
  };
  return { ok: true, noise };
}
