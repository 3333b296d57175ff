import { describe, expect, it } from 'vitest';
import type { Activation } from './activations';
import { generateDataset } from './datasets';
import { initParams } from './init';
import type { InitScheme } from './init';
import { buildNetwork } from './network';
import { createWorkspace, forward, lossAndGradient } from './propagate';
import { activationStats, deltaNorms, layerGradientNorms } from './stats';

const data = generateDataset({ kind: 'circles', seed: 3, count: 128 });

/** A deep net of `depth` hidden layers of `width` units and one sigmoid output, one backward pass. */
function deepPass(
  activation: Activation,
  init: InitScheme,
  depth = 12,
  width = 32,
  batchnorm = false,
) {
  const net = buildNetwork({
    inputSize: 2,
    layers: [
      ...Array.from({ length: depth }, () => ({
        units: width,
        activation,
        ...(batchnorm ? { batchnorm: {} } : {}),
      })),
      { units: 1, activation: 'sigmoid' as const },
    ],
  });
  const params = initParams(net, init, 17);
  const ws = createWorkspace(net, data.count);
  const grad = new Float64Array(net.paramCount);
  lossAndGradient(net, params, data.input, data.target, 'bce', ws, grad);
  return { net, ws, grad, norms: layerGradientNorms(net, grad).weight };
}

describe('gradient flow through depth', () => {
  it('a deep sigmoid net vanishes: weight-gradient norms shrink toward the input', () => {
    const { norms } = deepPass('sigmoid', { type: 'xavier' });
    const hidden = Array.from(norms.subarray(0, norms.length - 1));
    // Each sigmoid layer scales the backward signal by at most 0.25·‖W‖, so it decays layer after layer.
    expect(hidden[0]! / hidden[hidden.length - 1]!).toBeLessThan(1e-3);
    for (let i = 1; i < hidden.length; i++) expect(hidden[i - 1]!).toBeLessThan(hidden[i]!);
  });

  it('a He-initialised ReLU net keeps gradient norms within an order of magnitude across layers', () => {
    const { norms } = deepPass('relu', { type: 'he' });
    const hidden = Array.from(norms.subarray(1, norms.length - 1));
    const ratio = Math.max(...hidden) / Math.min(...hidden);
    expect(ratio).toBeLessThan(10);
    expect(Math.min(...hidden)).toBeGreaterThan(0);
  });

  it('batch norm rescues the deep sigmoid net from vanishing', () => {
    const plain = deepPass('sigmoid', { type: 'xavier' }).norms;
    const bn = deepPass('sigmoid', { type: 'xavier' }, 12, 32, true).norms;
    expect(bn[0]! / bn[bn.length - 2]!).toBeGreaterThan(
      100 * (plain[0]! / plain[plain.length - 2]!),
    );
  });

  it('δ norms and weight-gradient norms are reported per layer, output last', () => {
    const { ws, norms, net } = deepPass('tanh', { type: 'xavier' }, 4, 8);
    expect(deltaNorms(ws)).toHaveLength(net.layers.length);
    expect(norms).toHaveLength(net.layers.length);
    expect(deltaNorms(ws).every((x) => x > 0)).toBe(true);
  });
});

describe('activation statistics for the init comparison', () => {
  function hiddenStats(activation: Activation, init: InitScheme, range?: [number, number]) {
    const net = buildNetwork({
      inputSize: 2,
      layers: Array.from({ length: 8 }, () => ({ units: 64, activation })),
    });
    const ws = createWorkspace(net, data.count);
    forward(net, initParams(net, init, 5), data.input, ws);
    return activationStats(net, ws, range ? { bins: 20, range } : { bins: 20 });
  }

  it('N(0, 1) saturates deep tanh layers while Xavier keeps them in the linear range', () => {
    const normal = hiddenStats('tanh', { type: 'normal' }, [-1, 1]);
    const xavier = hiddenStats('tanh', { type: 'xavier' }, [-1, 1]);
    expect(normal[7]!.saturated).toBeGreaterThan(0.5);
    expect(xavier[7]!.saturated).toBeLessThan(0.05);
  });

  it('zero init makes every unit of a layer identical (no spread, nothing to break symmetry)', () => {
    const stats = hiddenStats('tanh', { type: 'zero' });
    for (const s of stats) expect(s.std).toBe(0);
  });

  it('Xavier with ReLU shrinks activations layer by layer; He keeps their scale', () => {
    const xavier = hiddenStats('relu', { type: 'xavier' });
    const he = hiddenStats('relu', { type: 'he' });
    expect(xavier[7]!.std / xavier[1]!.std).toBeLessThan(0.5);
    const heRatio = he[7]!.std / he[1]!.std;
    expect(heRatio).toBeGreaterThan(0.4);
    expect(heRatio).toBeLessThan(2.5);
  });

  it('histograms count every activation once, clamping to the given range', () => {
    const stats = hiddenStats('sigmoid', { type: 'normal' }, [0.25, 0.75]);
    for (const s of stats) {
      expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(data.count * 64);
      expect(s.lo).toBe(0.25);
      expect(s.hi).toBe(0.75);
      expect(s.min).toBeGreaterThanOrEqual(0);
      expect(s.max).toBeLessThanOrEqual(1);
    }
  });
});
