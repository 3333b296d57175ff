import { inspectStep } from '../../engine/inspectStep';
import { simulateSceneOne } from '../../engine/simulate';
import type { OptimizerInspection, Scene, Surface } from '../../engine/types';
import type { StepNumbers } from './substitute';

/** What the formula panel can show for the playback cursor. */
export type FormulaStep =
  | { readonly kind: 'step'; readonly numbers: StepNumbers }
  /** The run stopped: `step` is its last finite point, as the charts mark it. */
  | { readonly kind: 'diverged'; readonly step: number; readonly leftDomain: boolean }
  /** The loss is not finite at the start itself: the start lies outside f's domain. */
  | { readonly kind: 'outside' }
  | { readonly kind: 'empty' };

function allFinite(state: OptimizerInspection): boolean {
  for (const value of Object.values(state)) {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
    } else if (!value.every(Number.isFinite)) return false;
  }
  return true;
}

/**
 * The step the panel explains at `cursor`: the update from point k to k + 1, with k the cursor
 * (the last step when the cursor sits on the final point), and the state before it so the rule's
 * t − 1 values can be shown. At or past a divergence it reports where the run stopped instead of
 * numbers that are no longer finite.
 */
export function formulaStep(
  surface: Surface,
  scene: Scene,
  index: number,
  cursor: number,
): FormulaStep {
  const config = scene.optimizers[index];
  if (config === undefined || scene.steps < 1) return { kind: 'empty' };
  const k = Math.max(
    0,
    Math.min(scene.steps - 1, Math.floor(Number.isFinite(cursor) ? cursor : 0)),
  );
  const current = inspectStep(surface, scene, index, k);
  const finite =
    current !== undefined &&
    allFinite(current.state) &&
    [...current.point, ...current.grad, ...current.update, current.lr].every(Number.isFinite);
  if (!finite) {
    const run = simulateSceneOne(scene, surface, index);
    if (run.length === 0) return { kind: 'outside' };
    return {
      kind: 'diverged',
      step: Math.max(0, Math.min(k, run.length - 1)),
      leftDomain: run.leftDomain === true,
    };
  }
  const previous = k > 0 ? inspectStep(surface, scene, index, k - 1) : undefined;
  return {
    kind: 'step',
    numbers: {
      k,
      point: current.point,
      grad: current.grad,
      lr: current.lr,
      ...(current.noise === undefined ? {} : { noise: current.noise }),
      ...(current.momentum === undefined ? {} : { momentum: current.momentum }),
      update: current.update,
      state: current.state,
      prev: previous?.state,
    },
  };
}
