/**
 * adadelta's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./adadelta) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./adadelta.formula) load with the formula panel.
 */
/** AdaDelta: torch.optim.Adadelta 2.x (single-tensor path). */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { epsSpec, lrSpec, maximizeSpec, unitSpec, weightDecaySpec } from './common';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1.0),
  unitSpec('rho', 0.9),
  epsSpec(1e-6),
  weightDecaySpec(0),
  maximizeSpec(),
];

/** torch.optim.Adadelta: steps sized by the ratio of running RMS of updates to running RMS of gradients. */
export const adadeltaMeta: OptimizerMeta = {
  type: 'adadelta',
  torchClass: 'Adadelta',
  label: 'AdaDelta',
  presets: [{ id: 'adadelta', label: 'AdaDelta', config: { type: 'adadelta', lr: 1 } }],
  params: PARAMS,
};

declare module '../types' {
  interface OptimizerTypeNames {
    adadelta: true;
  }
}

registerOptimizer({
  ...adadeltaMeta,
  load: () => import('./adadelta').then((m) => m.adadelta),
});
