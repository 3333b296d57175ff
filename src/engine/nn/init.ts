/**
 * Weight initialisation schemes of note 003, seeded. Biases start at 0, batch norm at γ = 1,
 * β = 0 (torch's defaults), so the comparison isolates the effect of W.
 */
import type { Network } from './network';
import { createRng } from './rng';

/** How W is drawn. */
export type InitScheme =
  /** W = 0: every unit of a layer stays identical (the symmetry problem). */
  | { readonly type: 'zero' }
  /** W ~ N(0, 1). */
  | { readonly type: 'normal' }
  /** W ~ N(0, σ²) with the given σ. */
  | { readonly type: 'normal_sigma'; readonly sigma: number }
  /** Xavier/Glorot uniform: W ~ U(−a, a), a = √(6 / (fan_in + fan_out)). */
  | { readonly type: 'xavier' }
  /** He/MSRA normal: W ~ N(0, 2 / fan_in) (torch's kaiming_normal_, fan_in mode, relu gain). */
  | { readonly type: 'he' };

/** The scheme names, in display order. */
export const INIT_TYPES = ['zero', 'normal', 'normal_sigma', 'xavier', 'he'] as const;

/** Standard deviation a scheme gives a W of the given fan-in and fan-out. */
export function initStd(scheme: InitScheme, fanIn: number, fanOut: number): number {
  switch (scheme.type) {
    case 'zero':
      return 0;
    case 'normal':
      return 1;
    case 'normal_sigma':
      return scheme.sigma;
    case 'xavier':
      // U(−a, a) has variance a²/3 = 2 / (fan_in + fan_out).
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
  }
}

/**
 * A fresh flat parameter vector for `net`, drawn with `scheme` from `seed`: the same seed gives
 * the same numbers on every machine.
 */
export function initParams(net: Network, scheme: InitScheme, seed: number): Float64Array {
  const params = new Float64Array(net.paramCount);
  const rng = createRng(seed);
  for (const layer of net.layers) {
    const fanIn = layer.inSize;
    const fanOut = layer.outSize;
    const count = fanIn * fanOut;
    const w = params.subarray(layer.wOffset, layer.wOffset + count);
    switch (scheme.type) {
      case 'zero':
        break;
      case 'xavier': {
        const a = Math.sqrt(6 / (fanIn + fanOut));
        for (let i = 0; i < count; i++) w[i] = rng.uniform(-a, a);
        break;
      }
      default: {
        const std = initStd(scheme, fanIn, fanOut);
        for (let i = 0; i < count; i++) w[i] = std * rng.normal();
      }
    }
    if (layer.gammaOffset >= 0)
      params.fill(1, layer.gammaOffset, layer.gammaOffset + layer.outSize);
  }
  return params;
}
