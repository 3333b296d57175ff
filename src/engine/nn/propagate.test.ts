import { describe, expect, it } from 'vitest';
import running from '../__fixtures__/backprop/running_stats.json';
import type { Activation } from './activations';
import { createBatchNormStats } from './batchnorm';
import { FIXTURES, expectAllClose, fixtureNet } from './fixtures.test-util';
import { finiteDifferenceGradient, relativeErrors } from './gradcheck';
import { buildNetwork, layerViews, validateNetworkSpec } from './network';
import { createWorkspace, forward, lossAndGradient } from './propagate';

/**
 * Entries that are zero in exact arithmetic (db of a batch-normed layer: δ_z sums to 0 over the
 * batch) come out as ±1e-16-sized rounding noise in both torch and here, so each layer gets an
 * absolute floor of 1e-13 × its largest gradient; every other entry is held to 1e-9 relative.
 */
function layerFloor(e: {
  dW: number[][];
  db: number[];
  dgamma?: number[];
  dbeta?: number[];
}): number {
  const all = [...e.dW.flat(), ...e.db, ...(e.dgamma ?? []), ...(e.dbeta ?? [])];
  return 1e-13 * Math.max(...all.map(Math.abs));
}

describe('backprop matches torch autograd (float64)', () => {
  for (const c of FIXTURES) {
    it(c.name, () => {
      const { net, params, input, target, loss, batch } = fixtureNet(c);
      const grad = new Float64Array(net.paramCount);
      const value = lossAndGradient(
        net,
        params,
        input,
        target,
        loss,
        createWorkspace(net, batch),
        grad,
      );
      expectAllClose([value], [c.expected.loss], 'loss');
      net.layers.forEach((layout, i) => {
        const g = layerViews(layout, grad);
        const e = c.expected.layers[i]!;
        const floor = layerFloor(e);
        expectAllClose(g.W, e.dW.flat(), `layers[${i}].dW`, 1e-9, floor);
        expectAllClose(g.b, e.db, `layers[${i}].db`, 1e-9, floor);
        if (e.dgamma) expectAllClose(g.gamma!, e.dgamma, `layers[${i}].dgamma`, 1e-9, floor);
        if (e.dbeta) expectAllClose(g.beta!, e.dbeta, `layers[${i}].dbeta`, 1e-9, floor);
      });
    });
  }

  it('the 12-layer sigmoid case really shows vanishing gradients (first layer ~1e-8)', () => {
    const c = FIXTURES.find((f) => f.name.startsWith('12-layer sigmoid'))!;
    const { net, params, input, target, loss, batch } = fixtureNet(c);
    const grad = new Float64Array(net.paramCount);
    lossAndGradient(net, params, input, target, loss, createWorkspace(net, batch), grad);
    const first = layerViews(net.layers[0]!, grad).W;
    const maxFirst = Math.max(...Array.from(first, Math.abs));
    expect(maxFirst).toBeGreaterThan(1e-9);
    expect(maxFirst).toBeLessThan(1e-7);
  });
});

describe('batch norm inference uses running statistics as torch.nn.BatchNorm1d', () => {
  it('running mean and variance after three batches, then the eval-mode output, match torch', () => {
    const c = {
      name: 'running',
      input: { input: running.test_input, target: [], loss: 'mse', layers: running.layers },
      expected: { loss: 0, layers: [] },
    };
    const { net, params } = fixtureNet(c);
    const stats = createBatchNormStats(net);
    const ws = createWorkspace(net, running.batches[0]!.length);
    for (const b of running.batches)
      forward(net, params, Float64Array.from(b.flat()), ws, 'train', stats);
    running.running_mean.forEach((m, i) => {
      if (m === null) expect(stats.mean[i]).toBeNull();
      else expectAllClose(stats.mean[i]!, m, `running_mean[${i}]`);
    });
    running.running_var.forEach((v, i) => {
      if (v !== null) expectAllClose(stats.variance[i]!, v, `running_var[${i}]`);
    });
    const evalWs = createWorkspace(net, running.test_input.length);
    const out = forward(
      net,
      params,
      Float64Array.from(running.test_input.flat()),
      evalWs,
      'eval',
      stats,
    );
    expectAllClose(out, running.eval_output.flat(), 'eval output');
  });

  it('a training pass without a stats object leaves running statistics alone', () => {
    const c = FIXTURES.find((f) => f.input.layers.some((l) => l.batchnorm))!;
    const { net, params, input, batch } = fixtureNet(c);
    const stats = createBatchNormStats(net);
    forward(net, params, input, createWorkspace(net, batch), 'train');
    const bnLayer = stats.mean.findIndex((m) => m !== null);
    expect(Array.from(stats.mean[bnLayer]!)).toEqual(
      new Array(net.layers[bnLayer]!.outSize).fill(0),
    );
    expect(Array.from(stats.variance[bnLayer]!)).toEqual(
      new Array(net.layers[bnLayer]!.outSize).fill(1),
    );
  });
});

describe('the finite-difference checker agrees with backprop', () => {
  // Saturated cases are left out: there torch's guards, not calculus, give the gradient.
  for (const c of FIXTURES.filter((f) => !f.name.startsWith('12-layer') && !f.guarded)) {
    it(c.name, () => {
      const { net, params, input, target, loss, batch } = fixtureNet(c);
      const ws = createWorkspace(net, batch);
      const grad = new Float64Array(net.paramCount);
      lossAndGradient(net, params, input, target, loss, ws, grad);
      const before = params.slice();
      const numeric = finiteDifferenceGradient(net, params, input, target, loss, ws);
      expect(Array.from(params)).toEqual(Array.from(before));
      // Central differences with h = 1e-6 carry rounding noise of about 1e-16·|L|/h.
      const absTol = 1e-8 * Math.max(1, Math.abs(c.expected.loss));
      for (let i = 0; i < grad.length; i++) {
        const diff = Math.abs(grad[i]! - numeric[i]!);
        if (!(diff <= 1e-6 * Math.abs(numeric[i]!) + absTol)) {
          expect.fail(`parameter ${i}: backprop ${grad[i]}, finite difference ${numeric[i]}`);
        }
      }
    });
  }

  it('in inference mode too, where batch norm uses running statistics', () => {
    const c = FIXTURES.find((f) => f.name.startsWith('residual with batch norm'))!;
    const { net, params, input, target, loss, batch } = fixtureNet(c);
    const ws = createWorkspace(net, batch);
    const stats = createBatchNormStats(net);
    for (let k = 0; k < 3; k++) forward(net, params, input, ws, 'train', stats);
    const frozen = stats.mean.map((m) => m && Array.from(m));
    const grad = new Float64Array(net.paramCount);
    lossAndGradient(net, params, input, target, loss, ws, grad, 'eval', stats);
    const numeric = finiteDifferenceGradient(net, params, input, target, loss, ws, {
      mode: 'eval',
      stats,
    });
    expect(stats.mean.map((m) => m && Array.from(m))).toEqual(frozen);
    for (let i = 0; i < grad.length; i++) {
      expect(Math.abs(grad[i]! - numeric[i]!)).toBeLessThan(1e-6 * Math.abs(numeric[i]!) + 1e-7);
    }
    // And it differs from the training-mode gradient: the batch statistics matter.
    const trainGrad = new Float64Array(net.paramCount);
    lossAndGradient(net, params, input, target, loss, ws, trainGrad, 'train');
    expect(Math.max(...grad.map((g, i) => Math.abs(g - trainGrad[i]!)))).toBeGreaterThan(1e-3);
  });

  it('flags a wrong gradient', () => {
    const { net, params, input, target, loss, batch } = fixtureNet(FIXTURES[0]!);
    const ws = createWorkspace(net, batch);
    const grad = new Float64Array(net.paramCount);
    lossAndGradient(net, params, input, target, loss, ws, grad);
    grad[3] = grad[3]! * 1.01;
    const errs = relativeErrors(
      grad,
      finiteDifferenceGradient(net, params, input, target, loss, ws, { indices: [2, 3] }),
    );
    expect(errs[2]).toBeLessThan(1e-6);
    expect(errs[3]).toBeGreaterThan(1e-3);
    expect(Number.isNaN(errs[0])).toBe(true);
  });
});

describe('network layout and validation', () => {
  it('keeps every parameter of the net in one flat vector, layer by layer', () => {
    const net = buildNetwork({
      inputSize: 2,
      layers: [
        { units: 3, activation: 'relu', batchnorm: {} },
        { units: 1, activation: 'sigmoid' },
      ],
    });
    // layer 0: W 3×2, b 3, γ 3, β 3 = 15; layer 1: W 1×3, b 1 = 4.
    expect(net.paramCount).toBe(19);
    expect(net.layers[1]!.wOffset).toBe(15);
    expect(net.layers[0]!.gammaOffset).toBe(9);
    expect(net.layers[0]!.betaOffset).toBe(12);
    expect(net.layers[1]!.gammaOffset).toBe(-1);
  });

  it('rejects a residual across different widths and names the layer', () => {
    const errors = validateNetworkSpec({
      inputSize: 2,
      layers: [
        { units: 4, activation: 'relu' },
        { units: 3, activation: 'relu', residual: true },
      ],
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('layers[1].residual');
    expect(errors[0]!.message).toContain('4 → 3');
  });

  it('rejects more than 64 layers, widths over 256 and unknown activations', () => {
    const tooDeep = Array.from({ length: 65 }, () => ({
      units: 2,
      activation: 'tanh' as Activation,
    }));
    expect(validateNetworkSpec({ inputSize: 2, layers: tooDeep })[0]!.path).toBe('layers');
    const paths = validateNetworkSpec({
      inputSize: 2,
      layers: [
        { units: 257, activation: 'tanh' },
        { units: 2, activation: 'swish' as Activation },
      ],
    }).map((e) => e.path);
    expect(paths).toEqual(['layers[0].units', 'layers[1].activation']);
  });

  it('a 64-layer × 256-wide net runs forward and backward with finite numbers', () => {
    const net = buildNetwork({
      inputSize: 2,
      layers: Array.from({ length: 64 }, (_, i) => ({
        units: i === 63 ? 1 : 256,
        activation: (i === 63 ? 'sigmoid' : 'tanh') as Activation,
        residual: i > 0 && i < 63,
      })),
    });
    const params = new Float64Array(net.paramCount);
    for (const l of net.layers) {
      const w = layerViews(l, params).W;
      for (let k = 0; k < w.length; k++) w[k] = Math.sin(k + l.index) * 0.05;
    }
    const batch = 4;
    const input = Float64Array.from([0.5, -1, 1, 0.2, -0.3, 0.7, 0, 0]);
    const target = Float64Array.from([1, 0, 1, 0]);
    const grad = new Float64Array(net.paramCount);
    const loss = lossAndGradient(
      net,
      params,
      input,
      target,
      'bce',
      createWorkspace(net, batch),
      grad,
    );
    expect(Number.isFinite(loss)).toBe(true);
    expect(grad.every(Number.isFinite)).toBe(true);
    expect(Math.max(...Array.from(layerViews(net.layers[0]!, grad).W, Math.abs))).toBeGreaterThan(
      0,
    );
  });
});
