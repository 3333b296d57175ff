/**
 * The optimizers alone against torch.optim: each fixture trajectory is replayed by feeding the
 * gradients torch recorded into our optimizer, clip and scheduler, so a mismatch here is ours
 * and not the surface code's.
 */
import { describe, expect, it } from 'vitest';
import { closeToTorch, TORCH_CASES, TORCH_VERSION } from '../__fixtures__/optim/fixture';
import { clipGradNorm, createOptimizer, createScheduler, resolvedLr } from './index';

describe('optimizers replayed on torch gradients', () => {
  it('come from torch 2.x', () => {
    expect(TORCH_VERSION).toMatch(/^2\./);
  });

  for (const c of TORCH_CASES) {
    c.scene.optimizers.forEach((config, index) => {
      // L-BFGS evaluates f itself inside a step: only the whole simulation can replay it.
      if (config.type === 'lbfgs') return;
      const expected = c.trajectories[index]!;
      const label = `${c.name}: #${index} ${JSON.stringify(config)}`;
      it(`${label} matches torch step by step`, () => {
        const params = Float64Array.from(c.scene.start);
        const grad = new Float64Array(2);
        const optimizer = createOptimizer(config, 2);
        const scheduler = createScheduler(config.schedule, resolvedLr(config));
        const mismatches: string[] = [];
        for (let k = 0; k + 1 < expected.points.length; k++) {
          grad.set(expected.grads[k]!);
          if (config.clip_grad_norm !== undefined) clipGradNorm(grad, config.clip_grad_norm);
          optimizer.step(params, grad, scheduler.lr);
          scheduler.step();
          const want = expected.points[k + 1]!;
          const ax = expected.ax?.[k + 1];
          const ours = optimizer.averaged?.();
          if (ax !== undefined) {
            for (let i = 0; i < 2; i++) {
              if (ours === undefined || !closeToTorch(ours[i]!, ax[i]!)) {
                mismatches.push(`step ${k + 1} ax[${i}]: ours ${ours?.[i]}, torch ${ax[i]}`);
              }
            }
          }
          for (let i = 0; i < 2; i++) {
            if (!closeToTorch(params[i]!, want[i]!)) {
              mismatches.push(`step ${k + 1}[${i}]: ours ${params[i]}, torch ${want[i]}`);
            }
          }
        }
        expect(mismatches.slice(0, 5)).toEqual([]);
      });
    });
  }
});
