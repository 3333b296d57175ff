import { describe, expect, it } from 'vitest';
import { CLASSICS_SCENE } from '../../engine/scene';
import type { Scene } from '../../engine/types';
import { computeTrajectories } from '../../worker/handlers';
import { describePosition } from './announce';

describe('what the live region says', () => {
  it('names the selected optimizer with its step, loss and position', () => {
    const trajectories = computeTrajectories(CLASSICS_SCENE);
    expect(describePosition(CLASSICS_SCENE, trajectories, 6, 0)).toBe(
      'Adam: step 0 of 200, loss 5.6, at x −4, y 2',
    );
    expect(describePosition(CLASSICS_SCENE, trajectories, 0, 1)).toMatch(
      /^SGD: step 1 of 200, loss [\d.]+, at x −3\.92, y 1\.6$/,
    );
  });

  it('says when the selected run diverged before the step shown', () => {
    const scene: Scene = {
      ...CLASSICS_SCENE,
      surface: { id: 'quadratic' },
      optimizers: [{ type: 'sgd', lr: 5, label: 'Wild' }],
    };
    const trajectories = computeTrajectories(scene);
    const last = trajectories[0]!.length - 1;
    expect(last).toBeLessThan(scene.steps);
    expect(describePosition(scene, trajectories, 0, scene.steps)).toBe(
      `Wild diverged after step ${last}; step ${scene.steps} has no position`,
    );
  });

  it('says nothing when there is no optimizer', () => {
    expect(describePosition({ ...CLASSICS_SCENE, optimizers: [] }, [], 0, 3)).toBe('');
  });
});
