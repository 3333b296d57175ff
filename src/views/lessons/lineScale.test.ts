import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../../engine/scene';
import { simulate } from '../../engine/simulate';
import { resolveSurface } from '../../engine/surfaces';
import { drawTrajectories } from '../map/drawTrajectories';
import type { TrajectoryFrame } from '../map/drawTrajectories';
import { makeProjection } from '../map/projection';

/** A canvas context that records the width of every stroke. */
function recordingContext(): { ctx: CanvasRenderingContext2D; widths: number[] } {
  const widths: number[] = [];
  const state: Record<string, unknown> = { lineWidth: 1 };
  const noop = () => undefined;
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key === 'stroke') return () => widths.push(target.lineWidth as number);
      if (key in target) return target[key as string];
      return noop;
    },
    set(target, key, value) {
      target[key as string] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, widths };
}

function frame(lineScale?: number): TrajectoryFrame {
  const resolved = resolveSurface(DEFAULT_SCENE.surface);
  if (!resolved.ok) throw new Error('surface');
  const scene = { ...DEFAULT_SCENE, optimizers: DEFAULT_SCENE.optimizers.slice(0, 1) };
  return {
    scene,
    trajectories: simulate(scene, resolved.surface),
    cursor: 20,
    ghost: true,
    arrows: false,
    surface: resolved.surface,
    ...(lineScale !== undefined ? { lineScale } : {}),
  };
}

const projection = makeProjection({ x: [-5, 5], y: [-4, 4] }, 400, 300);

describe('presenter line width', () => {
  it('a line scale of 2 strokes every trajectory line twice as thick', () => {
    const normal = recordingContext();
    drawTrajectories(normal.ctx, frame(), projection);
    const thick = recordingContext();
    drawTrajectories(thick.ctx, frame(2), projection);
    expect(normal.widths.length).toBeGreaterThan(2);
    expect(thick.widths.length).toBe(normal.widths.length);
    // Path strokes (ghost, halo, line) double; the marker outline may stay as it is.
    const paths = (w: number[]) => w.slice(0, 3);
    expect(paths(thick.widths)).toEqual(paths(normal.widths).map((w) => 2 * w));
  });
});
