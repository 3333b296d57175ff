/**
 * Learning-rate tuning and the optimizer race.
 *
 * The search: a log-spaced coarse grid over [lrMin, lrMax], then a few refinement rounds, each a
 * finer log grid strictly inside the bracket formed by the current best sample's two neighbours.
 * A grid rather than golden-section search because "steps to target" is an integer, piecewise
 * constant in lr, with plateaus and a cliff at the divergence edge: a bracket refined by sampling
 * never assumes unimodality and always keeps the best lr seen.
 *
 * Fairness: every optimizer gets the same start, the same step budget and the same target loss
 * (see criterion.ts); for surfaces without known minima the race decides the target only after
 * every optimizer's coarse pass, from the best loss any of those runs reached.
 */
import { OPTIMIZERS } from '../optimizers';
import { simulateOne } from '../simulate';
import type { DomainPoint, OptimizerConfig, OptimizerType, Scene, Surface } from '../types';
import type { Criterion, RunSummary, Target, TargetSource } from './criterion';
import { DEFAULT_CRITERION, stepsToTarget, summarize, targetBeforeRuns } from './criterion';
import type { Cancellable } from './progress';
import { logSpace } from './space';

/** What "best" means: fewest steps to the target (the race) or lowest loss after the budget. */
export type TuneObjective = 'steps' | 'final-loss';

/** Search settings; every field has a default. */
export interface TuneOptions extends Cancellable {
  /** Lowest lr tried (default 1e-5). */
  readonly lrMin?: number;
  /** Highest lr tried (default 100). */
  readonly lrMax?: number;
  /** Points of the coarse log grid (default 29: four per decade over the default range). */
  readonly coarsePoints?: number;
  /** Refinement rounds (default 3). */
  readonly refineRounds?: number;
  /** New points per refinement round (default 9). */
  readonly refinePoints?: number;
  /** What to optimise (default 'steps'). */
  readonly objective?: TuneObjective;
}

/** The outcome of tuning one optimizer. */
export interface TuneResult {
  /** The best learning rate found. */
  readonly lr: number;
  /** The run at that learning rate. */
  readonly best: RunSummary;
  /** Every run of the search, sorted by lr (for plotting the search itself). */
  readonly samples: readonly RunSummary[];
  /** The target loss the runs were judged against. */
  readonly target: Target;
  /** True when the signal stopped the search early (`best` is then the best so far). */
  readonly aborted: boolean;
}

const DEFAULTS = {
  lrMin: 1e-5,
  lrMax: 100,
  coarsePoints: 29,
  refineRounds: 3,
  refinePoints: 9,
  objective: 'steps' as TuneObjective,
};

type Settings = typeof DEFAULTS;

function settingsOf(options: TuneOptions): Settings {
  return {
    lrMin: options.lrMin ?? DEFAULTS.lrMin,
    lrMax: options.lrMax ?? DEFAULTS.lrMax,
    coarsePoints: options.coarsePoints ?? DEFAULTS.coarsePoints,
    refineRounds: options.refineRounds ?? DEFAULTS.refineRounds,
    refinePoints: options.refinePoints ?? DEFAULTS.refinePoints,
    objective: options.objective ?? DEFAULTS.objective,
  };
}

/** A sample while the search runs: the losses are kept only until the target is known. */
interface Sample {
  summary: RunSummary;
  losses: Float64Array | null;
  length: number;
}

/** a ranks strictly before b: finite runs first, then the objective, then the final loss. */
function better(a: RunSummary, b: RunSummary, objective: TuneObjective): boolean {
  if (a.diverged !== b.diverged) return !a.diverged;
  if (objective === 'steps') {
    const sa = a.stepsToTarget ?? Infinity;
    const sb = b.stepsToTarget ?? Infinity;
    if (sa !== sb) return sa < sb;
  }
  const la = Number.isNaN(a.finalLoss) ? Infinity : a.finalLoss;
  const lb = Number.isNaN(b.finalLoss) ? Infinity : b.finalLoss;
  return la < lb;
}

/** Compares two runs for a leaderboard: negative when a ranks first. */
export function compareRuns(
  a: RunSummary,
  b: RunSummary,
  objective: TuneObjective = 'steps',
): number {
  if (better(a, b, objective)) return -1;
  if (better(b, a, objective)) return 1;
  return a.lr - b.lr;
}

/** One optimizer's search, split in phases so the race can fix a shared target in between. */
class LrSearch {
  readonly samples: Sample[] = [];
  private target: Target | undefined;

  constructor(
    private readonly surface: Surface,
    private readonly start: DomainPoint,
    private readonly steps: number,
    private readonly config: OptimizerConfig,
    private readonly settings: Settings,
    target: Target | undefined,
  ) {
    this.target = target;
  }

  get runsPlanned(): number {
    return this.settings.coarsePoints + this.settings.refineRounds * this.settings.refinePoints;
  }

  /** Runs one lr; returns false when the signal asked to stop first. */
  private run(lr: number, options: Cancellable, tick: () => void): boolean {
    if (options.signal?.aborted) return false;
    const trajectory = simulateOne(this.surface, this.start, this.steps, { ...this.config, lr });
    const targetLoss = this.target?.loss ?? -Infinity;
    this.samples.push({
      summary: summarize(trajectory, lr, targetLoss),
      losses: this.target ? null : trajectory.losses,
      length: trajectory.length,
    });
    tick();
    return true;
  }

  coarse(options: Cancellable, tick: () => void): boolean {
    const { lrMin, lrMax, coarsePoints } = this.settings;
    for (const lr of logSpace(lrMin, lrMax, coarsePoints))
      if (!this.run(lr, options, tick)) return false;
    return true;
  }

  get hasTarget(): boolean {
    return this.target !== undefined;
  }

  /** The lowest loss any run of this search reached (for the 'best-run' target). */
  bestLossSeen(): number {
    let best = Infinity;
    for (const s of this.samples) if (s.summary.bestLoss < best) best = s.summary.bestLoss;
    return best;
  }

  /** Fixes the target and re-judges the runs made before it was known. */
  setTarget(target: Target): void {
    this.target = target;
    for (const s of this.samples) {
      if (s.losses) {
        s.summary = { ...s.summary, stepsToTarget: stepsToTarget(s.losses, s.length, target.loss) };
        s.losses = null;
      }
    }
  }

  refine(options: Cancellable, tick: () => void): boolean {
    const { refineRounds, refinePoints } = this.settings;
    for (let round = 0; round < refineRounds; round++) {
      this.samples.sort((a, b) => a.summary.lr - b.summary.lr);
      const i = this.bestIndex();
      const lo = this.samples[Math.max(0, i - 1)]!.summary.lr;
      const hi = this.samples[Math.min(this.samples.length - 1, i + 1)]!.summary.lr;
      if (!(hi > lo)) break;
      // refinePoints strictly inside (lo, hi): the endpoints were already run.
      const grid = logSpace(lo, hi, refinePoints + 2);
      for (let j = 1; j <= refinePoints; j++) if (!this.run(grid[j]!, options, tick)) return false;
    }
    return true;
  }

  private bestIndex(): number {
    let best = 0;
    for (let i = 1; i < this.samples.length; i++) {
      if (better(this.samples[i]!.summary, this.samples[best]!.summary, this.settings.objective))
        best = i;
    }
    return best;
  }

  result(aborted: boolean): TuneResult | undefined {
    if (this.samples.length === 0 || !this.target) return undefined;
    this.samples.sort((a, b) => a.summary.lr - b.summary.lr);
    const best = this.samples[this.bestIndex()]!.summary;
    return {
      lr: best.lr,
      best,
      samples: this.samples.map((s) => s.summary),
      target: this.target,
      aborted,
    };
  }
}

function checkSteps(steps: number): void {
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`steps must be a positive integer, got ${steps}`);
}

/** The 'best-run' target: the lowest loss seen + ε (the start's loss when nothing was finite). */
function bestRunTarget(best: number, epsilon: number): Target {
  return { loss: (Number.isFinite(best) ? best : Infinity) + epsilon, source: 'best-run' };
}

/**
 * Tunes `config`'s learning rate on `surface` from `start` with a `steps` budget (log grid, then
 * refinement; module comment). Other hyper-parameters, the schedule and clipping stay as given.
 * Returns undefined only when aborted before the first run finished.
 */
export function tuneLearningRate(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  criterion: Criterion = DEFAULT_CRITERION,
  options: TuneOptions = {},
): TuneResult | undefined {
  checkSteps(steps);
  const settings = settingsOf(options);
  const search = new LrSearch(
    surface,
    start,
    steps,
    config,
    settings,
    targetBeforeRuns(surface, start, criterion),
  );
  let done = 0;
  const total = search.runsPlanned;
  const tick = () => options.onProgress?.(++done, total);
  let finished = search.coarse(options, tick);
  if (!search.hasTarget && search.samples.length > 0) {
    search.setTarget(bestRunTarget(search.bestLossSeen(), criterion.epsilon));
  }
  if (finished) finished = search.refine(options, tick);
  return search.result(!finished);
}

/** One leaderboard row of the race. */
export interface RaceRow extends RunSummary {
  /** 1-based place: finite runs first, then fewest steps to the target, then lowest final loss. */
  readonly rank: number;
  /** Index of the optimizer in the scene. */
  readonly index: number;
  /** Display name: the config's label or the type's. */
  readonly label: string;
  readonly type: OptimizerType;
  /** The scene's config with the tuned lr, ready to put back into a scene. */
  readonly config: OptimizerConfig;
}

/** The race's outcome. */
export interface RaceResult {
  /** Leaderboard, best first. Empty when aborted. */
  readonly rows: readonly RaceRow[];
  /** The one target every optimizer was judged against. */
  readonly targetLoss: number;
  readonly targetSource: TargetSource;
  readonly aborted: boolean;
}

/**
 * Tunes every optimizer of the scene (hidden ones too) for the fewest steps to the criterion's
 * target, from the scene's start with the scene's step budget, and ranks them. Progress counts runs
 * over all optimizers.
 */
export function race(
  scene: Scene,
  surface: Surface,
  criterion: Criterion = DEFAULT_CRITERION,
  options: TuneOptions = {},
): RaceResult {
  checkSteps(scene.steps);
  const settings = { ...settingsOf(options), objective: 'steps' as TuneObjective };
  const known = targetBeforeRuns(surface, scene.start, criterion);
  const searches = scene.optimizers.map(
    (config) => new LrSearch(surface, scene.start, scene.steps, config, settings, known),
  );
  const total = searches.reduce((sum, s) => sum + s.runsPlanned, 0);
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const aborted = (target: Target | undefined): RaceResult => ({
    rows: [],
    targetLoss: target?.loss ?? NaN,
    targetSource: target?.source ?? 'best-run',
    aborted: true,
  });

  for (const s of searches) if (!s.coarse(options, tick)) return aborted(known);
  let target = known;
  if (!target) {
    const best = Math.min(...searches.map((s) => s.bestLossSeen()));
    target = bestRunTarget(best, criterion.epsilon);
    for (const s of searches) s.setTarget(target);
  }
  for (const s of searches) if (!s.refine(options, tick)) return aborted(target);

  const rows = searches.map((s, index) => {
    const result = s.result(false)!;
    const config = scene.optimizers[index]!;
    return {
      ...result.best,
      rank: 0,
      index,
      label: config.label ?? OPTIMIZERS[config.type].label,
      type: config.type,
      config: { ...config, lr: result.lr },
    };
  });
  rows.sort((a, b) => compareRuns(a, b, 'steps') || a.index - b.index);
  return {
    rows: rows.map((row, i) => ({ ...row, rank: i + 1 })),
    targetLoss: target.loss,
    targetSource: target.source,
    aborted: false,
  };
}
