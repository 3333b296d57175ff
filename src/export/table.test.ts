import { describe, expect, it } from 'vitest';
import { parseScene } from '../engine/scene';
import { simulate } from '../engine/simulate';
import { NAMED_SURFACES } from '../engine/surfaces';
import type { Scene } from '../engine/types';
import { trajectoriesToCsv, trajectoriesToJson } from './table';

const scene: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 600,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'plain, "careful"' },
    { type: 'sgd', lr: 1.5, label: '=HYPERLINK("x")' },
  ],
};
const trajectories = simulate(scene, NAMED_SURFACES.quadratic!);

describe('CSV and JSON export', () => {
  it('has one CSV row per step plus a header, and blank cells after a divergence', () => {
    const lines = trajectoriesToCsv(scene, trajectories).trimEnd().split('\n');
    expect(lines).toHaveLength(scene.steps + 2);
    // Quotes doubled inside quoted cells; a leading '=' defused so spreadsheets show text, not a formula.
    expect(lines[0]).toBe(
      'step,"plain, ""careful"" x","plain, ""careful"" y","plain, ""careful"" loss",' +
        `"'=HYPERLINK(""x"") x","'=HYPERLINK(""x"") y","'=HYPERLINK(""x"") loss"`,
    );
    expect(lines[1]).toBe('0,-4,2,5.6,-4,2,5.6');
    const diverged = trajectories[1]!;
    expect(diverged.diverged).toBe(true);
    expect(lines[diverged.length + 1]!.endsWith(',,,')).toBe(true);
    expect(lines[diverged.length]!.endsWith(',,,')).toBe(false);
  });

  it('writes JSON that holds the scene and the same numbers', () => {
    const doc = JSON.parse(trajectoriesToJson(scene, trajectories)) as {
      scene: unknown;
      trajectories: { points: number[][]; losses: number[]; diverged: boolean }[];
    };
    expect(parseScene(doc.scene)).toEqual({ ok: true, scene });
    expect(doc.trajectories[0]!.points).toHaveLength(scene.steps + 1);
    expect(doc.trajectories[0]!.points[1]).toEqual([
      trajectories[0]!.points[2],
      trajectories[0]!.points[3],
    ]);
    expect(doc.trajectories[1]!.diverged).toBe(true);
  });
});
