/**
 * adagrad's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./adagrad) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./adagrad.formula) load with the formula panel.
 */
/** AdaGrad: torch.optim.Adagrad 2.x (single-tensor, dense path). */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { epsSpec, lrSpec, maximizeSpec, weightDecaySpec } from './common';
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

/** torch.optim.Adagrad: per-coordinate steps shrink with the running sum of squared gradients. */
export const adagradMeta: OptimizerMeta = {
  type: 'adagrad',
  torchClass: 'Adagrad',
  label: 'AdaGrad',
  presets: [{ id: 'adagrad', label: 'AdaGrad', config: { type: 'adagrad', lr: 0.5 } }],
  params: PARAMS,
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
