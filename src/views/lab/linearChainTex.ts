/** Note 000's linear chain y_i = w_i y_{i−1} with its gradients written out in TeX with numbers. */
import type { LinearChain } from '../../engine/nn/chain';
import { texNumber } from './gradients';

/** One aligned line per layer: ∂L/∂w_i = (ŷ − t) · Π_{k>i} w_k · y_{i−1} = numbers = value. */
export function linearChainTex(chain: LinearChain, weights: readonly number[]): string {
  const n = weights.length;
  const lines = chain.weightGradients.map((g, idx) => {
    const i = idx + 1;
    const later = weights.slice(i).map((w) => `(${texNumber(w)})`);
    const product = later.length > 0 ? later.join(' \\cdot ') : '1';
    const symbolic = i < n ? `\\prod_{k=${i + 1}}^{${n}} w_k` : '1';
    return `\\frac{\\partial L}{\\partial w_${i}} &= (\\hat y - t) \\cdot ${symbolic} \\cdot y_${i - 1} = (${texNumber(chain.error)}) \\cdot ${product} \\cdot (${texNumber(chain.outputs[idx]!)}) = ${texNumber(g)}`;
  });
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}
