/** The scenes the browser bench loads, as the app's own URL form. */
import { DEFAULT_SCENE } from '../../src/engine/scene';
import { encodeSceneParam } from '../../src/engine/scene-url';
import { SURFACE_IDS as ENGINE_SURFACE_IDS } from '../../src/engine/surfaces/resolve';
import type { OptimizerConfig, Scene } from '../../src/engine/types';
import { DEFAULT_VIEW, encodeView } from '../../src/state/view';
import type { ViewSettings } from '../../src/state/view';

/**
 * The app's named surfaces, from the engine itself: the surface-change figure cycles through the
 * ones the picker offers, and any other option is the typed expression (a list kept here went
 * stale when a twelfth surface, bumps, joined the picker, and the bench took it for the field).
 */
export const SURFACE_IDS: readonly string[] = ENGINE_SURFACE_IDS;

/**
 * Twelve optimizers (the most a scene may hold), spelled out rather than built from DEFAULT_SCENE,
 * whose optimizer list may change: the notes' seven plus five more torch.optim classes.
 */
const TWELVE: readonly OptimizerConfig[] = [
  { type: 'sgd', lr: 0.1, label: 'SGD' },
  { type: 'sgd', lr: 0.1, momentum: 0.9, label: 'Momentum' },
  { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, label: 'NAG' },
  { type: 'adagrad', lr: 0.5, label: 'AdaGrad' },
  { type: 'adadelta', lr: 1, label: 'AdaDelta' },
  { type: 'rmsprop', lr: 0.01, label: 'RMSProp' },
  { type: 'adam', lr: 0.1, label: 'Adam' },
  { type: 'adamw', lr: 0.1, label: 'AdamW' },
  { type: 'adamax', lr: 0.1, label: 'Adamax' },
  { type: 'nadam', lr: 0.1, label: 'NAdam' },
  { type: 'radam', lr: 0.1, label: 'RAdam' },
  { type: 'sgd', lr: 0.05, momentum: 0.5, label: 'SGD slow' },
];

/** The slider figure's scene: twelve optimizers × 10,000 steps (MAX_OPTIMIZERS × MAX_STEPS). */
export const SLIDER_SCENE: Scene = { ...DEFAULT_SCENE, steps: 10_000, optimizers: TWELVE };

/** Twelve optimizers (the most a scene may hold), 1,000 steps: outlasts 10 s of playback at 60 steps/s. */
export const PLAYBACK_SCENE: Scene = { ...DEFAULT_SCENE, steps: 1000, optimizers: TWELVE };
/** Playback starts at step 0 at 60 steps per second. */
export const PLAYBACK_VIEW: ViewSettings = { ...DEFAULT_VIEW, cursor: 0, speed: 60 };

/** The app's address for a scene (and view), e.g. `http://127.0.0.1:1234/?scene=f:quadratic;…`. */
export function sceneUrl(base: string, scene: Scene, view: ViewSettings = DEFAULT_VIEW): string {
  const viewText = encodeView(view);
  return `${base}?scene=${encodeSceneParam(scene)}${viewText ? `&view=${viewText}` : ''}`;
}
