/**
 * adamax's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./adamax) loads on demand (./registry:
 * loadOptimizers).
 */
/** Adamax: torch.optim.Adamax 2.x (single-tensor path), Adam with an infinity-norm second moment. */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { betasSpec, epsSpec, lrSpec, numberParam, maximizeSpec, weightDecaySpec } from './common';
import { aligned } from './symbols';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(2e-3, 1),
  betasSpec(),
  epsSpec(1e-8),
  weightDecaySpec(0),
  maximizeSpec(),
];

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  return aligned([
    weightDecay !== 0
      ? 'g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'
      : 'g_t &= \\nabla f(\\theta_{t-1})',
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t',
    'u_t &= \\max(\\beta_2 u_{t-1},\\, |g_t| + \\epsilon)',
    '\\eta_t &= \\frac{\\eta}{1 - \\beta_1^t}',
    '\\theta_t &= \\theta_{t-1} - \\eta_t\\, \\frac{m_t}{u_t}',
  ]);
}

/** torch.optim.Adamax: Adam whose second moment is a decaying maximum of |g|. */
export const adamaxMeta: OptimizerMeta = {
  type: 'adamax',
  label: 'Adamax',
  presets: [{ id: 'adamax', label: 'Adamax', config: { type: 'adamax', lr: 0.1 } }],
  params: PARAMS,
  tex,
};

declare module '../types' {
  interface OptimizerTypeNames {
    adamax: true;
  }
}

registerOptimizer({ ...adamaxMeta, load: () => import('./adamax').then((m) => m.adamax) });
