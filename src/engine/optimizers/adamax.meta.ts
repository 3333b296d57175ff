/**
 * adamax's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./adamax) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./adamax.formula) load with the formula panel.
 */
/** Adamax: torch.optim.Adamax 2.x (single-tensor path), Adam with an infinity-norm second moment. */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { betasSpec, epsSpec, lrSpec, maximizeSpec, weightDecaySpec } from './common';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(2e-3, 1),
  betasSpec(),
  epsSpec(1e-8),
  weightDecaySpec(0),
  maximizeSpec(),
];

/** torch.optim.Adamax: Adam whose second moment is a decaying maximum of |g|. */
export const adamaxMeta: OptimizerMeta = {
  type: 'adamax',
  label: 'Adamax',
  presets: [{ id: 'adamax', label: 'Adamax', config: { type: 'adamax', lr: 0.1 } }],
  params: PARAMS,
};

declare module '../types' {
  interface OptimizerTypeNames {
    adamax: true;
  }
}

registerOptimizer({ ...adamaxMeta, load: () => import('./adamax').then((m) => m.adamax) });
