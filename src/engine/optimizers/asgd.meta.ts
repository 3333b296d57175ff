/**
 * asgd's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./asgd) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./asgd.formula) load with the formula panel.
 */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { numberParam, lrSpec, weightDecaySpec, maximizeSpec } from './common';

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-2),
  // torch checks neither lambd, alpha nor t0.
  { name: 'lambd', kind: 'number', default: 1e-4, sliderMin: 0, sliderMax: 1 },
  { name: 'alpha', kind: 'number', default: 0.75, sliderMin: 0, sliderMax: 2 },
  { name: 't0', kind: 'number', default: 1e6, sliderMin: 0, sliderMax: 1000 },
  weightDecaySpec(0),
  maximizeSpec(),
];

/** torch.optim.ASGD: SGD with a slowly decaying step and a running average θ̄ (`ax`) of its iterates. */
export const asgdMeta: OptimizerMeta = {
  type: 'asgd',
  label: 'ASGD',
  presets: [{ id: 'asgd', label: 'ASGD', config: { type: 'asgd', lr: 0.1, t0: 20 } }],
  params: PARAMS,
  runCheck: decayRuns,
};

/**
 * torch 2.x (_single_tensor_asgd) sets the next step size as Python floats,
 * `lr / ((1 + lambd·lr·t) ** alpha)`: a power that is 0 (a zero base, or an underflow) raises
 * ZeroDivisionError at step t, one beyond a float OverflowError. Names lambd for a zero base,
 * alpha otherwise. A negative base to a fractional power is complex in Python and runs.
 */
function decayRuns(config: OptimizerConfig, lrs: readonly number[]) {
  const lambd = numberParam(PARAMS, config, 'lambd');
  const alpha = numberParam(PARAMS, config, 'alpha');
  for (let t = 1; t <= lrs.length; t++) {
    const base = 1 + lambd * lrs[t - 1]! * t;
    if (!Number.isFinite(base)) return undefined;
    const power = base === 0 ? (alpha === 0 ? 1 : 0) : Math.pow(Math.abs(base), alpha);
    if (power === 0 || power === Infinity)
      return {
        field: base === 0 ? 'lambd' : 'alpha',
        code: power === 0 ? ('scene.asgdZero' as const) : ('scene.asgdOverflow' as const),
        params: { step: t },
      };
  }
  return undefined;
}

declare module '../types' {
  interface OptimizerTypeNames {
    asgd: true;
  }
}

registerOptimizer({ ...asgdMeta, load: () => import('./asgd').then((m) => m.asgd) });
