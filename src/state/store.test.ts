import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { simulate } from '../engine/simulate';
import { useDescent } from './store';
import type { DescentState } from './store';

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

describe('a slider tick (one optimizer changed)', () => {
  it('writes scene and trajectories in one store update, re-simulating only that optimizer', () => {
    const scene = { ...DEFAULT_SCENE, steps: 10_000 };
    expect(useDescent.getState().commitScene(scene)).toEqual([]);
    const { scene: current, surface } = useDescent.getState();
    useDescent.setState({ trajectories: simulate(current, surface), trajectoriesScene: current });
    const before = useDescent.getState();

    const updates: DescentState[] = [];
    const stop = useDescent.subscribe((state) => updates.push(state));
    const errors = before.updateOptimizer(2, { ...before.scene.optimizers[2]!, lr: 0.05 });
    stop();

    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    const after = updates[0]!;
    expect(after.scene.optimizers[2]!.lr).toBe(0.05);
    expect(after.trajectoriesScene).toBe(after.scene);
    // The changed optimizer has a new path, equal to a full simulation of the new scene…
    expect(after.trajectories[2]).not.toBe(before.trajectories[2]);
    expect(after.trajectories[2]).toEqual(simulate(after.scene, after.surface)[2]);
    // …and the others keep their arrays, so what draws them can tell by identity.
    for (const i of [0, 1, 3, 4, 5, 6]) expect(after.trajectories[i]).toBe(before.trajectories[i]);
    // The unchanged configs and the start keep their objects too: the rows, legend entries and
    // start fields they feed are memoised on them, so a tick re-renders only what it changed.
    for (const i of [0, 1, 3, 4, 5, 6])
      expect(after.scene.optimizers[i]).toBe(before.scene.optimizers[i]);
    expect(after.scene.optimizers[2]).not.toBe(before.scene.optimizers[2]);
    expect(after.scene.start).toBe(before.scene.start);
  });

  it('a commit that changes nothing keeps the optimizer list itself', () => {
    const before = useDescent.getState().scene;
    expect(useDescent.getState().commitScene(JSON.parse(JSON.stringify(before)))).toEqual([]);
    const after = useDescent.getState().scene;
    expect(after.optimizers).toBe(before.optimizers);
    expect(after.start).toBe(before.start);
  });

  it('leaves a change of the step count to the worker: the old paths stay until it answers', () => {
    const before = useDescent.getState();
    expect(before.trajectoriesScene).toBe(before.scene);
    expect(before.commitScene({ ...before.scene, steps: 300 })).toEqual([]);
    const after = useDescent.getState();
    expect(after.trajectoriesScene).toBe(before.scene);
    expect(after.trajectories).toBe(before.trajectories);
  });
});

describe('a pending question holds playback (predict-then-run)', () => {
  it('no step, drag or play moves the run off step 0 until the hold ends; then they do', () => {
    const s = useDescent.getState();
    s.setCursor(7);
    s.setHeld(true);
    // Holding takes the run back to its start.
    expect(useDescent.getState().cursor).toBe(0);
    useDescent.getState().stepBy(1);
    useDescent.getState().setCursor(30);
    useDescent.getState().togglePlaying();
    expect(useDescent.getState().cursor).toBe(0);
    expect(useDescent.getState().playing).toBe(false);
    useDescent.getState().setHeld(false);
    useDescent.getState().stepBy(1);
    expect(useDescent.getState().cursor).toBe(1);
    useDescent.getState().togglePlaying();
    expect(useDescent.getState().playing).toBe(true);
    useDescent.getState().setPlaying(false);
  });
});
