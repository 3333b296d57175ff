/**
 * Numbers the lab's views plot per layer: gradient norms (is the gradient vanishing toward the
 * input?) and activation statistics and histograms (the classic init comparison).
 */
import type { Network } from './network';
import type { Workspace } from './propagate';

/** Per-layer gradient magnitudes. */
export interface LayerGradientNorms {
  /** ‖∂L/∂W_l‖ (Frobenius), one per layer from input to output. */
  readonly weight: Float64Array;
  /** ‖∂L/∂b_l‖. */
  readonly bias: Float64Array;
}

function norm(v: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** Frobenius norms of each layer's weight and bias gradients in a flat gradient vector. */
export function layerGradientNorms(net: Network, grad: Float64Array): LayerGradientNorms {
  const weight = new Float64Array(net.layers.length);
  const bias = new Float64Array(net.layers.length);
  net.layers.forEach((l, i) => {
    weight[i] = norm(grad, l.wOffset, l.bOffset);
    bias[i] = norm(grad, l.bOffset, l.bOffset + l.outSize);
  });
  return { weight, bias };
}

/** Norm of each layer's δ = ∂L/∂z (over the batch) left by the last backward pass. */
export function deltaNorms(ws: Workspace): Float64Array {
  return Float64Array.from(ws.layers, (b) => norm(b.dZ, 0, b.dZ.length));
}

/** Summary of one layer's activations over a batch. */
export interface ActivationStats {
  /** Mean over the batch and the layer's units. */
  readonly mean: number;
  /** Standard deviation over the batch and the layer's units. */
  readonly std: number;
  /** Smallest value. */
  readonly min: number;
  /** Largest value. */
  readonly max: number;
  /** Counts per bin of [lo, hi] split evenly; values outside are clamped into the end bins. */
  readonly histogram: Uint32Array;
  /** Lower end of the range the histogram covers. */
  readonly lo: number;
  /** Upper end of the range the histogram covers. */
  readonly hi: number;
  /**
   * Fraction of values in a flat region of the activation: |h| within 1% of sigmoid/tanh's
   * asymptotes, or exactly 0 for relu (dead units).
   */
  readonly saturated: number;
}

/** Options of {@link activationStats}. */
export interface HistogramOptions {
  /** Number of bins (default 30). */
  readonly bins?: number;
  /** Histogram range; default [min, max] of the values (a single value gets ±0.5). */
  readonly range?: readonly [number, number];
}

/**
 * Statistics of the activation outputs g(u) of every layer after the last forward pass (before
 * any residual add, so they show what the activation does). A fixed `range` makes layers and
 * inits comparable (e.g. [0, 1] for sigmoid, [−1, 1] for tanh).
 */
export function activationStats(
  net: Network,
  ws: Workspace,
  options: HistogramOptions = {},
): ActivationStats[] {
  const bins = Math.max(1, Math.floor(options.bins ?? 30));
  return net.layers.map((layer, li) => {
    const h = ws.layers[li]!.h;
    const n = ws.batch * layer.outSize;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let flat = 0;
    for (let i = 0; i < n; i++) {
      const x = h[i]!;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
      if (isFlat(layer.activation, x)) flat++;
    }
    const mean = sum / n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += (h[i]! - mean) ** 2;
    let [lo, hi] = options.range ?? [min, max];
    if (!(hi > lo)) {
      lo -= 0.5;
      hi += 0.5;
    }
    const histogram = new Uint32Array(bins);
    const scale = bins / (hi - lo);
    for (let i = 0; i < n; i++) {
      const b = Math.floor((h[i]! - lo) * scale);
      histogram[b < 0 ? 0 : b >= bins ? bins - 1 : b]!++;
    }
    return { mean, std: Math.sqrt(sq / n), min, max, histogram, lo, hi, saturated: flat / n };
  });
}

function isFlat(activation: string, x: number): boolean {
  switch (activation) {
    case 'sigmoid':
      return x < 0.01 || x > 0.99;
    case 'tanh':
      return Math.abs(x) > 0.99;
    case 'relu':
      return x === 0;
    default:
      return false;
  }
}
