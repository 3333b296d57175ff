/**
 * adafactor's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./adafactor) loads on demand (./registry:
 * loadOptimizers).
 */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { numberParam, lrSpec, maximizeSpec } from './common';
import { aligned } from './symbols';
import { reason } from './reasons';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-2, 1),
  {
    name: 'beta2_decay',
    kind: 'number',
    default: -0.8,
    max: 0,
    sliderMin: -1,
    sliderMax: 0,
    why: reason('why.adafactorDecay', { torch: 'torch.optim.Adafactor' }),
  },
  {
    name: 'eps',
    kind: 'pair',
    default: [null, 1e-3],
    min: 0,
    elements: [{ min: 0, nullable: true }, { min: 0 }],
    why: reason('why.negativeEps', { torch: 'torch.optim.Adafactor' }),
  },
  {
    name: 'd',
    kind: 'number',
    default: 1,
    min: 1,
    sliderMax: 10,
    why: reason('why.adafactorD', { torch: 'torch.optim.Adafactor' }),
  },
  {
    name: 'weight_decay',
    kind: 'number',
    default: 0,
    min: 0,
    sliderMax: 1,
    why: reason('why.negativeWeightDecay'),
  },
  maximizeSpec(),
];

export function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lines = ['g_t &= \\nabla f(\\theta_{t-1})'];
  lines.push(
    '\\rho_t &= \\min\\!\\left(\\eta,\\ \\tfrac{1}{\\sqrt{t}}\\right), \\quad \\alpha_t = \\max\\!\\left(\\epsilon_2,\\ \\tfrac{\\lVert\\theta_{t-1}\\rVert}{\\sqrt{n}}\\right) \\rho_t',
  );
  if (weightDecay !== 0) {
    lines.push('\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}');
  }
  lines.push(
    '\\hat{\\beta}_{2,t} &= 1 - t^{c}, \\quad v_t = \\hat{\\beta}_{2,t}\\, v_{t-1} + (1 - \\hat{\\beta}_{2,t})\\, g_t^2',
  );
  lines.push('u_t &= \\frac{g_t}{\\sqrt{\\max(v_t,\\ \\epsilon_1^2)}}');
  lines.push(
    '\\theta_t &= \\theta_{t-1} - \\frac{\\alpha_t}{\\max\\!\\left(1,\\ \\lVert u_t\\rVert / (\\sqrt{n}\\, d)\\right)}\\, u_t',
  );
  return aligned(lines);
}

/** torch.optim.Adafactor: Adam-like without a first moment, a relative step size and update clipping. */
export const adafactorMeta: OptimizerMeta = {
  type: 'adafactor',
  label: 'Adafactor',
  // torch steps each tensor apart: a matrix's moments are factored, α and the clipping per tensor.
  shaped: true,
  presets: [{ id: 'adafactor', label: 'Adafactor', config: { type: 'adafactor', lr: 0.1 } }],
  params: PARAMS,
  tex,
};

declare module '../types' {
  interface OptimizerTypeNames {
    adafactor: true;
  }
}

registerOptimizer({
  ...adafactorMeta,
  load: () => import('./adafactor').then((m) => m.adafactor),
});
