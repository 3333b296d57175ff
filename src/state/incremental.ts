/**
 * Trajectories of a scene that differs from the last simulated one in a few optimizers only.
 *
 * Why this runs on the main thread at all (DESIGN.md wants the main thread to only draw): a slider
 * drag changes one optimizer, and Chromium dispatches the drag's input right before the frame's
 * animation callbacks. A worker round trip, however fast, answers after that frame has run, so
 * the new path could only appear a frame later: a floor of one frame (16.7 ms) on every drag
 * move. Re-simulating just the changed optimizer here costs ~0.05 ms for 1,000 steps, so the
 * path is drawn in the very frame of the input. Larger changes (surface, start, step count, many
 * optimizers) still go to the worker.
 */
import { optimizerLoaded } from '../engine/optimizers';
import { simulateSceneOne } from '../engine/simulate';
import type { OptimizerConfig, Scene, Surface, Trajectory } from '../engine/types';

/**
 * Most optimizer steps simulated on the main thread for one change: one optimizer at the most
 * steps a scene may have (10,000, ~0.5 ms unthrottled), so a slider drag on the largest scene is
 * still drawn in the input's frame.
 */
export const MAIN_THREAD_STEP_BUDGET = 10_000;

/** Fields that only change how a path is drawn, never where it goes. */
const DISPLAY_ONLY: ReadonlySet<string> = new Set(['label', 'color', 'hidden']);

/** Whether two optimizer configs trace the same path (labels, colours and visibility aside). */
export function sameDynamics(a: OptimizerConfig, b: OptimizerConfig): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (DISPLAY_ONLY.has(key)) continue;
    const va = (a as unknown as Record<string, unknown>)[key];
    const vb = (b as unknown as Record<string, unknown>)[key];
    if (va === vb) continue;
    if (JSON.stringify(va) !== JSON.stringify(vb)) return false;
  }
  return true;
}

const sameSurfaceRef = (a: Scene, b: Scene): boolean =>
  a.surface === b.surface || JSON.stringify(a.surface) === JSON.stringify(b.surface);

/**
 * `next`'s trajectories built from `previous` (the scene `trajectories` were computed for): the
 * unchanged optimizers keep their arrays (so charts and canvases can tell by identity what did
 * not move) and the changed ones are simulated on `surface`, which must be `next`'s surface.
 * Returns null when the change is not local (surface, start, step count, noise or optimizer
 * count differ), would simulate more than `budget` steps, or needs a family not loaded yet.
 */
export function localTrajectories(
  previous: Scene,
  trajectories: readonly Trajectory[],
  next: Scene,
  surface: Surface,
  budget = MAIN_THREAD_STEP_BUDGET,
): Trajectory[] | null {
  if (
    trajectories.length !== previous.optimizers.length ||
    previous.optimizers.length !== next.optimizers.length ||
    previous.steps !== next.steps ||
    previous.start[0] !== next.start[0] ||
    previous.start[1] !== next.start[1] ||
    !sameSurfaceRef(previous, next) ||
    JSON.stringify(previous.noise) !== JSON.stringify(next.noise)
  )
    return null;
  const changed: number[] = [];
  next.optimizers.forEach((config, i) => {
    if (!sameDynamics(config, previous.optimizers[i]!)) changed.push(i);
  });
  if (changed.length * next.steps > budget) return null;
  // A family whose arithmetic has not loaded yet (see loadOptimizers) is left to the worker.
  if (!changed.every((i) => optimizerLoaded(next.optimizers[i]!.type))) return null;
  const out = trajectories.slice();
  for (const i of changed) out[i] = simulateSceneOne(next, surface, i);
  return out;
}
