/**
 * nadam's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./nadam) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./nadam.formula) load with the formula panel.
 */
/** NAdam: torch.optim.NAdam 2.x (single-tensor path), Adam with Nesterov momentum and a momentum schedule. */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { betasSpec, epsSpec, lrSpec, maximizeSpec, switchSpec, weightDecaySpec } from './common';
import { reason } from './reasons';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(2e-3, 1),
  betasSpec(),
  epsSpec(1e-8),
  weightDecaySpec(0),
  {
    name: 'momentum_decay',
    kind: 'number',
    default: 4e-3,
    min: 0,
    sliderMax: 0.05,
    why: reason('why.negative', { name: 'momentum_decay' }),
  },
  switchSpec('decoupled_weight_decay'),
  maximizeSpec(),
];

/** torch.optim.NAdam: Adam with a Nesterov look-ahead on the first moment and a warming momentum μ_t. */
export const nadamMeta: OptimizerMeta = {
  type: 'nadam',
  label: 'NAdam',
  presets: [{ id: 'nadam', label: 'NAdam', config: { type: 'nadam', lr: 0.1 } }],
  params: PARAMS,
};

declare module '../types' {
  interface OptimizerTypeNames {
    nadam: true;
  }
}

registerOptimizer({ ...nadamMeta, load: () => import('./nadam').then((m) => m.nadam) });
