/**
 * lbfgs's schema, presets and checks: what the UI and the scene validator need at once, and its
 * registration. Its arithmetic (./lbfgs) loads on demand (./registry: loadOptimizers); its rule in
 * TeX and this step's numbers (./lbfgs.formula) load with the formula panel.
 */
import type { OptimizerConfig, ParamSpec, OptimizerMeta } from '../types';
import { registerOptimizer } from './registry';
import { lrSpec, maximizeSpec, nullableNumberParam, numberParam } from './common';
import { reason } from './reasons';

/** Longest L-BFGS history a scene may ask for. */
export const MAX_LBFGS_HISTORY = 1_000_000;

export const PARAMS: readonly ParamSpec[] = [
  lrSpec(1, 10),
  // torch checks none of these (a max_iter of 2.5 runs three inner iterations, as Python's
  // `while n_iter < 2.5` does), except history_size: its two-loop recursion indexes a list of
  // that length, so 0 or less crashes at the second step.
  {
    name: 'max_iter',
    kind: 'number',
    default: 20,
    wholeSlider: true,
    count: true,
    sliderMin: 1,
    sliderMax: 50,
  },
  { name: 'max_eval', kind: 'number', default: null, nullable: true, count: true },
  {
    name: 'tolerance_grad',
    kind: 'number',
    default: 1e-7,
    log: true,
    sliderMin: 1e-12,
    sliderMax: 1,
  },
  {
    name: 'tolerance_change',
    kind: 'number',
    default: 1e-9,
    log: true,
    sliderMin: 1e-12,
    sliderMax: 1,
  },
  {
    name: 'history_size',
    kind: 'number',
    default: 100,
    integer: true,
    min: 1,
    // The app's own bound: each kept pair costs two vectors, and a history longer than the
    // scene's inner iterations is never filled (torch runs out of memory far above it).
    max: MAX_LBFGS_HISTORY,
    sliderMax: 100,
    why: reason('why.lbfgsHistory', { torch: 'torch.optim.LBFGS' }),
    whyInteger: reason('why.lbfgsHistoryWhole', { torch: 'torch.optim.LBFGS' }),
    whyMax: reason('why.lbfgsHistoryCap'),
  },
  { name: 'line_search_fn', kind: 'choice', default: null, choices: [null, 'strong_wolfe'] },
  // torch 2.14 (keyword-only): every evaluation's loss and gradient negated (maximize.ts).
  maximizeSpec(),
];

/** torch.optim.LBFGS's max_eval: given, or max_iter * 5 // 4 (Python's floor division). */
export function lbfgsMaxEval(config: OptimizerConfig): number {
  const maxIter = numberParam(PARAMS, config, 'max_iter');
  return nullableNumberParam(PARAMS, config, 'max_eval') ?? Math.floor((maxIter * 5) / 4);
}

/** The validator's fields (already checked one by one) as the config they will be. */
const asConfig = (fields: Readonly<Record<string, unknown>>): OptimizerConfig =>
  fields as unknown as OptimizerConfig;

/** torch.optim.LBFGS: a quasi-Newton method; one step(closure) runs many inner iterations. */
export const lbfgsMeta: OptimizerMeta = {
  type: 'lbfgs',
  torchClass: 'LBFGS',
  label: 'L-BFGS',
  closure: true,
  // torch's LBFGS.step hands its line search max_ls = max_eval − 1 at the first iteration; below 0
  // (max_eval < 1) _strong_wolfe reads its bracket before making one and raises.
  // An lr of 0 makes its first trial step 0, and _cubic_interpolate divides by t − t_prev = 0.
  crossCheck(fields) {
    if (fields.line_search_fn !== 'strong_wolfe') return undefined;
    if (fields.lr === 0) return { field: 'lr', code: 'scene.lbfgsZeroLr' };
    const config = asConfig(fields);
    if (numberParam(PARAMS, config, 'max_iter') <= 0 || lbfgsMaxEval(config) >= 1) return undefined;
    return {
      field: typeof fields.max_eval === 'number' ? 'max_eval' : 'max_iter',
      code: 'scene.lbfgsMaxEval',
    };
  },
  // One step: the first closure call, then at most max_eval more with the line search (each
  // line search stops at what is left of max_eval), or one per inner iteration up to both bounds.
  evaluationsPerStep(fields) {
    const config = asConfig(fields);
    const maxIter = numberParam(PARAMS, config, 'max_iter');
    const budget = Math.max(1, Math.ceil(lbfgsMaxEval(config)));
    if (maxIter <= 0) return 1;
    return fields.line_search_fn === 'strong_wolfe'
      ? budget + 1
      : Math.min(Math.ceil(maxIter), budget) + 1;
  },
  presets: [{ id: 'lbfgs', label: 'L-BFGS', config: { type: 'lbfgs', lr: 0.1 } }],
  params: PARAMS,
};

declare module '../types' {
  interface OptimizerTypeNames {
    lbfgs: true;
  }
}

registerOptimizer({ ...lbfgsMeta, load: () => import('./lbfgs').then((m) => m.lbfgs) });
