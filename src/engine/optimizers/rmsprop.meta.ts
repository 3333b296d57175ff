/**
 * rmsprop's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./rmsprop) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./rmsprop.formula) load with the formula panel.
 */
/** RMSprop: torch.optim.RMSprop 2.x (single-tensor path), plain, centered and with momentum. */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import {
  epsSpec,
  lrSpec,
  switchSpec,
  nonNegativeSpec,
  weightDecaySpec,
  maximizeSpec,
} from './common';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(0.01),
  nonNegativeSpec('alpha', 0.99),
  epsSpec(1e-8),
  weightDecaySpec(0),
  nonNegativeSpec('momentum', 0),
  switchSpec('centered'),
  maximizeSpec(),
];

/** torch.optim.RMSprop: steps divided by the running RMS of the gradient. */
export const rmspropMeta: OptimizerMeta = {
  type: 'rmsprop',
  torchClass: 'RMSprop',
  label: 'RMSprop',
  presets: [{ id: 'rmsprop', label: 'RMSprop', config: { type: 'rmsprop', lr: 0.01 } }],
  params: PARAMS,
  momentumBufferAtFirstStep: true,
};

declare module '../types' {
  interface OptimizerTypeNames {
    rmsprop: true;
  }
}

registerOptimizer({
  ...rmspropMeta,
  load: () => import('./rmsprop').then((m) => m.rmsprop),
});
