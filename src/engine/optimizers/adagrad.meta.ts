/**
 * adagrad's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./adagrad) loads on demand (./registry:
 * loadOptimizers).
 */
/** AdaGrad: torch.optim.Adagrad 2.x (single-tensor, dense path). */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { epsSpec, lrSpec, maximizeSpec, numberParam, weightDecaySpec } from './common';
import { aligned } from './symbols';
import { reason } from './reasons';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(0.01),
  {
    name: 'lr_decay',
    kind: 'number',
    default: 0,
    min: 0,
    sliderMin: 0,
    sliderMax: 1,
    why: reason('why.negative', { name: 'lr_decay' }),
  },
  weightDecaySpec(0),
  {
    name: 'initial_accumulator_value',
    kind: 'number',
    default: 0,
    min: 0,
    why: reason('why.negative', { name: 'initial_accumulator_value' }),
    sliderMax: 10,
  },
  epsSpec(1e-10),
  maximizeSpec(),
];

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lrDecay = numberParam(PARAMS, config, 'lr_decay');
  const initial = numberParam(PARAMS, config, 'initial_accumulator_value');
  return aligned([
    weightDecay !== 0
      ? 'g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'
      : 'g_t &= \\nabla f(\\theta_{t-1})',
    lrDecay !== 0 ? '\\eta_t &= \\frac{\\eta}{1 + (t - 1)\\,\\gamma}' : '\\eta_t &= \\eta',
    initial !== 0
      ? 's_t &= s_{t-1} + g_t^2 \\quad (s_0 \\text{ given})'
      : 's_t &= s_{t-1} + g_t^2 \\quad (s_0 = 0)',
    '\\theta_t &= \\theta_{t-1} - \\eta_t\\, \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
  ]);
}

/** torch.optim.Adagrad: per-coordinate steps shrink with the running sum of squared gradients. */
export const adagradMeta: OptimizerMeta = {
  type: 'adagrad',
  torchClass: 'Adagrad',
  label: 'AdaGrad',
  presets: [{ id: 'adagrad', label: 'AdaGrad', config: { type: 'adagrad', lr: 0.5 } }],
  params: PARAMS,
  tex,
};

declare module '../types' {
  interface OptimizerTypeNames {
    adagrad: true;
  }
}

registerOptimizer({
  ...adagradMeta,
  load: () => import('./adagrad').then((m) => m.adagrad),
});
