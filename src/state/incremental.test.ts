import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { simulate } from '../engine/simulate';
import { resolveSurface } from '../engine/surfaces';
import type { Scene, Surface } from '../engine/types';
import { localTrajectories, sameDynamics } from './incremental';

function surfaceOf(scene: Scene): Surface {
  const resolved = resolveSurface(scene.surface);
  if (!resolved.ok) throw new Error('surface does not resolve');
  return resolved.surface;
}

const scene: Scene = { ...DEFAULT_SCENE, steps: 300 };
const surface = surfaceOf(scene);
const base = simulate(scene, surface);

function withLr(s: Scene, index: number, lr: number): Scene {
  return {
    ...s,
    optimizers: s.optimizers.map((o, i) => (i === index ? { ...o, lr } : o)),
  };
}

describe('local re-simulation of a slider change', () => {
  it('a learning-rate change re-simulates that optimizer alone and equals a full run', () => {
    const next = withLr(scene, 2, 0.037);
    const local = localTrajectories(scene, base, next, surface);
    expect(local).not.toBeNull();
    const full = simulate(next, surface);
    local!.forEach((t, i) => {
      expect(Array.from(t.points.subarray(0, 2 * t.length))).toEqual(
        Array.from(full[i]!.points.subarray(0, 2 * full[i]!.length)),
      );
      expect(t.diverged).toBe(full[i]!.diverged);
      // The untouched optimizers keep their very arrays, so the charts skip them.
      if (i !== 2) expect(t).toBe(base[i]);
      else expect(t).not.toBe(base[2]);
    });
  });

  it('a colour, name or visibility change keeps every trajectory', () => {
    const next: Scene = {
      ...scene,
      optimizers: scene.optimizers.map((o, i) =>
        i === 0 ? { ...o, color: '#123456', label: 'renamed', hidden: true } : o,
      ),
    };
    const local = localTrajectories(scene, base, next, surface);
    expect(local).toEqual(base);
    local!.forEach((t, i) => expect(t).toBe(base[i]));
  });

  it('a new surface, start point or step count is left to the worker', () => {
    const other: Scene = { ...scene, surface: { id: 'rosenbrock' } };
    expect(localTrajectories(scene, base, other, surfaceOf(other))).toBeNull();
    expect(localTrajectories(scene, base, { ...scene, start: [1, 1] }, surface)).toBeNull();
    expect(localTrajectories(scene, base, { ...scene, steps: 301 }, surface)).toBeNull();
    expect(
      localTrajectories(scene, base, { ...scene, optimizers: scene.optimizers.slice(1) }, surface),
    ).toBeNull();
  });

  it('changes that would simulate more than the budget here are left to the worker', () => {
    const next = withLr(withLr(scene, 0, 0.01), 1, 0.02);
    expect(localTrajectories(scene, base, next, surface, 599)).toBeNull();
    expect(localTrajectories(scene, base, next, surface, 600)).not.toBeNull();
  });

  it('optimizer settings compare by value, display fields aside', () => {
    expect(
      sameDynamics({ type: 'adam', betas: [0.9, 0.99] }, { type: 'adam', betas: [0.9, 0.99] }),
    ).toBe(true);
    expect(
      sameDynamics({ type: 'adam', betas: [0.9, 0.99] }, { type: 'adam', betas: [0.9, 0.999] }),
    ).toBe(false);
    expect(sameDynamics({ type: 'sgd', lr: 0.1 }, { type: 'sgd', lr: 0.1, momentum: 0.9 })).toBe(
      false,
    );
    expect(
      sameDynamics({ type: 'sgd', lr: 0.1 }, { type: 'sgd', lr: 0.1, label: 'x', hidden: false }),
    ).toBe(true);
  });
});

describe('localTrajectories with gradient noise', () => {
  const pathOf = (t: { points: Float64Array; length: number }) =>
    Array.from(t.points.subarray(0, 2 * t.length));

  it('re-simulates one changed optimizer on the main thread exactly as the whole scene, and never across a noise change', () => {
    const noisy: Scene = {
      ...DEFAULT_SCENE,
      noise: { type: 'hessian', scale: 0.8, seed: 0 },
    };
    const quadratic = surfaceOf(noisy);
    const before = simulate(noisy, quadratic);
    const next: Scene = {
      ...noisy,
      optimizers: [
        noisy.optimizers[0]!,
        { type: 'sgd', lr: 0.05, momentum: 0.9 },
        noisy.optimizers[2]!,
      ],
    };
    const local = localTrajectories(noisy, before, next, quadratic)!;
    expect(local[0]).toBe(before[0]);
    expect(pathOf(local[1]!)).toEqual(pathOf(simulate(next, quadratic)[1]!));
    expect(
      localTrajectories(
        noisy,
        before,
        { ...noisy, noise: { type: 'gaussian', scale: 0.8, seed: 0 } },
        quadratic,
      ),
    ).toBeNull();
    expect(localTrajectories(noisy, before, DEFAULT_SCENE, quadratic)).toBeNull();
  });
});
