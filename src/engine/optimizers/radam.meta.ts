/**
 * radam's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./radam) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./radam.formula) load with the formula panel.
 */
/** RAdam: torch.optim.RAdam 2.x (single-tensor path), Adam with a variance-rectified warm-up. */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { betasSpec, epsSpec, lrSpec, switchSpec, weightDecaySpec, maximizeSpec } from './common';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-3, 1),
  betasSpec(),
  epsSpec(1e-8),
  weightDecaySpec(0),
  switchSpec('decoupled_weight_decay'),
  maximizeSpec(),
];

/** torch.optim.RAdam: momentum SGD for the first few steps, then Adam scaled by a rectification term. */
export const radamMeta: OptimizerMeta = {
  type: 'radam',
  label: 'RAdam',
  presets: [{ id: 'radam', label: 'RAdam', config: { type: 'radam', lr: 0.1 } }],
  params: PARAMS,
};

declare module '../types' {
  interface OptimizerTypeNames {
    radam: true;
  }
}

registerOptimizer({ ...radamMeta, load: () => import('./radam').then((m) => m.radam) });
