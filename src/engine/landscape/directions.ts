/**
 * Directions in weight space for loss-landscape slices, in the network's flat parameter layout.
 *
 * Filter normalisation is Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets", §4: a
 * random direction's scale means nothing by itself (a ReLU net is invariant to rescaling a unit's
 * incoming weights), so every filter of the direction — here one unit's incoming weights, a row i
 * of W — is rescaled to the norm of the same row of θ: d.W[i] ← d.W[i] · ‖θ.W[i]‖ / (‖d.W[i]‖ + 1e−10).
 * The direction's biases and batch-norm γ, β are set to 0 (their code's `ignore='biasbn'`, which
 * zeroes every 1-D parameter), so a slice moves weights only.
 */
import type { Network } from '../nn/network';
import type { Rng } from '../nn/rng';

/** The 1e−10 Li et al. add to ‖d.W[i]‖ so an all-zero row of d stays zero instead of NaN. */
export const FILTER_NORM_EPS = 1e-10;

/** How a direction is scaled: Li et al.'s filter normalisation, or left as drawn. */
export type DirectionNormalization = 'filter' | 'none';

/**
 * Filter-normalises `d` in place against `theta` (both length net.paramCount, flat layout): each
 * row of each layer's W scaled to ‖θ.W[i]‖ / (‖d.W[i]‖ + 1e−10), every b, γ, β of d set to 0.
 * Returns `d`.
 */
export function filterNormalize(net: Network, theta: Float64Array, d: Float64Array): Float64Array {
  for (const layer of net.layers) {
    const n = layer.inSize;
    for (let i = 0; i < layer.outSize; i++) {
      const row = layer.wOffset + i * n;
      let tt = 0;
      let dd = 0;
      for (let k = 0; k < n; k++) {
        tt += theta[row + k]! * theta[row + k]!;
        dd += d[row + k]! * d[row + k]!;
      }
      const scale = Math.sqrt(tt) / (Math.sqrt(dd) + FILTER_NORM_EPS);
      for (let k = 0; k < n; k++) d[row + k]! *= scale;
    }
    d.fill(0, layer.bOffset, layer.bOffset + layer.outSize);
    if (layer.gammaOffset >= 0) d.fill(0, layer.gammaOffset, layer.gammaOffset + layer.outSize);
    if (layer.betaOffset >= 0) d.fill(0, layer.betaOffset, layer.betaOffset + layer.outSize);
  }
  return d;
}

/**
 * A random direction: every parameter N(0, 1) drawn from `rng` in flat-layout order (so a seed
 * gives the same direction everywhere), then filter-normalised against `theta` when asked
 * (`'none'` keeps the raw draw, biases and γ, β included, to show why the paper normalises).
 */
export function randomDirection(
  net: Network,
  theta: Float64Array,
  rng: Rng,
  normalize: DirectionNormalization,
): Float64Array {
  const d = new Float64Array(net.paramCount);
  for (let i = 0; i < d.length; i++) d[i] = rng.normal();
  return normalize === 'filter' ? filterNormalize(net, theta, d) : d;
}
