/**
 * Pure helpers of the gradient views: log-scale colour and thickness for gradient norms, and the
 * chain-rule product for a chosen layer as numbers and TeX.
 */
import { interpolateViridis, scaleLinear } from 'd3';
import type { LabSnapshot } from '../../worker/lab/protocol';
import { formatNumber } from '../format';
import { texTextEscape } from '../formula/texWords';
import { t } from './strings';

/** log10 of a norm, with 0 (and anything not positive) mapped to the floor. */
export function logNorm(norm: number, floor = -12): number {
  return norm > 0 && Number.isFinite(norm)
    ? Math.max(floor, Math.log10(norm))
    : norm === Infinity
      ? 6
      : floor;
}

/** The log10 range the views share: at least 4 decades, widened to fit every norm shown. */
export function normDomain(norms: readonly number[]): readonly [number, number] {
  let lo = -4;
  let hi = 0;
  for (const n of norms) {
    if (!(n > 0) || !Number.isFinite(n)) continue;
    const l = Math.log10(n);
    lo = Math.min(lo, Math.floor(l));
    hi = Math.max(hi, Math.ceil(l));
  }
  return [Math.max(-12, lo), Math.min(6, hi)];
}

/**
 * Colour of a gradient norm: viridis (colour-blind safe, monotone in lightness) from dark purple
 * for vanishing to yellow for exploding, over a fixed absolute domain so A and B compare.
 */
export function normColor(norm: number, domain: readonly [number, number]): string {
  const t = scaleLinear().domain(domain).range([0, 1]).clamp(true)(logNorm(norm));
  return interpolateViridis(t);
}

/** Stroke width (px) of a gradient norm: from 1.5 px for the smallest to `max` for the largest. */
export function normWidth(norm: number, domain: readonly [number, number], max = 14): number {
  return scaleLinear().domain(domain).range([1.5, max]).clamp(true)(logNorm(norm));
}

/** A norm as a reader sees it (0 stays "0"). */
export function formatNorm(norm: number): string {
  return formatNumber(norm, 3);
}

/** The numbers of the chain-rule product for layer `layer` (0-based). */
export interface ChainProduct {
  /** ‖δ‖ of the output layer. */
  readonly top: number;
  /** ‖δ_k‖ / ‖δ_{k+1}‖ for k from the layer below the output down to `layer`. */
  readonly factors: readonly number[];
  /** ‖δ_layer‖ (equal to top × Π factors). */
  readonly delta: number;
  /** ‖a_{layer−1}‖ (the input x for the first layer). */
  readonly below: number;
  /** ‖∂L/∂W_layer‖. */
  readonly weightGrad: number;
  /** Geometric mean of the factors (1 when there are none). */
  readonly meanGain: number;
}

/**
 * Telescopes ‖δ_i‖ = ‖δ_L‖ · Π_{k=i}^{L−1} ‖δ_k‖/‖δ_{k+1}‖: each factor is what one layer's
 * (W_{k+1})ᵀ(·) ⊙ g′(z_k) did to the gradient's size, the matrix form of note 000's w_k.
 */
export function chainProduct(
  snapshot: Pick<LabSnapshot, 'deltaNorms' | 'activationNorms' | 'inputNorm' | 'weightGradNorms'>,
  layer: number,
): ChainProduct {
  const d = snapshot.deltaNorms;
  const last = d.length - 1;
  const i = Math.max(0, Math.min(last, layer));
  const factors: number[] = [];
  for (let k = last - 1; k >= i; k--) {
    const above = d[k + 1]!;
    factors.push(above === 0 ? 0 : d[k]! / above);
  }
  let logSum = 0;
  for (const f of factors) logSum += Math.log(Math.max(f, 1e-300));
  return {
    top: d[last] ?? 0,
    factors,
    delta: d[i] ?? 0,
    below: i === 0 ? snapshot.inputNorm : snapshot.activationNorms[i - 1]!,
    weightGrad: snapshot.weightGradNorms[i] ?? 0,
    meanGain: factors.length === 0 ? 1 : Math.exp(logSum / factors.length),
  };
}

/** A number for TeX: formatNumber's text with its exponent written as × 10^k. */
export function texNumber(v: number, digits = 3): string {
  const text = formatNumber(v, digits).replace('−', '-');
  const m = /^(-?[\d.]+)e(-?\d+)$/.exec(text);
  if (m) return `${m[1]}\\times10^{${m[2]}}`;
  if (text === '∞' || text === '-∞') return text === '∞' ? '\\infty' : '-\\infty';
  if (text === 'NaN') return '\\text{NaN}';
  return text;
}

/** Factors written out, at most `keep` of them with ⋯ in the middle. */
function factorList(factors: readonly number[], keep = 6): string {
  const shown =
    factors.length <= keep
      ? factors.map((f) => texNumber(f))
      : [
          ...factors.slice(0, 3).map((f) => texNumber(f)),
          '\\cdots',
          ...factors.slice(-2).map((f) => texNumber(f)),
        ];
  return shown.join(' \\cdot ');
}

/** The chain-rule product of layer `layer` (0-based) among `layerCount`, in TeX with its numbers. */
export function chainTex(c: ChainProduct, layer: number, layerCount: number): string {
  const i = layer + 1;
  const L = layerCount;
  const lines = [
    `\\frac{\\partial L}{\\partial W^{[${i}]}} &= \\delta^{[${i}]\\top} a^{[${i - 1}]}, \\qquad \\delta^{[k]} = \\big(W^{[k+1]\\top}\\delta^{[k+1]}\\big)\\odot g'(z^{[k]})`,
  ];
  if (c.factors.length === 0) {
    lines.push(
      `\\|\\delta^{[${i}]}\\| &= ${texNumber(c.delta)} \\quad (\\text{${texTextEscape(t('lab.outputLayerNoFactors'))}})`,
    );
  } else {
    lines.push(
      `\\|\\delta^{[${i}]}\\| &= \\|\\delta^{[${L}]}\\| \\prod_{k=${i}}^{${L - 1}} \\frac{\\|\\delta^{[k]}\\|}{\\|\\delta^{[k+1]}\\|} = ${texNumber(c.top)} \\cdot ${factorList(c.factors)} = ${texNumber(c.delta)}`,
    );
  }
  lines.push(
    `\\Big\\|\\frac{\\partial L}{\\partial W^{[${i}]}}\\Big\\| &= ${texNumber(c.weightGrad)} \\;\\le\\; \\|\\delta^{[${i}]}\\|\\,\\|a^{[${i - 1}]}\\| = ${texNumber(c.delta)} \\cdot ${texNumber(c.below)}`,
  );
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

/** Note 000's scalar form ∂L/∂w_i = (ŷ − t) · Π_{k=i+1}^{n} w_k · y_{i−1}, for layer i of n. */
export function noteChainTex(i: number, n: number): string {
  const upper = i + 1 > n ? '1' : `\\prod_{k=${i + 1}}^{${n}} w_k`;
  return `\\frac{\\partial L}{\\partial w_{${i}}} = (\\hat y - t)\\cdot ${upper} \\cdot y_{${i - 1}}`;
}
