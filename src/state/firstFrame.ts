/**
 * The first frame, computed on the main thread before anything is drawn.
 *
 * Why not the worker: on a cold load the worker script is fetched, parsed and started only after
 * the app's bundle has run, and its first answer came ~1.5 s after navigation at 4× CPU throttle,
 * while the engine is pure and the default scene (a few optimizers × 200 steps, a 256-cell grid)
 * takes milliseconds here. So the page's first scene is computed synchronously, with its contours
 * traced on a grid half as fine (surfaceLayer's `coarsen`: the same levels and colour key); the worker
 * is started after the first paint (see `warmUp` in engine.ts), replaces that layer with the full
 * one and serves every later change.
 */
import type { Trajectory } from '../engine/types';
import { computePreviewLayer, computeTrajectories } from '../worker/handlers';
import type { SurfaceLayer } from '../engine/contours/types';
import { layerRequest } from './layerRequest';
import type { DescentState } from './store';

/**
 * Most optimizer steps simulated synchronously for the first frame: 12 optimizers × 2,000 steps
 * take ~2 ms unthrottled. A larger scene (a link to 12 × 10,000) is left to the worker.
 */
export const FIRST_FRAME_STEP_BUDGET = 24_000;

/** The first frame's data; a part is missing when it is left to the worker (too large, or it failed). */
export interface FirstFrame {
  readonly trajectories?: readonly Trajectory[];
  readonly layer?: SurfaceLayer;
}

/**
 * Trajectories and a preview of the map layers of the store's current scene and view, computed
 * here and now by the worker's own handlers (the trajectories equal the worker's reply; the
 * layer has the levels, extent and gradient field of the worker's). Never throws: a part that fails
 * (an expression that throws) is left out, and the worker is asked for it and reports the error.
 */
export function computeFirstFrame(
  state: Pick<DescentState, 'scene' | 'surface' | 'domain' | 'spacing'>,
  budget = FIRST_FRAME_STEP_BUDGET,
): FirstFrame {
  const { scene } = state;
  let trajectories: Trajectory[] | undefined;
  let layer: SurfaceLayer | undefined;
  if (scene.optimizers.length * scene.steps <= budget) {
    try {
      trajectories = computeTrajectories(scene);
    } catch {
      trajectories = undefined;
    }
  }
  try {
    layer = computePreviewLayer(layerRequest(state));
  } catch {
    layer = undefined;
  }
  return {
    ...(trajectories ? { trajectories } : {}),
    ...(layer ? { layer } : {}),
  };
}
