import { describe, expect, it } from 'vitest';
import { linearChain } from './chain';
import { FIXTURES, expectAllClose } from './fixtures.test-util';
import { buildNetwork, layerViews } from './network';
import { createWorkspace, lossAndGradient } from './propagate';

describe('chain-rule product for a linear chain (note 000)', () => {
  it('∂L/∂w_i = (ŷ − t) Π_{k>i} w_k · y_{i−1} matches torch on the 3-layer chain', () => {
    const c = FIXTURES.find((f) => f.name.startsWith('note 000'))!;
    const layers = c.input.layers;
    const chain = linearChain({
      x: c.input.input[0]![0]!,
      target: c.input.target[0]![0]!,
      weights: layers.map((l) => l.W[0]![0]!),
      biases: layers.map((l) => l.b[0]!),
    });
    expectAllClose([chain.loss], [c.expected.loss], 'loss', 1e-12);
    expectAllClose(
      chain.weightGradients,
      c.expected.layers.map((l) => l.dW[0]![0]!),
      'dL/dw',
      1e-12,
    );
    expectAllClose(
      chain.biasGradients,
      c.expected.layers.map((l) => l.db[0]!),
      'dL/db',
      1e-12,
    );
  });

  it('spells out the products: w3·w2 for layer 1, w3 for layer 2, 1 for layer 3', () => {
    const chain = linearChain({ x: 2, target: 0, weights: [0.5, 3, -2] });
    expect(chain.outputs).toEqual([2, 1, 3, -6]);
    expect(chain.weightProducts).toEqual([-6, -2, 1]);
    expect(chain.error).toBe(-6);
    expect(chain.weightGradients).toEqual([-6 * -6 * 2, -6 * -2 * 1, -6 * 1 * 3]);
  });

  it('agrees with the matrix backprop on longer chains with biases', () => {
    const weights = [0.9, -1.3, 0.7, 1.1, -0.8, 0.6];
    const biases = [0.1, -0.2, 0.3, 0, 0.05, -0.1];
    const chain = linearChain({ x: 1.5, target: 0.25, weights, biases });
    const net = buildNetwork({
      inputSize: 1,
      layers: weights.map(() => ({ units: 1, activation: 'linear' as const })),
    });
    const params = new Float64Array(net.paramCount);
    net.layers.forEach((l, i) => {
      params[l.wOffset] = weights[i]!;
      params[l.bOffset] = biases[i]!;
    });
    const grad = new Float64Array(net.paramCount);
    const loss = lossAndGradient(
      net,
      params,
      Float64Array.of(1.5),
      Float64Array.of(0.25),
      'mse',
      createWorkspace(net, 1),
      grad,
    );
    expect(chain.loss).toBeCloseTo(loss, 14);
    net.layers.forEach((l, i) => {
      expect(chain.weightGradients[i]).toBeCloseTo(layerViews(l, grad).W[0]!, 13);
      expect(chain.biasGradients[i]).toBeCloseTo(layerViews(l, grad).b[0]!, 13);
    });
  });

  it('weights below 1 shrink early gradients geometrically (vanishing)', () => {
    const chain = linearChain({ x: 1, target: 0, weights: new Array(10).fill(0.5) });
    // y_{i−1} = 0.5^{i−1} and Π_{k>i} w_k = 0.5^{10−i}: every ∂L/∂w_i is (ŷ − t) · 0.5^9.
    for (const g of chain.weightGradients) expect(g).toBeCloseTo(0.5 ** 10 * 0.5 ** 9, 18);
    expect(chain.weightProducts[0]).toBe(0.5 ** 9);
  });
});
