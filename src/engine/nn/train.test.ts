import { describe, expect, it } from 'vitest';
import { generateDataset } from './datasets';
import type { NetworkSpec } from './network';
import { layerViews } from './network';
import { createTrainer, predict } from './train';

const xor = generateDataset({ kind: 'xor', seed: 4, count: 64, noise: 0.05 });
const spec: NetworkSpec = {
  inputSize: 2,
  layers: [
    { units: 8, activation: 'tanh' },
    { units: 8, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
};

function accuracy(out: Float64Array, target: Float64Array): number {
  let right = 0;
  for (let i = 0; i < target.length; i++) if ((out[i]! > 0.5 ? 1 : 0) === target[i]) right++;
  return right / target.length;
}

describe('training', () => {
  it('Adam learns XOR: the loss falls and the points are classified', () => {
    const trainer = createTrainer({
      spec,
      init: { type: 'xavier' },
      seed: 1,
      data: xor,
      loss: 'bce',
      optimizer: { type: 'adam', lr: 0.05 },
    });
    const first = trainer.step().loss;
    let last = first;
    for (let k = 0; k < 300; k++) last = trainer.step().loss;
    expect(last).toBeLessThan(0.1 * first);
    expect(trainer.stepCount).toBe(301);
    expect(accuracy(predict(trainer.net, trainer.params, xor.input, xor.count), xor.target)).toBe(
      1,
    );
  });

  it('the same options replay the same run exactly', () => {
    const run = () => {
      const t = createTrainer({
        spec,
        init: { type: 'he' },
        seed: 9,
        data: xor,
        loss: 'mse',
        optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 },
        batchSize: 16,
      });
      for (let k = 0; k < 20; k++) t.step();
      return Array.from(t.params);
    };
    expect(run()).toEqual(run());
  });

  it('plain SGD takes exactly −lr × gradient on the first step', () => {
    const t = createTrainer({
      spec,
      init: { type: 'xavier' },
      seed: 2,
      data: xor,
      loss: 'bce',
      optimizer: { type: 'sgd', lr: 0.5 },
    });
    const before = Float64Array.from(t.params);
    t.step();
    for (let i = 0; i < before.length; i++)
      expect(t.params[i]).toBeCloseTo(before[i]! - 0.5 * t.grad[i]!, 14);
  });

  it('gradient clipping bounds the gradient the optimizer sees', () => {
    const t = createTrainer({
      spec,
      init: { type: 'normal' },
      seed: 3,
      data: xor,
      loss: 'bce',
      optimizer: { type: 'sgd', lr: 0.01, clip_grad_norm: 0.1 },
    });
    const { gradNorm } = t.step();
    expect(gradNorm).toBeGreaterThan(0.1);
    const clipped = Math.hypot(...t.grad);
    expect(clipped).toBeLessThanOrEqual(0.1 + 1e-12);
    expect(clipped).toBeGreaterThan(0.099);
  });

  it('a schedule lowers the learning rate step by step', () => {
    const t = createTrainer({
      spec,
      init: { type: 'xavier' },
      seed: 3,
      data: xor,
      loss: 'bce',
      optimizer: { type: 'sgd', lr: 0.1, schedule: { type: 'exponential', gamma: 0.9 } },
    });
    expect(t.step().lr).toBeCloseTo(0.1, 15);
    expect(t.step().lr).toBeCloseTo(0.09, 15);
    expect(t.step().lr).toBeCloseTo(0.081, 15);
  });

  it('mini-batches visit every sample once per epoch', () => {
    const data = generateDataset({ kind: 'moons', seed: 1, count: 12 });
    // A linear net whose bias gradient is the batch mean of (y − t): sums over an epoch reveal coverage.
    const t = createTrainer({
      spec: { inputSize: 2, layers: [{ units: 1, activation: 'linear' }] },
      init: { type: 'zero' },
      seed: 5,
      data,
      loss: 'mse',
      optimizer: { type: 'sgd', lr: 0 },
      batchSize: 4,
    });
    let sum = 0;
    for (let k = 0; k < 3; k++) {
      t.step();
      sum += layerViews(t.net.layers[0]!, t.grad).b[0]! * 4;
    }
    // With zero weights y = 0, so Σ over the epoch of (y − t) = −(number of class-1 points).
    expect(sum).toBeCloseTo(-6, 12);
  });

  it('batch norm nets train, and evaluation with running statistics tracks the training loss', () => {
    const data = generateDataset({ kind: 'circles', seed: 2, count: 128, noise: 0.05 });
    const t = createTrainer({
      spec: {
        inputSize: 2,
        layers: [
          { units: 16, activation: 'relu', batchnorm: {} },
          { units: 16, activation: 'relu', batchnorm: {}, residual: true },
          { units: 1, activation: 'sigmoid' },
        ],
      },
      init: { type: 'he' },
      seed: 8,
      data,
      loss: 'bce',
      optimizer: { type: 'adam', lr: 0.02 },
      batchSize: 32,
    });
    const start = t.evaluate('train');
    for (let k = 0; k < 400; k++) t.step();
    const trained = t.evaluate('train');
    expect(trained).toBeLessThan(0.3 * start);
    expect(t.evaluate('eval')).toBeLessThan(2 * trained + 0.05);
  });
});
