import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { useDescent } from './store';

describe('store', () => {
  it('a learning-rate change keeps the surface, so the contour layer is not recomputed', () => {
    const before = useDescent.getState();
    const errors = before.updateOptimizer(0, { ...DEFAULT_SCENE.optimizers[0]!, lr: 0.2 });
    expect(errors).toEqual([]);
    const after = useDescent.getState();
    expect(after.scene.optimizers[0]!.lr).toBe(0.2);
    expect(after.scene.surface).toBe(before.scene.surface);
    expect(after.surface).toBe(before.surface);
  });

  it('a new surface replaces it and resets the zoom', () => {
    const before = useDescent.getState();
    expect(before.commitScene({ ...before.scene, surface: { id: 'rosenbrock' } })).toEqual([]);
    const after = useDescent.getState();
    expect(after.surface.id).toBe('rosenbrock');
    expect(after.domain).toBeNull();
  });

  it('an invalid change is refused with the field named, and the last good scene stays', () => {
    const before = useDescent.getState().scene;
    const errors = useDescent.getState().updateOptimizer(0, { type: 'sgd', lr: -1 });
    expect(errors.map((e) => e.path)).toEqual(['optimizers[0].lr']);
    expect(useDescent.getState().scene).toBe(before);
  });
});
