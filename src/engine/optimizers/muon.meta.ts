/**
 * muon's schema, update rule in TeX and note: what the UI, the scene validator and the formula
 * panel need at once, and its registration. Its arithmetic (./muon) loads on demand (./registry:
 * loadOptimizers).
 */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { numberParam, booleanParam, lrSpec } from './common';
import { aligned } from './symbols';
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

export function tex(config: OptimizerConfig): string {
  const nesterov = booleanParam(PARAMS, config, 'nesterov');
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lines = [
    'g_t &= \\nabla f(\\theta_{t-1})',
    'b_t &= \\mu\\, b_{t-1} + (1 - \\mu)\\, g_t',
    nesterov ? '\\tilde{b}_t &= (1 - \\mu)\\, g_t + \\mu\\, b_t' : '\\tilde{b}_t &= b_t',
    'O_t &= \\operatorname{NS}_k(\\tilde{b}_t) \\approx \\frac{\\tilde{b}_t}{\\lVert\\tilde{b}_t\\rVert} \\quad (1 \\times 2:\\ \\text{the direction only})',
  ];
  if (weightDecay !== 0)
    lines.push('\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}');
  lines.push("\\theta_t &= \\theta_{t-1} - \\eta'\\, O_t");
  return aligned(lines);
}

/** torch.optim.Muon: momentum, then an orthogonalised (Newton–Schulz) update of a weight matrix. */
export const muonMeta: OptimizerMeta = {
  type: 'muon',
  label: 'Muon',
  matrix: true,
  presets: [{ id: 'muon', label: 'Muon', config: { type: 'muon', lr: 0.05 } }],
  params: PARAMS,
  tex,
};

declare module '../types' {
  interface OptimizerTypeNames {
    muon: true;
  }
}

registerOptimizer({ ...muonMeta, load: () => import('./muon').then((m) => m.muon) });
