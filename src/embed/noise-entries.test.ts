/**
 * One noisy scene through every entry point (issue 14): the embed API (JSON and URL text), the
 * address bar, the worker's handler, the first frame and the CLI all run the same seeded paths.
 */
import { describe, expect, it } from 'vitest';
import { runTrajectory } from '../cli/trajectory';
import { encodeSceneParam } from '../engine/scene-url';
import type { Scene, Trajectory } from '../engine/types';
import { computeFirstFrame } from '../state/firstFrame';
import { readQuery } from '../state/url';
import { useDescent } from '../state/store';
import { computeTrajectories } from '../worker/handlers';
import { parseEmbedMessage } from './messages';

const SCENE: Scene = {
  surface: { id: 'bumps' },
  start: [3, -3],
  steps: 80,
  optimizers: [
    { type: 'sgd', lr: 0.5 },
    { type: 'adam', lr: 0.1 },
  ],
  noise: { type: 'minibatch', batch_size: 3, seed: 42 },
};

const points = (t: Trajectory): number[][] => {
  const out: number[][] = [];
  for (let k = 0; k < t.length; k++) out.push([t.points[2 * k]!, t.points[2 * k + 1]!]);
  return out;
};

describe('a noisy scene at every entry point', () => {
  it('gives the CLI its paths through the embed API, the URL, the worker and the first frame', () => {
    const cli = runTrajectory(SCENE);
    if (!cli.ok) expect.fail(JSON.stringify(cli.errors));
    const expected = cli.output.trajectories.map((t) => t.points);
    // The seed matters: another one gives other paths.
    const other = runTrajectory({ ...SCENE, noise: { ...SCENE.noise!, seed: 43 } });
    if (!other.ok) expect.fail(JSON.stringify(other.errors));
    expect(other.output.trajectories[0]!.points).not.toEqual(expected[0]);

    const scenes: Scene[] = [];
    for (const scene of [SCENE, encodeSceneParam(SCENE)]) {
      const parsed = parseEmbedMessage({ type: 'descent:set-scene', scene });
      if (parsed.kind !== 'command' || parsed.command.type !== 'set-scene') {
        expect.fail(JSON.stringify(parsed));
      }
      scenes.push(parsed.command.scene);
    }
    const fromUrl = readQuery(`?scene=${encodeSceneParam(SCENE)}`);
    expect(fromUrl.errors).toEqual([]);
    scenes.push(fromUrl.scene);
    for (const scene of scenes) {
      expect(scene).toEqual(SCENE);
      expect(computeTrajectories(scene).map(points)).toEqual(expected);
    }
    const state = useDescent.getState();
    expect(state.commitScene(SCENE)).toEqual([]);
    const frame = computeFirstFrame(useDescent.getState());
    expect(frame.trajectories?.map(points)).toEqual(expected);
  });
});
