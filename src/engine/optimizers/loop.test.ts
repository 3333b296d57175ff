import { describe, expect, it } from 'vitest';
import './all';
import { datasetSurface, makeDataset } from '../analysis/dataset';
import { simulateMiniBatch } from '../analysis/minibatch';
import { inspectStep } from '../inspectStep';
import { simulateOne } from '../simulate';
import type { OptimizerConfig, Scene } from '../types';
import { createTorchRun, runTorchLoop, torchStep } from './loop';
import { ScheduleError } from './schedule';

/** f = ½(x² + y²): ∇f = (x, y). */
const bowl = {
  at(_k: number, p: Float64Array, g: Float64Array): number {
    g[0] = p[0]!;
    g[1] = p[1]!;
    return 0.5 * (p[0]! ** 2 + p[1]! ** 2);
  },
};

describe('torchStep', () => {
  it('clips, steps at the schedule lr, then steps the schedule (torch order)', () => {
    const run = createTorchRun(
      {
        type: 'sgd',
        lr: 0.5,
        clip_grad_norm: 1,
        schedule: { type: 'step', step_size: 1, gamma: 0.1 },
      },
      2,
      10,
    );
    const p = new Float64Array([3, 4]);
    const g = new Float64Array([3, 4]);
    const first = torchStep(run, p, g, 12.5);
    // ‖g‖ = 5 is reported before clipping; the step moves by lr · g/‖g‖ (torch's 1e-6 in the norm).
    expect(first.gradNorm).toBe(5);
    expect(first.lr).toBe(0.5);
    expect(p[0]).toBeCloseTo(3 - 0.5 * (3 / 5), 5);
    expect(p[1]).toBeCloseTo(4 - 0.5 * (4 / 5), 5);
    // The scheduler stepped after the optimizer: the next step uses γ · lr.
    g.set([0, 1]);
    expect(torchStep(run, p, g, 0).lr).toBeCloseTo(0.05, 15);
  });

  it('holds the lr once a schedule ends only when asked (the lab), and raises otherwise', () => {
    const config: OptimizerConfig = {
      type: 'sgd',
      lr: 0.1,
      schedule: { type: 'onecycle', max_lr: 1, total_steps: 2 },
    };
    const step = (hold: boolean): number[] => {
      const run = createTorchRun(config, 2, 2, { holdScheduleEnd: hold });
      const p = new Float64Array([1, 1]);
      const g = new Float64Array(2);
      const lrs: number[] = [];
      for (let k = 0; k < 4; k++) {
        bowl.at(k, p, g);
        lrs.push(torchStep(run, p, g, 0).lr);
      }
      return lrs;
    };
    const held = step(true);
    expect(held[3]).toBe(held[2]);
    expect(() => step(false)).toThrow(ScheduleError);
  });
});

describe('runTorchLoop', () => {
  it('stops at the first non-finite loss and keeps the finite prefix', () => {
    // f = log(x), ∇f = 1/x: SGD at lr 1 from x = 0.5 jumps past 0, where log is not defined.
    const run = createTorchRun({ type: 'sgd', lr: 1 }, 1, 10);
    const p = new Float64Array([0.5]);
    const g = new Float64Array(1);
    const xs: number[] = [];
    const end = runTorchLoop(run, p, g, 10, {
      at(_k, q, grad) {
        xs.push(q[0]!);
        grad[0] = 1 / q[0]!;
        return Math.log(q[0]!);
      },
    });
    // 0.5 → 0.5 − 2 = −1.5, where log is NaN: one finite point, diverged by leaving the domain.
    expect(xs).toEqual([0.5, -1.5]);
    expect(end).toEqual({ reached: 1, diverged: true, leftDomain: true });
  });

  it('reaches steps + 1 points when every value stays finite, and afterStep can end it early', () => {
    const full = createTorchRun({ type: 'adam', lr: 0.1 }, 2, 5);
    expect(runTorchLoop(full, new Float64Array([1, 2]), new Float64Array(2), 5, bowl)).toEqual({
      reached: 6,
      diverged: false,
    });
    const early = createTorchRun({ type: 'adam', lr: 0.1 }, 2, 5);
    const seen: number[] = [];
    const end = runTorchLoop(early, new Float64Array([1, 2]), new Float64Array(2), 5, bowl, (k) => {
      seen.push(k);
      return k < 2;
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(end).toEqual({ reached: 3, diverged: false });
  });
});

describe('one loop for every caller', () => {
  const data = makeDataset('linear', 40, 3);
  const surface = datasetSurface(data);
  const configs: OptimizerConfig[] = [
    { type: 'sgd', lr: 0.05, momentum: 0.9, clip_grad_norm: 2 },
    { type: 'adam', lr: 0.1, schedule: { type: 'cosine', t_max: 20 } },
    { type: 'rprop', lr: 0.01 },
    { type: 'lbfgs', lr: 0.5 },
  ];
  for (const config of configs) {
    it(`${config.type}: a full-batch mini-batch path, the scene path and inspectStep agree`, () => {
      const start = [0, 0] as const;
      const scenePath = simulateOne(surface, start, 20, config);
      const batchPath = simulateMiniBatch(data, start, 20, config, data.n, 1);
      expect(batchPath.length).toBe(scenePath.length);
      for (let i = 0; i < 2 * scenePath.length; i++) {
        expect(batchPath.points[i]).toBeCloseTo(scenePath.points[i]!, 9);
      }
      const scene: Scene = {
        surface: { id: 'quadratic' },
        start: [0, 0],
        steps: 20,
        optimizers: [config],
      };
      const k = 7;
      const step = inspectStep(surface, scene, 0, k)!;
      expect(step.point).toEqual([scenePath.points[2 * k], scenePath.points[2 * k + 1]]);
      expect(step.lr).toBe(scenePath.lrs![k]);
      expect(step.point[0] + step.update[0]).toBeCloseTo(scenePath.points[2 * k + 2]!, 12);
    });
  }
});

describe('runTorchLoop: why a run stopped', () => {
  /** f = √x + y²: defined for x ≥ 0 only. */
  const sqrtBowl = {
    at(_k: number, p: Float64Array, g: Float64Array): number {
      g[0] = 0.5 / Math.sqrt(p[0]!);
      g[1] = 2 * p[1]!;
      return Math.sqrt(p[0]!) + p[1]! ** 2;
    },
  };

  it('a step to a finite point where f is NaN left the domain', () => {
    // From x = 0.5 with lr 2: x − 2·(0.5/√0.5) ≈ −0.91, where √x is NaN.
    const params = Float64Array.of(0.5, 1);
    const end = runTorchLoop(
      createTorchRun({ type: 'sgd', lr: 2 }, 2, 50),
      params,
      new Float64Array(2),
      50,
      sqrtBowl,
    );
    expect(end).toEqual({ reached: 1, diverged: true, leftDomain: true });
    expect(params[0]).toBeLessThan(0);
  });

  it('an overflow is a divergence, not a domain', () => {
    const end = runTorchLoop(
      createTorchRun({ type: 'sgd', lr: 100 }, 2, 500),
      Float64Array.of(-4, 2),
      new Float64Array(2),
      500,
      bowl,
    );
    expect(end.diverged).toBe(true);
    expect(end.leftDomain).toBeUndefined();
  });
});
