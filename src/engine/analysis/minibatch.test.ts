import { describe, expect, it } from 'vitest';
import { simulateOne } from '../simulate';
import type { OptimizerConfig } from '../types';
import type { RegressionDataset } from './dataset';
import { batchGradient, datasetOptimum, datasetSurface, makeDataset } from './dataset';
import { BatchSampler, simulateMiniBatch } from './minibatch';

const linear = makeDataset('linear', 60, 7);
const logistic = makeDataset('logistic', 60, 7);

function fullGradient(data: RegressionDataset, w: number, b: number): [number, number] {
  const g = new Float64Array(2);
  datasetSurface(data).grad(w, b, g);
  return [g[0]!, g[1]!];
}

describe('makeDataset / datasetSurface', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    expect(makeDataset('linear', 60, 7)).toEqual(linear);
    expect(makeDataset('linear', 60, 8).inputs).not.toEqual(linear.inputs);
    expect(new Set(logistic.targets)).toEqual(new Set([0, 1]));
  });

  it('puts the exact least-squares solution at zero gradient, near the generating line', () => {
    const [w, b] = datasetSurface(linear).minima[0]!;
    const [gw, gb] = fullGradient(linear, w, b);
    expect(Math.hypot(gw, gb)).toBeLessThan(1e-12);
    expect(Math.abs(w - linear.truth[0])).toBeLessThan(0.4);
    expect(Math.abs(b - linear.truth[1])).toBeLessThan(0.4);
  });

  it('finds the logistic optimum numerically: zero gradient and the lowest loss around it', () => {
    const surface = datasetSurface(logistic);
    const [w, b] = surface.minima[0]!;
    expect(Math.hypot(...fullGradient(logistic, w, b))).toBeLessThan(1e-8);
    for (const [dx, dy] of [
      [0.01, 0],
      [0, -0.01],
      [-0.01, 0.01],
    ]) {
      expect(surface.f(w + dx!, b + dy!)).toBeGreaterThan(surface.f(w, b));
    }
  });

  it('has no optimum for separable logistic data (it lies at infinity)', () => {
    const separable: RegressionDataset = {
      ...logistic,
      n: 4,
      inputs: new Float64Array([-2, -1, 1, 2]),
      targets: new Float64Array([0, 0, 1, 1]),
    };
    expect(datasetOptimum(separable)).toBeUndefined();
    expect(datasetSurface(separable).minima).toEqual([]);
  });

  it.each([
    ['linear', linear],
    ['logistic', logistic],
  ] as const)('%s: gradient and Hessian agree with finite differences', (_kind, data) => {
    const s = datasetSurface(data);
    const h = 1e-6;
    const g = new Float64Array(2);
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    const hess = new Float64Array(3);
    for (const [w, b] of [
      [0, 0],
      [1.3, -0.4],
    ] as const) {
      s.grad(w, b, g);
      expect(g[0]).toBeCloseTo((s.f(w + h, b) - s.f(w - h, b)) / (2 * h), 6);
      expect(g[1]).toBeCloseTo((s.f(w, b + h) - s.f(w, b - h)) / (2 * h), 6);
      s.hessian(w, b, hess);
      s.grad(w + h, b, gp);
      s.grad(w - h, b, gm);
      expect(hess[0]).toBeCloseTo((gp[0]! - gm[0]!) / (2 * h), 5);
      expect(hess[1]).toBeCloseTo((gp[1]! - gm[1]!) / (2 * h), 5);
      s.grad(w, b + h, gp);
      s.grad(w, b - h, gm);
      expect(hess[2]).toBeCloseTo((gp[1]! - gm[1]!) / (2 * h), 5);
    }
  });

  it('frames the minimum and the origin in its domain', () => {
    const s = datasetSurface(linear);
    const [w, b] = s.minima[0]!;
    for (const [x, y] of [
      [w, b],
      [0, 0],
    ]) {
      expect(x).toBeGreaterThan(s.domain.x[0]);
      expect(x).toBeLessThan(s.domain.x[1]);
      expect(y).toBeGreaterThan(s.domain.y[0]);
      expect(y).toBeLessThan(s.domain.y[1]);
    }
  });
});

describe('mini-batch sampling', () => {
  it.each([10, 7])(
    'averages to the full gradient over an epoch (batch size %d of 60)',
    (batchSize) => {
      const sampler = new BatchSampler(60, batchSize, 3);
      const g = new Float64Array(2);
      let sw = 0;
      let sb = 0;
      const seen = new Uint8Array(60);
      const batches = Math.ceil(60 / batchSize);
      for (let k = 0; k < batches; k++) {
        sampler.next();
        expect(sampler.epoch).toBe(1);
        for (let j = sampler.from; j < sampler.to; j++) seen[sampler.order[j]!]!++;
        batchGradient(linear, sampler.order, sampler.from, sampler.to, 0.5, 0.5, g);
        // Weighted by batch size: the last batch is smaller when N is not a multiple.
        sw += g[0]! * (sampler.to - sampler.from);
        sb += g[1]! * (sampler.to - sampler.from);
      }
      expect(Array.from(seen)).toEqual(new Array(60).fill(1)); // without replacement
      const [gw, gb] = fullGradient(linear, 0.5, 0.5);
      expect(sw / 60).toBeCloseTo(gw, 12);
      expect(sb / 60).toBeCloseTo(gb, 12);
      // And a single batch is a genuine sample, not the full gradient.
      batchGradient(linear, sampler.order, 0, batchSize, 0.5, 0.5, g);
      expect(g[0]).not.toBeCloseTo(gw, 3);
    },
  );

  it('reshuffles every epoch', () => {
    const sampler = new BatchSampler(60, 60 - 1, 3);
    sampler.next();
    const first = Array.from(sampler.order);
    sampler.next(); // the one-example remainder of epoch 1
    sampler.next();
    expect(sampler.epoch).toBe(2);
    expect(Array.from(sampler.order)).not.toEqual(first);
  });
});

describe('simulateMiniBatch', () => {
  const config: OptimizerConfig = { type: 'sgd', lr: 0.1 };

  it('with batch size N is exactly full-batch gradient descent', () => {
    for (const data of [linear, logistic]) {
      const mini = simulateMiniBatch(data, [0, 0], 100, config, data.n, 42);
      const full = simulateOne(datasetSurface(data), [0, 0], 100, config);
      expect(mini).toEqual(full);
    }
  });

  it('follows the same path for the same seed and a different one for another seed', () => {
    const a = simulateMiniBatch(linear, [0, 0], 80, config, 8, 1);
    const b = simulateMiniBatch(linear, [0, 0], 80, config, 8, 1);
    const c = simulateMiniBatch(linear, [0, 0], 80, config, 8, 2);
    expect(a).toEqual(b);
    expect(Array.from(a.points.subarray(2, 4))).not.toEqual(Array.from(c.points.subarray(2, 4)));
  });

  it('records the full-batch loss at every point it visits', () => {
    const surface = datasetSurface(linear);
    const t = simulateMiniBatch(linear, [0, 0], 30, config, 5, 9);
    for (let k = 0; k < t.length; k++) {
      expect(t.losses[k]).toBe(surface.f(t.points[2 * k]!, t.points[2 * k + 1]!));
    }
  });

  it('keeps wandering near the optimum with batch size 1 while full-batch GD settles', () => {
    const [w, b] = datasetSurface(linear).minima[0]!;
    const distance = (batchSize: number) => {
      const t = simulateMiniBatch(linear, [0, 0], 600, { type: 'sgd', lr: 0.05 }, batchSize, 5);
      let spread = 0;
      for (let k = 500; k < t.length; k++) {
        spread = Math.max(spread, Math.hypot(t.points[2 * k]! - w, t.points[2 * k + 1]! - b));
      }
      return spread;
    };
    expect(distance(linear.n)).toBeLessThan(1e-6);
    expect(distance(1)).toBeGreaterThan(0.02);
    expect(distance(1)).toBeLessThan(1.5);
  });
});
