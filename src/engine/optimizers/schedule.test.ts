import { describe, expect, it } from 'vitest';
import type { Schedule } from '../types';
import { createScheduler } from './schedule';

/** The lr each of the first `epochs` optimizer steps runs at. */
function lrs(schedule: Schedule | undefined, baseLr: number, epochs: number): number[] {
  const scheduler = createScheduler(schedule, baseLr);
  const out: number[] = [];
  for (let i = 0; i < epochs; i++) {
    out.push(scheduler.lr);
    scheduler.step();
  }
  return out;
}

describe('learning-rate schedules', () => {
  it('without a schedule the lr stays put', () => {
    expect(lrs(undefined, 0.3, 4)).toEqual([0.3, 0.3, 0.3, 0.3]);
  });

  // Reference sequences below were printed by torch 1.13's lr_scheduler (SGD lr as given,
  // param_groups[0]['lr'] before each optimizer.step(), scheduler.step() after it).
  it('exponential multiplies by gamma after every step, as torch ExponentialLR', () => {
    expect(lrs({ type: 'exponential', gamma: 0.9 }, 0.1, 5)).toEqual([
      0.1, 0.09000000000000001, 0.08100000000000002, 0.07290000000000002, 0.06561000000000002,
    ]);
  });

  it('step decays by gamma every step_size steps, as torch StepLR', () => {
    expect(lrs({ type: 'step', step_size: 3, gamma: 0.5 }, 1, 8)).toEqual([
      1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25,
    ]);
  });

  it("cosine follows torch CosineAnnealingLR's recursive values over more than one period", () => {
    expect(lrs({ type: 'cosine', t_max: 3, eta_min: 0.1 }, 1, 10)).toEqual([
      1.0, 0.775, 0.3250000000000001, 0.1, 0.32499999999999996, 0.7750000000000005,
      1.0000000000000007, 0.7750000000000007, 0.3250000000000005, 0.1,
    ]);
  });

  it('cosine with t_max = 1 alternates between the base lr and eta_min', () => {
    expect(lrs({ type: 'cosine', t_max: 1, eta_min: 0.01 }, 1, 6)).toEqual([
      1, 0.01, 1, 0.01, 1, 0.01,
    ]);
  });

  it('cosine stays within 1e-12 of the closed form eta_min + (lr - eta_min)(1 + cos(pi t / T)) / 2', () => {
    for (const tMax of [2, 5, 7, 50]) {
      const values = lrs({ type: 'cosine', t_max: tMax, eta_min: 0.001 }, 0.5, 4 * tMax + 3);
      values.forEach((lr, t) => {
        const closed = 0.001 + ((0.5 - 0.001) * (1 + Math.cos((Math.PI * t) / tMax))) / 2;
        expect(Math.abs(lr - closed)).toBeLessThan(1e-12);
      });
    }
  });
});
