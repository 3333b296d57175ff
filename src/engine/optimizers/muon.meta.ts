/**
 * muon's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./muon) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./muon.formula) load with the formula panel.
 */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { lrSpec } from './common';
import { reason } from './reasons';

/** Largest finite float32; torch converts ns_coefficients to float for its bfloat16 matmul. */
const FLOAT32_MAX = 3.4028234663852886e38;
/** Largest finite bfloat16; torch converts eps to bfloat16 for the clamp. */
const BFLOAT16_MAX = 3.3895313892515355e38;

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-3, 1),
  {
    name: 'weight_decay',
    kind: 'number',
    default: 0.1,
    min: 0,
    sliderMax: 1,
    why: reason('why.negativeWeightDecay', { torch: 'torch.optim.Muon' }),
  },
  {
    name: 'momentum',
    kind: 'number',
    default: 0.95,
    min: 0,
    sliderMax: 1,
    why: reason('why.negative', { torch: 'torch.optim.Muon', name: 'momentum' }),
  },
  { name: 'nesterov', kind: 'boolean', default: true },
  {
    name: 'ns_coefficients',
    kind: 'tuple',
    default: [3.4445, -4.775, 2.0315],
    min: -FLOAT32_MAX,
    max: FLOAT32_MAX,
    why: reason('why.muonCoefficients'),
  },
  {
    name: 'eps',
    kind: 'number',
    default: 1e-7,
    // torch takes a negative eps, but the bfloat16 it becomes overflows past ±BFLOAT16_MAX.
    min: -BFLOAT16_MAX,
    max: BFLOAT16_MAX,
    log: true,
    sliderMin: 1e-12,
    sliderMax: 1,
    why: reason('why.muonEps'),
  },
  {
    name: 'ns_steps',
    kind: 'number',
    default: 5,
    integer: true,
    max: 99,
    sliderMin: 0,
    sliderMax: 20,
    why: reason('why.muonSteps', { torch: 'torch.optim.Muon', max: 99 }),
  },
  {
    name: 'adjust_lr_fn',
    kind: 'choice',
    default: null,
    // spectral_unclamped: new in torch 2.14.
    choices: [null, 'original', 'match_rms_adamw', 'spectral_unclamped'],
  },
];

/** torch.optim.Muon: momentum, then an orthogonalised (Newton–Schulz) update of a weight matrix. */
export const muonMeta: OptimizerMeta = {
  type: 'muon',
  label: 'Muon',
  matrix: true,
  presets: [{ id: 'muon', label: 'Muon', config: { type: 'muon', lr: 0.05 } }],
  params: PARAMS,
};

declare module '../types' {
  interface OptimizerTypeNames {
    muon: true;
  }
}

registerOptimizer({ ...muonMeta, load: () => import('./muon').then((m) => m.muon) });
