/**
 * Step k of one optimizer as its family's `glyphs` and `arrows` members read it (the input both
 * map explanations share): the replayed step (`inspectStep`) and the `StateFrame` built from it.
 */
import { inspectStep } from '../inspectStep';
import type { StepInspection } from '../inspectStep';
import { OPTIMIZERS, optimizerCode } from '../optimizers';
import type { OptimizerCode } from '../optimizers/registry';
import { vec } from '../optimizers/stateVectors';
import type { Scene, StateFrame, Surface } from '../types';

/**
 * Step k (k → k + 1) of optimizer `index` of the scene, with its family's code (undefined while
 * that family's chunk is not loaded); undefined when k is out of range or the run diverged before
 * it. `frame.g` is the state's own `g` when it keeps one, else the gradient at point k.
 */
export function stateFrame(
  surface: Surface,
  scene: Scene,
  index: number,
  k: number,
): { step: StepInspection; frame: StateFrame; code: OptimizerCode | undefined } | undefined {
  const step = inspectStep(surface, scene, index, k);
  const config = scene.optimizers[index];
  if (!step || !config) return undefined;
  const frame: StateFrame = {
    config,
    params: OPTIMIZERS[config.type].params,
    state: step.state,
    lr: step.lr,
    g: vec(step.state, 'g') ?? step.grad,
    ...(step.momentum !== undefined ? { momentum: step.momentum } : {}),
    update: step.update,
  };
  return { step, frame, code: optimizerCode(config.type) };
}
