/**
 * Divergence explained: why a run blows up or zig-zags, in numbers the UI formats in three
 * languages (src/i18n/teach.ts). For torch.optim.SGD (plain, heavy-ball momentum with dampening,
 * Nesterov, weight decay) the local quadratic model has a closed form: along the Hessian's stiffest
 * direction λ_max, the step is stable iff 0 < lr·λ < bound (regime.ts stableProductBound: 2 plain,
 * 2(1 + μ)/(1 − τ) heavy ball, 2(1 + μ)/(1 + 2μ) Nesterov), with weight decay wd adding wd to
 * every eigenvalue (torch adds wd·θ to the gradient). For the adaptive optimizers (their step
 * divides by running gradient statistics, so it is not linear in θ) no closed form exists; the
 * explanation gives the lr sweep's divergence edge instead (sweep.ts).
 *
 * The path is the engine's own (simulate.ts simulateOne), so the explanation describes the very
 * run the map shows. Step k is the update from point k with the scheduler's k-th lr.
 */
import { createConfigScheduler, resolvedLr } from '../optimizers';
import { simulateOne } from '../simulate';
import type { DomainPoint, OptimizerConfig, OptimizerType, Surface, Trajectory } from '../types';
import { symmetricEigen2 } from './eigen';
import { directionDynamics, stableProductBound } from './regime';
import { divergenceEdge, lrSweep } from './sweep';
import type { DivergenceEdge } from './sweep';

/** Which torch SGD update the closed form is for. */
export type SgdForm = 'plain' | 'heavy-ball' | 'nesterov';

/** The local quadratic model at step k of the path. */
export interface PathNumbers {
  /** Step index k (the update from point k). */
  readonly step: number;
  /** Point k, domain coordinates. */
  readonly point: DomainPoint;
  /** Eigenvalues of H(point k) + wd·I (units of loss per domain unit²). */
  readonly lambdaMax: number;
  readonly lambdaMin: number;
  /** The lr of step k (after the schedule). */
  readonly lr: number;
  /** lr·λ_max: the dimensionless number compared with the bound (lr·λ_min for negative curvature). */
  readonly product: number;
  /** Unit eigenvector of λ_max (the steep axis); for negativeCurvature, of λ_min. */
  readonly axis: DomainPoint;
}

/** What every SGD explanation carries: the settings and what the run did. */
interface SgdBase {
  readonly optimizer: 'sgd';
  readonly form: SgdForm;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  /** The stable band's upper edge on lr·λ (2 for plain SGD). */
  readonly bound: number;
  /** True when clip_grad_norm is set: then the step is bounded and the band is only a guide. */
  readonly clipped: boolean;
  /** The run became non-finite. */
  readonly diverged: boolean;
  /** The step whose result was non-finite (= trajectory.length − 1), when diverged. */
  readonly divergedAtStep?: number;
  /** It diverged by stepping out of f's domain (Trajectory.leftDomain), not by overflowing. */
  readonly leftDomain?: boolean;
  /** The loss at the end is above the start's (always true when diverged). */
  readonly lossGrew: boolean;
}

/** Why one run did what it did. */
export type DivergenceExplanation =
  /** The start itself has a non-finite loss (or gradient): nothing ran. */
  | { readonly kind: 'non-finite-start'; readonly point: DomainPoint; readonly loss: number }
  /**
   * lr·λ_max ≥ bound at some step: the steep axis is amplified there. `first` is the first such
   * step, `lastStep` the last (a decaying lr can bring the run back inside), `worst` the largest
   * product.
   */
  | (SgdBase & {
      readonly kind: 'exceeds-band';
      readonly first: PathNumbers;
      readonly lastStep: number;
      /** lastStep is before the run's last step: the path came back inside the band. */
      readonly backInside: boolean;
      readonly worst: PathNumbers;
    })
  /** Diverged inside the band but where the surface curves down (λ_min < 0): it runs off downhill. */
  | (SgdBase & { readonly kind: 'negative-curvature'; readonly first: PathNumbers })
  /** Diverged although the local model says stable everywhere it was: one step jumped too far. */
  | (SgdBase & { readonly kind: 'off-model'; readonly last: PathNumbers })
  /**
   * Inside the band but the steep axis does not settle monotonically: plain SGD with lr·λ > 1
   * flips sign each step ('oscillation'); momentum with complex roots spirals ('ripples').
   */
  | (SgdBase & {
      readonly kind: 'oscillates';
      readonly regime: 'oscillation' | 'ripples';
      readonly first: PathNumbers;
    })
  /**
   * Inside the band, monotone along the steep axis at every step. `worst` is the step closest to
   * the edge; `negativeCurvature` the first step on a downhill-curving direction, if any.
   */
  | (SgdBase & {
      readonly kind: 'within-band';
      readonly worst: PathNumbers;
      readonly negativeCurvature?: PathNumbers;
    })
  /** Adaptive optimizers: no closed form; the lr sweep says where divergence starts. */
  | {
      readonly kind: 'no-closed-form';
      readonly optimizer: Exclude<OptimizerType, 'sgd'>;
      readonly lr: number;
      readonly diverged: boolean;
      readonly divergedAtStep?: number;
      readonly leftDomain?: boolean;
      readonly lossGrew: boolean;
      readonly sweep: { readonly lrMin: number; readonly lrMax: number; readonly points: number };
      /**
       * sweep.ts's edge: from firstDiverged on, every swept lr ends above its starting loss or
       * non-finite (GD just past the band grows yet can stay finite for long); undefined when the
       * largest lr of the sweep did not.
       */
      readonly edge: DivergenceEdge | undefined;
    };

export type DivergenceKind = DivergenceExplanation['kind'];

/** Options of explainDivergence. */
export interface ExplainOptions {
  /** The adaptive sweep's range as factors of the run's lr (default 1e-2 … 1e3, 31 points). */
  readonly sweepBelow?: number;
  readonly sweepAbove?: number;
  readonly sweepPoints?: number;
}

/** The lr of each of `steps` steps under the config's schedule (torch's param_group['lr']). */
function learningRates(config: OptimizerConfig, steps: number): Float64Array {
  // As the run itself schedules it: OneCycleLR's total_steps defaults to the scene's steps.
  const scheduler = createConfigScheduler(config, steps);
  const lrs = new Float64Array(steps);
  for (let k = 0; k < steps; k++) {
    lrs[k] = scheduler.lr;
    scheduler.step();
  }
  return lrs;
}

function runFacts(t: Trajectory): {
  diverged: boolean;
  divergedAtStep?: number;
  leftDomain?: boolean;
  lossGrew: boolean;
} {
  const lossGrew = t.diverged || t.losses[t.length - 1]! > t.losses[0]!;
  return t.diverged
    ? {
        diverged: true,
        divergedAtStep: t.length - 1,
        ...(t.leftDomain === true ? { leftDomain: true } : {}),
        lossGrew,
      }
    : { diverged: false, lossGrew };
}

/**
 * The explanation of `config`'s run of `steps` steps from `start` on `surface` (union above).
 * Cost: one run plus a 2×2 eigen-decomposition per step for SGD; a sweep of `sweepPoints` runs
 * for the adaptive optimizers.
 */
export function explainDivergence(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  options: ExplainOptions = {},
): DivergenceExplanation {
  const g = new Float64Array(2);
  const loss0 = surface.grad(start[0], start[1], g);
  if (!Number.isFinite(loss0) || !Number.isFinite(g[0]!) || !Number.isFinite(g[1]!)) {
    return { kind: 'non-finite-start', point: [start[0], start[1]], loss: loss0 };
  }
  const trajectory = simulateOne(surface, start, steps, config);
  const facts = runFacts(trajectory);
  if (config.type !== 'sgd') {
    const lr = resolvedLr(config);
    const below = options.sweepBelow ?? 1e-2;
    const above = options.sweepAbove ?? 1e3;
    const points = options.sweepPoints ?? 31;
    const sweep = { lrMin: lr * below, lrMax: lr * above, points };
    const rows = lrSweep(surface, start, steps, config, sweep).rows;
    return {
      kind: 'no-closed-form',
      optimizer: config.type,
      lr,
      ...facts,
      sweep,
      edge: divergenceEdge(rows),
    };
  }
  const momentum = config.momentum ?? 0;
  const nesterov = config.nesterov ?? false;
  const dampening = momentum === 0 ? 0 : (config.dampening ?? 0);
  const weightDecay = config.weight_decay ?? 0;
  const settings = { momentum, dampening, nesterov };
  const bound = stableProductBound(settings);
  const form: SgdForm = momentum === 0 ? 'plain' : nesterov ? 'nesterov' : 'heavy-ball';
  const base: SgdBase = {
    optimizer: 'sgd',
    form,
    momentum,
    dampening,
    weightDecay,
    bound,
    clipped: config.clip_grad_norm !== undefined,
    ...facts,
  };

  const lrs = learningRates(config, steps);
  const h = new Float64Array(3);
  const last = Math.min(trajectory.length, steps) - 1;
  let first: PathNumbers | undefined;
  let lastStep = -1;
  let worst: PathNumbers | undefined;
  let wobble: { numbers: PathNumbers; regime: 'oscillation' | 'ripples' } | undefined;
  let downhill: PathNumbers | undefined;
  let lastNumbers: PathNumbers | undefined;
  for (let k = 0; k <= last; k++) {
    const x = trajectory.points[2 * k]!;
    const y = trajectory.points[2 * k + 1]!;
    surface.hessian(x, y, h);
    const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
    const lambdaMax = e.lambdaMax + weightDecay;
    const lambdaMin = e.lambdaMin + weightDecay;
    const lr = lrs[k]!;
    const numbers: PathNumbers = {
      step: k,
      point: [x, y],
      lambdaMax,
      lambdaMin,
      lr,
      product: lr * lambdaMax,
      axis: e.vMax,
    };
    lastNumbers = numbers;
    if (!worst || numbers.product > worst.product) worst = numbers;
    if (numbers.product >= bound) {
      first ??= numbers;
      lastStep = k;
    }
    if (!wobble && lambdaMax > 0) {
      const regime = directionDynamics(lambdaMax, { lr, ...settings }).regime;
      if (regime === 'oscillation' || regime === 'ripples') wobble = { numbers, regime };
    }
    if (!downhill && lambdaMin < 0) {
      downhill = { ...numbers, product: lr * lambdaMin, axis: e.vMin };
    }
  }
  if (first && worst) {
    return { ...base, kind: 'exceeds-band', first, lastStep, backInside: lastStep < last, worst };
  }
  if (trajectory.diverged) {
    if (downhill) return { ...base, kind: 'negative-curvature', first: downhill };
    return { ...base, kind: 'off-model', last: lastNumbers! };
  }
  if (wobble) return { ...base, kind: 'oscillates', regime: wobble.regime, first: wobble.numbers };
  return {
    ...base,
    kind: 'within-band',
    worst: worst!,
    ...(downhill ? { negativeCurvature: downhill } : {}),
  };
}

/**
 * The largest stable lr of torch SGD at `point` (bound / (λ_max + wd)), for marking the band on
 * an lr slider: Infinity when the surface does not curve up there (λ_max + wd ≤ 0), undefined for
 * the adaptive optimizers (no closed form) and for a non-finite Hessian.
 */
export function stableLrLimit(
  surface: Surface,
  point: DomainPoint,
  config: OptimizerConfig,
): number | undefined {
  if (config.type !== 'sgd') return undefined;
  const h = new Float64Array(3);
  surface.hessian(point[0], point[1], h);
  const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
  const lambda = e.lambdaMax + (config.weight_decay ?? 0);
  if (Number.isNaN(lambda)) return undefined;
  const momentum = config.momentum ?? 0;
  const bound = stableProductBound({
    momentum,
    dampening: momentum === 0 ? 0 : (config.dampening ?? 0),
    nesterov: config.nesterov ?? false,
  });
  return lambda > 0 ? bound / lambda : Infinity;
}
