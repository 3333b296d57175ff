import { describe, expect, it } from 'vitest';
import replay from '../__fixtures__/noise/replay.json';
import { NAMED_SURFACES } from '../surfaces';
import type { OptimizerConfig } from '../types';
import type { GradientNoise } from './gradient-noise';
import { simulateNoisy } from './simulate-noisy';

/** A GradientNoise that adds recorded perturbations: what an exported script replays. */
function recordedNoise(deltas: readonly (readonly number[])[]): GradientNoise {
  return {
    spec: { type: 'gaussian', scale: 0, seed: 0 },
    perturb(k, _x, _y, g) {
      g[0] = g[0]! + deltas[k]![0]!;
      g[1] = g[1]! + deltas[k]![1]!;
    },
    perturbation: (k) => [deltas[k]![0]!, deltas[k]![1]!],
    recorded: () => Float64Array.from(deltas.flat()),
  };
}

describe(`noisy runs replay in torch ${replay.torch} (p.grad += δ_k before clip and step)`, () => {
  for (const c of replay.cases) {
    it(c.name, () => {
      const t = simulateNoisy(
        NAMED_SURFACES.quadratic!,
        [c.start[0]!, c.start[1]!],
        c.steps,
        c.config as OptimizerConfig,
        recordedNoise(c.deltas),
      );
      expect(t.length).toBe(c.points.length);
      c.points.forEach(([x, y], k) => {
        expect(Math.abs(t.points[2 * k]! - x!)).toBeLessThan(1e-12 * (1 + Math.abs(x!)));
        expect(Math.abs(t.points[2 * k + 1]! - y!)).toBeLessThan(1e-12 * (1 + Math.abs(y!)));
      });
    });
  }
});
