import { describe, expect, it } from 'vitest';
import { linearChain } from '../../engine/nn/chain';
import { linearChainTex } from './linearChainTex';

describe('linear chain formula', () => {
  it('shows each gradient as the product of the later weights, and weights below 1 shrink the first one', () => {
    const weights = [0.5, 0.5, 0.5];
    const chain = linearChain({ x: 1, target: 0, weights });
    // ŷ = 0.125, so ∂L/∂w₁ = 0.125 · 0.5 · 0.5 · 1 and ∂L/∂w₃ = 0.125 · 0.25.
    expect(chain.weightGradients[0]).toBeCloseTo(0.03125, 12);
    expect(chain.weightGradients[2]).toBeCloseTo(0.03125, 12);
    const tex = linearChainTex(chain, weights);
    expect(tex).toContain('\\prod_{k=2}^{3} w_k');
    expect(tex).toContain('(0.5) \\cdot (0.5)');
    expect(tex.split('\\\\')).toHaveLength(3);
  });

  it('the last layer’s product is the empty product 1', () => {
    const tex = linearChainTex(linearChain({ x: 2, target: 0, weights: [3] }), [3]);
    expect(tex).toContain('\\cdot 1 \\cdot y_0');
    expect(tex).toContain('= 12');
  });
});
