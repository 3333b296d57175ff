/**
 * Forward and backward passes over a whole batch at once, in the notes' BP1–BP4 form.
 *
 * Arrays are row-major batch × width (one row per sample), W is out × in, so every inner loop
 * runs over contiguous memory. Forward per layer l:
 *   z = a_{l−1} Wᵀ + b → u = BN(z) (or u = z) → h = g(u) → a = h + a_{l−1} (residual) or a = h.
 * Backward, from ∂L/∂a_L given by the loss:
 *   δ_u = ∂L/∂a ⊙ g'(u)                         (BP1 at the output, BP2 below it)
 *   δ_z = BN backward of δ_u (or δ_u)           — the notes' δ^l
 *   ∂L/∂b = Σ_batch δ_z                          (BP3)
 *   ∂L/∂W = δ_zᵀ a_{l−1}                         (BP4)
 *   ∂L/∂a_{l−1} = δ_z W (+ ∂L/∂a for a residual)  (the (W^{l+1})ᵀ δ^{l+1} of BP2)
 * Everything is preallocated in a {@link Workspace}: a training step allocates nothing.
 */
import { activate, backActivate } from './activations';
import { batchNormBackward, batchNormEvalForward, batchNormTrainForward } from './batchnorm';
import type { BatchNormStats } from './batchnorm';
import { computeLoss } from './losses';
import type { LossKind } from './losses';
import { inputGradient, linearForward, weightGradient } from './matmul';
import type { Network } from './network';

/** Whether batch norm uses the batch's statistics ('train') or the running ones ('eval'). */
export type Mode = 'train' | 'eval';

/** Per-layer buffers of a pass (batch × width unless noted). */
export interface LayerBuffers {
  /** z = a_{l−1} Wᵀ + b. */
  readonly z: Float64Array;
  /** Batch-norm output u (the activation's input); the same array as `z` without batch norm. */
  readonly u: Float64Array;
  /** Normalised x̂ (batch norm only, else null). */
  readonly xhat: Float64Array | null;
  /** μ used by batch norm, per feature (null without batch norm). */
  readonly mean: Float64Array | null;
  /** 1/√(σ² + ε) used by batch norm, per feature (null without batch norm). */
  readonly invStd: Float64Array | null;
  /** h = g(u). */
  readonly h: Float64Array;
  /** Layer output a: h + a_{l−1} with a residual, else the same array as `h`. */
  readonly a: Float64Array;
  /** ∂L/∂a. */
  readonly dA: Float64Array;
  /** ∂L/∂u = ∂L/∂a ⊙ g'(u); the same array as `dZ` without batch norm. */
  readonly dU: Float64Array;
  /** δ = ∂L/∂z, the notes' δ^l. */
  readonly dZ: Float64Array;
}

/** Preallocated buffers for passes of one network on batches of a fixed size. */
export interface Workspace {
  /** Samples per batch. */
  readonly batch: number;
  /** Buffers of each layer, input side first. */
  readonly layers: readonly LayerBuffers[];
  /** Mode of the last forward pass (backward follows it). */
  mode: Mode;
  /** Scratch for batch-norm backward (2 × widest layer). */
  readonly scratch: Float64Array;
}

/** Allocates buffers for passes of `net` on batches of `batch` samples. */
export function createWorkspace(net: Network, batch: number): Workspace {
  let widest = 1;
  const layers = net.layers.map((l): LayerBuffers => {
    const n = batch * l.outSize;
    widest = Math.max(widest, l.outSize);
    const z = new Float64Array(n);
    const bn = l.batchnorm !== null;
    const u = bn ? new Float64Array(n) : z;
    const h = new Float64Array(n);
    const dZ = new Float64Array(n);
    return {
      z,
      u,
      xhat: bn ? new Float64Array(n) : null,
      mean: bn ? new Float64Array(l.outSize) : null,
      invStd: bn ? new Float64Array(l.outSize) : null,
      h,
      a: l.residual ? new Float64Array(n) : h,
      dA: new Float64Array(n),
      dU: bn ? new Float64Array(n) : dZ,
      dZ,
    };
  });
  return { batch, layers, mode: 'train', scratch: new Float64Array(2 * widest) };
}

/**
 * Runs the batch `input` (batch × inputSize, row-major) through the net and returns the output
 * activations (a view owned by the workspace). In 'train' mode batch norm uses batch statistics
 * and, when `stats` is given, updates them; in 'eval' mode it uses `stats` (fresh mean 0,
 * variance 1 when absent, as a new torch module).
 */
export function forward(
  net: Network,
  params: Float64Array,
  input: Float64Array,
  ws: Workspace,
  mode: Mode = 'train',
  stats?: BatchNormStats,
): Float64Array {
  const m = ws.batch;
  ws.mode = mode;
  let prev = input;
  for (let li = 0; li < net.layers.length; li++) {
    const layer = net.layers[li]!;
    const buf = ws.layers[li]!;
    const inSize = layer.inSize;
    const outSize = layer.outSize;
    const z = buf.z;
    linearForward(prev, m, inSize, params, layer.wOffset, layer.bOffset, outSize, z);
    if (layer.batchnorm) {
      const gamma = params.subarray(layer.gammaOffset, layer.gammaOffset + outSize);
      const beta = params.subarray(layer.betaOffset, layer.betaOffset + outSize);
      if (mode === 'train') {
        batchNormTrainForward(
          layer,
          m,
          z,
          gamma,
          beta,
          buf.xhat!,
          buf.u,
          buf.mean!,
          buf.invStd!,
          stats?.mean[li] ?? null,
          stats?.variance[li] ?? null,
        );
      } else {
        batchNormEvalForward(
          layer,
          m,
          z,
          gamma,
          beta,
          buf.xhat!,
          buf.u,
          buf.mean!,
          buf.invStd!,
          stats?.mean[li] ?? new Float64Array(outSize),
          stats?.variance[li] ?? new Float64Array(outSize).fill(1),
        );
      }
    }
    const n = m * outSize;
    activate(layer.activation, buf.u, buf.h, n);
    if (layer.residual) {
      const a = buf.a;
      const h = buf.h;
      for (let i = 0; i < n; i++) a[i] = h[i]! + prev[i]!;
    }
    prev = buf.a;
  }
  return prev;
}

/**
 * Backpropagates from ∂L/∂a_L, which must already be in the last layer's `dA` (see
 * {@link lossAndGradient}), through the activations stored by the last {@link forward}. Writes
 * ∂L/∂θ into `grad` (same layout as the parameters; fully overwritten) and leaves every layer's
 * δ in the workspace. ∂L/∂input is not computed (nothing upstream needs it).
 */
export function backward(
  net: Network,
  params: Float64Array,
  input: Float64Array,
  ws: Workspace,
  grad: Float64Array,
): void {
  const m = ws.batch;
  const training = ws.mode === 'train';
  for (let li = net.layers.length - 1; li >= 0; li--) {
    const layer = net.layers[li]!;
    const buf = ws.layers[li]!;
    const inSize = layer.inSize;
    const outSize = layer.outSize;
    const n = m * outSize;
    backActivate(layer.activation, buf.u, buf.h, buf.dA, buf.dU, n);
    if (layer.batchnorm) {
      batchNormBackward(
        layer,
        m,
        training,
        buf.dU,
        buf.xhat!,
        params.subarray(layer.gammaOffset, layer.gammaOffset + outSize),
        buf.invStd!,
        grad.subarray(layer.gammaOffset, layer.gammaOffset + outSize),
        grad.subarray(layer.betaOffset, layer.betaOffset + outSize),
        buf.dZ,
        ws.scratch,
      );
    }
    const dZ = buf.dZ;
    const prev = li > 0 ? ws.layers[li - 1]!.a : input;
    weightGradient(dZ, prev, m, inSize, outSize, grad, layer.wOffset, layer.bOffset);
    if (li === 0) break;
    const dPrev = ws.layers[li - 1]!.dA;
    if (layer.residual) dPrev.set(buf.dA.subarray(0, m * inSize));
    else dPrev.fill(0, 0, m * inSize);
    inputGradient(dZ, params, layer.wOffset, m, inSize, outSize, dPrev);
  }
}

/**
 * One forward pass, the loss against `target` (batch × outputSize) and one backward pass:
 * returns L and writes ∂L/∂θ into `grad`.
 */
export function lossAndGradient(
  net: Network,
  params: Float64Array,
  input: Float64Array,
  target: Float64Array,
  loss: LossKind,
  ws: Workspace,
  grad: Float64Array,
  mode: Mode = 'train',
  stats?: BatchNormStats,
): number {
  const out = forward(net, params, input, ws, mode, stats);
  const last = ws.layers[ws.layers.length - 1]!;
  const value = computeLoss(loss, out, target, ws.batch, net.outputSize, last.dA);
  backward(net, params, input, ws, grad);
  return value;
}

/** The loss alone (one forward pass, no gradient); used by the finite-difference checker. */
export function lossOnly(
  net: Network,
  params: Float64Array,
  input: Float64Array,
  target: Float64Array,
  loss: LossKind,
  ws: Workspace,
  mode: Mode = 'train',
  stats?: BatchNormStats,
): number {
  const out = forward(net, params, input, ws, mode, stats);
  return computeLoss(loss, out, target, ws.batch, net.outputSize);
}
