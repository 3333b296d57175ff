/**
 * rmsprop's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./rmsprop) loads on demand (./registry:
 * loadOptimizers).
 */
/** RMSprop: torch.optim.RMSprop 2.x (single-tensor path), plain, centered and with momentum. */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import {
  booleanParam,
  epsSpec,
  lrSpec,
  numberParam,
  switchSpec,
  nonNegativeSpec,
  weightDecaySpec,
  maximizeSpec,
} from './common';
import { aligned } from './symbols';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(0.01),
  nonNegativeSpec('alpha', 0.99),
  epsSpec(1e-8),
  weightDecaySpec(0),
  nonNegativeSpec('momentum', 0),
  switchSpec('centered'),
  maximizeSpec(),
];

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const momentum = numberParam(PARAMS, config, 'momentum');
  const centered = booleanParam(PARAMS, config, 'centered');
  const lines = [
    weightDecay !== 0
      ? 'g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'
      : 'g_t &= \\nabla f(\\theta_{t-1})',
    'v_t &= \\alpha\\, v_{t-1} + (1 - \\alpha)\\, g_t^2',
  ];
  if (centered) {
    lines.push('\\bar{g}_t &= \\alpha\\, \\bar{g}_{t-1} + (1 - \\alpha)\\, g_t');
    lines.push('d_t &= \\sqrt{v_t - \\bar{g}_t^2} + \\epsilon');
  } else {
    lines.push('d_t &= \\sqrt{v_t} + \\epsilon');
  }
  if (momentum > 0) {
    lines.push('b_t &= \\mu\\, b_{t-1} + g_t / d_t');
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, b_t');
  } else {
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, g_t / d_t');
  }
  return aligned(lines);
}

/** torch.optim.RMSprop: steps divided by the running RMS of the gradient. */
export const rmspropMeta: OptimizerMeta = {
  type: 'rmsprop',
  torchClass: 'RMSprop',
  label: 'RMSprop',
  presets: [{ id: 'rmsprop', label: 'RMSprop', config: { type: 'rmsprop', lr: 0.01 } }],
  params: PARAMS,
  momentumBufferAtFirstStep: true,
  tex,
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
