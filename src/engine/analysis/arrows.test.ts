import { describe, expect, it } from 'vitest';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES } from '../surfaces';
import type { OptimizerConfig, Scene } from '../types';
import { stepArrows } from './arrows';

const surface = NAMED_SURFACES.rosenbrock!;

function sceneWith(config: OptimizerConfig): Scene {
  return { surface: { id: 'rosenbrock' }, start: [-1.2, 1], steps: 40, optimizers: [config] };
}

function arrow(result: ReturnType<typeof stepArrows>, term: string): readonly [number, number] {
  const a = result!.arrows.find((x) => x.term === term);
  if (!a) throw new Error(`no ${term} arrow`);
  return a.vector;
}

describe('stepArrows', () => {
  it.each<OptimizerConfig>([
    { type: 'sgd', lr: 1e-3 },
    { type: 'sgd', lr: 1e-3, momentum: 0.9 },
    { type: 'sgd', lr: 1e-3, momentum: 0.9, nesterov: true },
    { type: 'adam', lr: 0.05 },
    { type: 'rmsprop', lr: 0.01, momentum: 0.5 },
    { type: 'adagrad', lr: 0.5 },
    { type: 'adadelta', lr: 1 },
    { type: 'adamax', lr: 0.05 },
    { type: 'nadam', lr: 0.05 },
    { type: 'radam', lr: 0.001 }, // its first, unrectified steps are plain momentum steps
  ])('the step arrow of $type is the move the simulated run makes', (config) => {
    const t = simulateOne(surface, [-1.2, 1], 40, config);
    for (const k of [0, 7, 39]) {
      const r = stepArrows(surface, sceneWith(config), 0, k)!;
      expect(r.point).toEqual([t.points[2 * k], t.points[2 * k + 1]]);
      const step = arrow(r, 'step');
      expect(step[0]).toBeCloseTo(t.points[2 * k + 2]! - t.points[2 * k]!, 14);
      expect(step[1]).toBeCloseTo(t.points[2 * k + 3]! - t.points[2 * k + 1]!, 14);
    }
  });

  it('draws −η∇f as the gradient arrow', () => {
    const r = stepArrows(surface, sceneWith({ type: 'adam', lr: 0.05 }), 0, 3)!;
    const g = new Float64Array(2);
    surface.grad(r.point[0], r.point[1], g);
    expect(arrow(r, 'gradient')).toEqual([-0.05 * g[0]!, -0.05 * g[1]!]);
  });

  it('shows heavy-ball SGD stepping exactly along its momentum arrow, and NAG adding the gradient to it', () => {
    const heavy = stepArrows(surface, sceneWith({ type: 'sgd', lr: 1e-3, momentum: 0.9 }), 0, 5)!;
    expect(arrow(heavy, 'step')[0]).toBeCloseTo(arrow(heavy, 'momentum')[0], 15);
    expect(arrow(heavy, 'step')[1]).toBeCloseTo(arrow(heavy, 'momentum')[1], 15);
    const nag = stepArrows(
      surface,
      sceneWith({ type: 'sgd', lr: 1e-3, momentum: 0.9, nesterov: true }),
      0,
      5,
    )!;
    const [gx, gy] = arrow(nag, 'gradient');
    const [bx, by] = arrow(nag, 'momentum');
    expect(arrow(nag, 'step')[0]).toBeCloseTo(gx + 0.9 * bx, 14);
    expect(arrow(nag, 'step')[1]).toBeCloseTo(gy + 0.9 * by, 14);
    expect(heavy.scale).toBeUndefined();
  });

  it("gives Adam's per-coordinate scale as 1/(√v̂ + ε) from its own state", () => {
    const scene = sceneWith({ type: 'adam', lr: 0.05 });
    const r = stepArrows(surface, scene, 0, 10)!;
    // Independent replay of Adam's second moment from the gradients along the run.
    const t = simulateOne(surface, [-1.2, 1], 11, { type: 'adam', lr: 0.05 });
    const g = new Float64Array(2);
    let vx = 0;
    let vy = 0;
    for (let k = 0; k <= 10; k++) {
      surface.grad(t.points[2 * k]!, t.points[2 * k + 1]!, g);
      vx = 0.999 * vx + 0.001 * g[0]! ** 2;
      vy = 0.999 * vy + 0.001 * g[1]! ** 2;
    }
    const bc2 = 1 - 0.999 ** 11;
    expect(r.scale!.values[0]).toBeCloseTo(1 / (Math.sqrt(vx / bc2) + 1e-8), 8);
    expect(r.scale!.values[1]).toBeCloseTo(1 / (Math.sqrt(vy / bc2) + 1e-8), 8);
  });

  it('is undefined past the end of the run', () => {
    expect(stepArrows(surface, sceneWith({ type: 'sgd' }), 0, 40)).toBeUndefined();
    expect(stepArrows(surface, sceneWith({ type: 'sgd' }), 1, 0)).toBeUndefined();
  });
});
