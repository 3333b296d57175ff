/**
 * rprop's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./rprop) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./rprop.formula) load with the formula panel.
 */
import type { ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { lrSpec, maximizeSpec } from './common';
import { reason } from './reasons';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-2, 1),
  {
    name: 'etas',
    kind: 'pair',
    default: [0.5, 1.2],
    // torch: 0 < η− < 1 < η+.
    elements: [
      { min: 0, minExclusive: true, max: 1, maxExclusive: true },
      { min: 1, minExclusive: true },
    ],
    sliderMin: 0.01,
    sliderMax: 3,
    why: reason('why.rpropEtas', { torch: 'torch.optim.Rprop' }),
  },
  // torch never checks step_sizes: any (min, max) is clamped to as given, and either may be None
  // (no bound on that side); both None raise at the first step (see crossCheck).
  {
    name: 'step_sizes',
    kind: 'pair',
    default: [1e-6, 50],
    elements: [{ nullable: true }, { nullable: true }],
    sliderMin: 0,
    sliderMax: 100,
  },
  maximizeSpec(),
];

/** torch.optim.Rprop: a per-coordinate step size that grows while the gradient's sign holds and shrinks when it flips. */
export const rpropMeta: OptimizerMeta = {
  type: 'rprop',
  label: 'Rprop',
  // torch 2.x additions (issue 12), at learning rates that move visibly on the default surface.
  presets: [{ id: 'rprop', label: 'Rprop', config: { type: 'rprop', lr: 0.01 } }],
  params: PARAMS,
  // torch's Tensor.clamp_(min, max) needs one bound: RuntimeError at the first step otherwise.
  crossCheck(fields) {
    const sizes = fields.step_sizes;
    return Array.isArray(sizes) && sizes[0] === null && sizes[1] === null
      ? { field: 'step_sizes', code: 'scene.rpropStepSizes' }
      : undefined;
  },
};

declare module '../types' {
  interface OptimizerTypeNames {
    rprop: true;
  }
}

registerOptimizer({ ...rpropMeta, load: () => import('./rprop').then((m) => m.rprop) });
