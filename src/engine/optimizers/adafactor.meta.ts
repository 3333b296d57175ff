/**
 * adafactor's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./adafactor) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./adafactor.formula) load with the formula panel.
 */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { lrSpec, maximizeSpec } from './common';
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

/** torch.optim.Adafactor: Adam-like without a first moment, a relative step size and update clipping. */
export const adafactorMeta: OptimizerMeta = {
  type: 'adafactor',
  label: 'Adafactor',
  // torch steps each tensor apart: a matrix's moments are factored, α and the clipping per tensor.
  shaped: true,
  presets: [{ id: 'adafactor', label: 'Adafactor', config: { type: 'adafactor', lr: 0.1 } }],
  params: PARAMS,
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
