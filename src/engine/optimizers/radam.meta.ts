/**
 * radam's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./radam) loads on demand (./registry:
 * loadOptimizers).
 */
/** RAdam: torch.optim.RAdam 2.x (single-tensor path), Adam with a variance-rectified warm-up. */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import {
  betasSpec,
  epsSpec,
  lrSpec,
  switchSpec,
  weightDecaySpec,
  maximizeSpec,
  weightDecayGradientLines,
} from './common';
import { aligned } from './symbols';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-3, 1),
  betasSpec(),
  epsSpec(1e-8),
  weightDecaySpec(0),
  switchSpec('decoupled_weight_decay'),
  maximizeSpec(),
];

function tex(config: OptimizerConfig): string {
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\quad \\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}',
    'v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
    '\\rho_t &= \\rho_\\infty - \\frac{2t\\, \\beta_2^t}{1 - \\beta_2^t}, \\quad \\rho_\\infty = \\frac{2}{1 - \\beta_2} - 1',
    'r_t &= \\sqrt{\\frac{(\\rho_t - 4)(\\rho_t - 2)\\,\\rho_\\infty}{(\\rho_\\infty - 4)(\\rho_\\infty - 2)\\,\\rho_t}}',
    '\\theta_t &= \\begin{cases} \\theta_{t-1} - \\eta\\, \\hat{m}_t\\, \\dfrac{\\sqrt{1 - \\beta_2^t}}{\\sqrt{v_t} + \\epsilon}\\, r_t & \\rho_t > 5 \\\\' +
      ' \\theta_{t-1} - \\eta\\, \\hat{m}_t & \\rho_t \\le 5 \\end{cases}',
  ]);
}

/** torch.optim.RAdam: momentum SGD for the first few steps, then Adam scaled by a rectification term. */
export const radamMeta: OptimizerMeta = {
  type: 'radam',
  label: 'RAdam',
  presets: [{ id: 'radam', label: 'RAdam', config: { type: 'radam', lr: 0.1 } }],
  params: PARAMS,
  tex,
};

declare module '../types' {
  interface OptimizerTypeNames {
    radam: true;
  }
}

registerOptimizer({ ...radamMeta, load: () => import('./radam').then((m) => m.radam) });
