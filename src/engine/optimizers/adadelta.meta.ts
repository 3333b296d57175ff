/**
 * adadelta's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./adadelta) loads on demand (./registry:
 * loadOptimizers).
 */
/** AdaDelta: torch.optim.Adadelta 2.x (single-tensor path). */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { epsSpec, lrSpec, maximizeSpec, numberParam, unitSpec, weightDecaySpec } from './common';
import { aligned } from './symbols';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1.0),
  unitSpec('rho', 0.9),
  epsSpec(1e-6),
  weightDecaySpec(0),
  maximizeSpec(),
];

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  return aligned([
    weightDecay !== 0
      ? 'g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'
      : 'g_t &= \\nabla f(\\theta_{t-1})',
    'v_t &= \\rho\\, v_{t-1} + (1 - \\rho)\\, g_t^2',
    '\\Delta_t &= \\frac{\\sqrt{u_{t-1} + \\epsilon}}{\\sqrt{v_t + \\epsilon}}\\, g_t',
    'u_t &= \\rho\\, u_{t-1} + (1 - \\rho)\\, \\Delta_t^2',
    '\\theta_t &= \\theta_{t-1} - \\eta\\, \\Delta_t',
  ]);
}

/** torch.optim.Adadelta: steps sized by the ratio of running RMS of updates to running RMS of gradients. */
export const adadeltaMeta: OptimizerMeta = {
  type: 'adadelta',
  torchClass: 'Adadelta',
  label: 'AdaDelta',
  presets: [{ id: 'adadelta', label: 'AdaDelta', config: { type: 'adadelta', lr: 1 } }],
  params: PARAMS,
  tex,
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
