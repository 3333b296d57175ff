/**
 * nadam's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./nadam) loads on demand (./registry:
 * loadOptimizers).
 */
/** NAdam: torch.optim.NAdam 2.x (single-tensor path), Adam with Nesterov momentum and a momentum schedule. */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import {
  betasSpec,
  epsSpec,
  lrSpec,
  maximizeSpec,
  weightDecayGradientLines,
  switchSpec,
  weightDecaySpec,
} from './common';
import { aligned } from './symbols';
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

function tex(config: OptimizerConfig): string {
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    '\\mu_t &= \\beta_1 \\left(1 - \\tfrac{1}{2}\\, 0.96^{t\\psi}\\right), \\quad \\mu_{t+1} = \\beta_1 \\left(1 - \\tfrac{1}{2}\\, 0.96^{(t+1)\\psi}\\right)',
    '\\pi_t &= \\pi_{t-1}\\, \\mu_t, \\quad \\pi_0 = 1',
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t',
    'v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
    'd_t &= \\sqrt{v_t / (1 - \\beta_2^t)} + \\epsilon',
    '\\theta_t &= \\theta_{t-1} - \\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t}\\, \\frac{g_t}{d_t}' +
      ' - \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_{t+1}}\\, \\frac{m_t}{d_t}',
  ]);
}

/** torch.optim.NAdam: Adam with a Nesterov look-ahead on the first moment and a warming momentum μ_t. */
export const nadamMeta: OptimizerMeta = {
  type: 'nadam',
  label: 'NAdam',
  presets: [{ id: 'nadam', label: 'NAdam', config: { type: 'nadam', lr: 0.1 } }],
  params: PARAMS,
  tex,
};

declare module '../types' {
  interface OptimizerTypeNames {
    nadam: true;
  }
}

registerOptimizer({ ...nadamMeta, load: () => import('./nadam').then((m) => m.nadam) });
