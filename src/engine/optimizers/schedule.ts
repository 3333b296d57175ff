/**
 * Learning-rate schedules: a line-by-line port of torch 2.14's torch/optim/lr_scheduler.py (as 2.13's) as it
 * runs in a plain loop (`optimizer.step(); scheduler.step()`), in float64. torch updates the param
 * group's lr chainably (each value from the previous one, see each class's `get_lr`), not from
 * the closed form, and the two differ in the last bits; we follow `get_lr`, and the closed form
 * only where torch itself uses it (SequentialLR's `_update_lr(0)` at a milestone).
 *
 * The schedulers share one mutable `ParamGroup`, as torch's share `optimizer.param_groups[0]`:
 * SequentialLR's children, OneCycleLR's `initial_lr`/`max_lr` keys and the cycled momentum all
 * interact through it exactly as in torch. Where Python would raise (ZeroDivisionError, OneCycleLR
 * stepped past total_steps, a ValueError at construction) we throw a ScheduleError naming the field.
 */
import { engineMessage, type EngineMessageCode, type MessageParams } from '../messages';
import type { Schedule } from '../types';
import { scheduleBoolean, scheduleChoice, scheduleNumber } from './schedule-spec';

/**
 * Something torch would raise for, with the field to blame (a path inside the schedule), the
 * message code and parameters (engine/messages.ts) and torch's own words (`reason`, English,
 * ending the English message; the app adds it on English pages only).
 */
export class ScheduleError extends Error {
  constructor(
    /** e.g. 'step_size' or 'schedulers[1].max_lr'. */
    readonly field: string,
    readonly code: EngineMessageCode,
    readonly params: MessageParams = {},
    readonly reason?: string,
  ) {
    super(engineMessage(code, params) + (reason === undefined ? '' : ` (${reason})`));
    this.name = 'ScheduleError';
  }
}

/** torch's `optimizer.param_groups[0]`, the keys schedulers read and write. */
interface ParamGroup {
  lr: number;
  initial_lr?: number;
  /** `momentum` or `betas[0]`, whichever the optimizer has; undefined until a scheduler sets it. */
  momentum?: number;
  max_lr?: number;
  min_lr?: number;
  max_momentum?: number;
  base_momentum?: number;
}

/** What the optimizer a schedule drives offers to cycle (torch checks `optimizer.defaults`). */
export type MomentumKey = 'momentum' | 'betas' | undefined;

/** Context a schedule needs beyond its own fields. */
export interface ScheduleContext {
  /** The scene's step count: OneCycleLR's total_steps when the schedule leaves it out. */
  readonly steps?: number;
  /** Whether the optimizer has `momentum`, `betas` or neither (cycle_momentum needs one). */
  readonly momentumKey?: MomentumKey;
}

/** The lr (and cycled momentum) a scheduler gives the next optimizer step. */
export interface LrScheduler {
  /** The learning rate for the next optimizer step (torch's param_group['lr']). */
  readonly lr: number;
  /** The momentum or β1 for the next step when a schedule cycles it, else undefined. */
  readonly momentum: number | undefined;
  /**
   * Advances one epoch, as `scheduler.step()` after each `optimizer.step()`. `loss` is the loss
   * at the point whose gradient that optimizer step used (ReduceLROnPlateau's metric).
   */
  step(loss?: number): void;
}

// ---- Python arithmetic where it differs from JavaScript's ------------------------------------

function zeroDivision(field: string): ScheduleError {
  return new ScheduleError(field, 'schedule.zeroDivision', {}, 'ZeroDivisionError');
}

/** Python's `a / b`: raises on a zero divisor. */
function div(a: number, b: number, field: string): number {
  if (b === 0) throw zeroDivision(field);
  return a / b;
}

/** Python's `a % b`: the result takes the divisor's sign; raises on a zero divisor. */
function mod(a: number, b: number, field: string): number {
  if (b === 0) throw zeroDivision(field);
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** Python's `a // b` on whole numbers. */
function floorDiv(a: number, b: number, field: string): number {
  if (b === 0) throw zeroDivision(field);
  return Math.floor(a / b);
}

/** Python's float `a ** b`: 0 to a negative power raises; a negative base to a fraction is complex. */
function pow(a: number, b: number, field: string): number {
  if (a === 0 && b < 0) throw zeroDivision(field);
  if (a < 0 && !Number.isInteger(b)) {
    throw new ScheduleError(field, 'schedule.fractionalPower');
  }
  return Math.pow(a, b);
}

/** bisect.bisect_right on a sorted list. */
function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < sorted[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---- torch.optim.lr_scheduler.LRScheduler and its subclasses ---------------------------------

/** torch's LRScheduler base: last_epoch, base_lrs, `_initial_step`, `step`, `_update_lr`. */
abstract class TorchScheduler {
  lastEpoch = -1;
  baseLr = 0;
  stepCount = 0;
  isInitial = false;

  constructor(
    readonly group: ParamGroup,
    /** Prefix for error fields, e.g. 'schedulers[1].'. */
    readonly at: string,
  ) {}

  /** LRScheduler.__init__ with last_epoch = -1; subclasses call it after setting their fields. */
  protected init(): void {
    this.group.initial_lr ??= this.group.lr;
    this.baseLr = this.group.initial_lr;
    this.lastEpoch = -1;
    this.initialStep();
  }

  initialStep(): void {
    this.stepCount = 0;
    this.isInitial = true;
    try {
      this.step();
    } finally {
      this.isInitial = false;
    }
  }

  step(): void {
    this.stepCount++;
    this.updateLr(undefined);
  }

  updateLr(epoch: number | undefined): void {
    let value: number;
    if (epoch === undefined) {
      this.lastEpoch++;
      value = this.getLr();
    } else {
      this.lastEpoch = epoch;
      value = this.closedForm ? this.closedForm() : this.getLr();
    }
    this.group.lr = value;
  }

  abstract getLr(): number;
  closedForm?(): number;

  /** SequentialLR.recursive_undo. */
  undo(): void {
    this.lastEpoch--;
  }

  protected f(name: string): string {
    return this.at + name;
  }
}

class StepLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly stepSize: number,
    private readonly gamma: number,
  ) {
    super(group, at);
    this.init();
  }
  override getLr(): number {
    const e = this.lastEpoch;
    if (e === 0 || mod(e, this.stepSize, this.f('step_size')) !== 0) return this.group.lr;
    return this.group.lr * this.gamma;
  }
  override closedForm(): number {
    const times = floorDiv(this.lastEpoch, this.stepSize, this.f('step_size'));
    return this.baseLr * pow(this.gamma, times, this.f('gamma'));
  }
}

class MultiStepLR extends TorchScheduler {
  private readonly counts = new Map<number, number>();
  private readonly sorted: number[];
  constructor(
    group: ParamGroup,
    at: string,
    milestones: readonly number[],
    private readonly gamma: number,
  ) {
    super(group, at);
    for (const m of milestones) this.counts.set(m, (this.counts.get(m) ?? 0) + 1);
    this.sorted = [...milestones].sort((a, b) => a - b);
    this.init();
  }
  override getLr(): number {
    const count = this.counts.get(this.lastEpoch);
    if (count === undefined) return this.group.lr;
    return this.group.lr * pow(this.gamma, count, this.f('gamma'));
  }
  override closedForm(): number {
    return this.baseLr * pow(this.gamma, bisectRight(this.sorted, this.lastEpoch), this.f('gamma'));
  }
}

class ConstantLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly factor: number,
    private readonly totalIters: number,
  ) {
    super(group, at);
    if (factor > 1 || factor < 0) {
      throw new ScheduleError(this.f('factor'), 'schedule.interval', {
        interval: '[0, 1]',
        scheduler: 'ConstantLR',
      });
    }
    this.init();
  }
  override getLr(): number {
    if (this.lastEpoch === 0) return this.group.lr * this.factor;
    if (this.lastEpoch !== this.totalIters) return this.group.lr;
    return this.group.lr * div(1, this.factor, this.f('factor'));
  }
  override closedForm(): number {
    const done = this.lastEpoch >= this.totalIters ? 1 : 0;
    return this.baseLr * (this.factor + done * (1 - this.factor));
  }
}

class LinearLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly startFactor: number,
    private readonly endFactor: number,
    private readonly totalIters: number,
  ) {
    super(group, at);
    if (startFactor > 1 || startFactor <= 0) {
      throw new ScheduleError(this.f('start_factor'), 'schedule.interval', {
        interval: '(0, 1]',
        scheduler: 'LinearLR',
      });
    }
    if (endFactor > 1 || endFactor < 0) {
      throw new ScheduleError(this.f('end_factor'), 'schedule.interval', {
        interval: '[0, 1]',
        scheduler: 'LinearLR',
      });
    }
    this.init();
  }
  override getLr(): number {
    const { startFactor: s, endFactor: e, totalIters: t, lastEpoch: k } = this;
    if (k === 0) return this.group.lr * s;
    if (this.isInitial || k > t) return this.group.lr;
    return this.group.lr * (1 + div(e - s, t * s + (k - 1) * (e - s), this.f('total_iters')));
  }
  override closedForm(): number {
    const { startFactor: s, endFactor: e, totalIters: t } = this;
    return this.baseLr * (s + div((e - s) * Math.min(t, this.lastEpoch), t, this.f('total_iters')));
  }
}

class ExponentialLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly gamma: number,
  ) {
    super(group, at);
    this.init();
  }
  override getLr(): number {
    return this.isInitial ? this.group.lr : this.group.lr * this.gamma;
  }
  override closedForm(): number {
    return this.baseLr * pow(this.gamma, this.lastEpoch, this.f('gamma'));
  }
}

class PolynomialLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly totalIters: number,
    private readonly power: number,
  ) {
    super(group, at);
    this.init();
  }
  override getLr(): number {
    const { totalIters: t, lastEpoch: k } = this;
    if (this.isInitial || k > t) return this.group.lr;
    const field = this.f('total_iters');
    const ratio = div(1 - div(k, t, field), 1 - div(k - 1, t, field), field);
    return this.group.lr * pow(ratio, this.power, this.f('power'));
  }
  override closedForm(): number {
    const t = this.totalIters;
    const left = 1 - div(Math.min(t, this.lastEpoch), t, this.f('total_iters'));
    return this.baseLr * pow(left, this.power, this.f('power'));
  }
}

class CosineAnnealingLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly tMax: number,
    private readonly etaMin: number,
  ) {
    super(group, at);
    this.init();
  }
  override getLr(): number {
    const { tMax, etaMin, baseLr, lastEpoch: k } = this;
    const field = this.f('t_max');
    if (this.isInitial) return this.group.lr;
    if (this.stepCount === 1 && k > 0) {
      return etaMin + ((baseLr - etaMin) * (1 + Math.cos(div(k * Math.PI, tMax, field)))) / 2;
    }
    if (mod(k - 1 - tMax, 2 * tMax, field) === 0) {
      // At the end of each half-period the ratio form divides by zero; torch adds the bottom step.
      return this.group.lr + ((baseLr - etaMin) * (1 - Math.cos(div(Math.PI, tMax, field)))) / 2;
    }
    return (
      div(
        1 + Math.cos(div(Math.PI * k, tMax, field)),
        1 + Math.cos(div(Math.PI * (k - 1), tMax, field)),
        field,
      ) *
        (this.group.lr - etaMin) +
      etaMin
    );
  }
  override closedForm(): number {
    const { tMax, etaMin, baseLr } = this;
    const angle = div(Math.PI * this.lastEpoch, tMax, this.f('t_max'));
    return etaMin + ((baseLr - etaMin) * (1 + Math.cos(angle))) / 2;
  }
}

class CosineAnnealingWarmRestarts extends TorchScheduler {
  private tI: number;
  private tCur: number;
  constructor(
    group: ParamGroup,
    at: string,
    private readonly t0: number,
    private readonly tMult: number,
    private readonly etaMin: number,
  ) {
    super(group, at);
    if (!(t0 > 0 && Number.isInteger(t0))) {
      throw new ScheduleError(this.f('t_0'), 'schedule.positiveWhole', { got: t0 });
    }
    if (!(tMult >= 1 && Number.isInteger(tMult))) {
      throw new ScheduleError(this.f('t_mult'), 'schedule.wholeAtLeast', { min: 1, got: tMult });
    }
    this.tI = t0;
    this.tCur = -1;
    this.init();
  }
  override getLr(): number {
    const { etaMin, baseLr } = this;
    return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2;
  }
  /** torch overrides step(); only the epoch=None path runs in a plain loop. */
  override step(): void {
    let epoch: number;
    if (this.lastEpoch < 0) {
      epoch = 0;
      this.tI = this.t0;
      this.tCur = 0;
    } else {
      epoch = this.lastEpoch + 1;
      this.tCur = this.tCur + 1;
      if (this.tCur >= this.tI) {
        this.tCur = this.tCur % this.tI;
        this.tI = this.tI * this.tMult;
      }
    }
    this.lastEpoch = epoch;
    this.group.lr = this.getLr();
  }
}

/** OneCycleLR's phases: each reads group keys by name, as torch's `_schedule_phases` do. */
interface Phase {
  readonly endStep: number;
  readonly startLr: 'initial_lr' | 'max_lr';
  readonly endLr: 'initial_lr' | 'max_lr' | 'min_lr';
  readonly startMomentum: 'max_momentum' | 'base_momentum';
  readonly endMomentum: 'max_momentum' | 'base_momentum';
}

class OneCycleLR extends TorchScheduler {
  private readonly phases: readonly Phase[];
  constructor(
    group: ParamGroup,
    at: string,
    momentumKey: MomentumKey,
    private readonly totalSteps: number,
    maxLr: number,
    pctStart: number,
    private readonly annealStrategy: string,
    private readonly cycleMomentum: boolean,
    baseMomentum: number,
    maxMomentum: number,
    divFactor: number,
    finalDivFactor: number,
    threePhase: boolean,
  ) {
    super(group, at);
    if (!(totalSteps > 0 && Number.isInteger(totalSteps))) {
      throw new ScheduleError(this.f('total_steps'), 'schedule.positiveWhole', {
        got: totalSteps,
      });
    }
    const t = totalSteps;
    this.phases = threePhase
      ? [
          {
            endStep: pctStart * t - 1,
            startLr: 'initial_lr',
            endLr: 'max_lr',
            startMomentum: 'max_momentum',
            endMomentum: 'base_momentum',
          },
          {
            endStep: 2 * pctStart * t - 2,
            startLr: 'max_lr',
            endLr: 'initial_lr',
            startMomentum: 'base_momentum',
            endMomentum: 'max_momentum',
          },
          {
            endStep: t - 1,
            startLr: 'initial_lr',
            endLr: 'min_lr',
            startMomentum: 'max_momentum',
            endMomentum: 'max_momentum',
          },
        ]
      : [
          {
            endStep: pctStart * t - 1,
            startLr: 'initial_lr',
            endLr: 'max_lr',
            startMomentum: 'max_momentum',
            endMomentum: 'base_momentum',
          },
          {
            endStep: t - 1,
            startLr: 'max_lr',
            endLr: 'min_lr',
            startMomentum: 'base_momentum',
            endMomentum: 'max_momentum',
          },
        ];
    if (pctStart < 0 || pctStart > 1) {
      throw new ScheduleError(this.f('pct_start'), 'schedule.between', {
        min: 0,
        max: 1,
        got: pctStart,
      });
    }
    group.initial_lr = div(maxLr, divFactor, this.f('div_factor'));
    group.max_lr = maxLr;
    group.min_lr = div(group.initial_lr, finalDivFactor, this.f('final_div_factor'));
    if (cycleMomentum) {
      if (momentumKey === undefined) throw noMomentum(this.f('cycle_momentum'));
      group.momentum = maxMomentum;
      group.max_momentum = maxMomentum;
      group.base_momentum = baseMomentum;
    }
    this.init();
  }
  private anneal(start: number, end: number, pct: number): number {
    if (this.annealStrategy === 'cos')
      return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
    return (end - start) * pct + start;
  }
  override getLr(): number {
    const k = this.lastEpoch;
    if (k > this.totalSteps) {
      throw new ScheduleError(
        this.f('total_steps'),
        'schedule.tooFewSteps',
        { total: this.totalSteps },
        `torch: "Tried to step ${k} times"`,
      );
    }
    const g = this.group;
    let start = 0;
    for (let i = 0; i < this.phases.length; i++) {
      const phase = this.phases[i]!;
      if (k <= phase.endStep || i === this.phases.length - 1) {
        const pct = div(k - start, phase.endStep - start, this.f('pct_start'));
        const lr = this.anneal(g[phase.startLr]!, g[phase.endLr]!, pct);
        if (this.cycleMomentum) {
          g.momentum = this.anneal(g[phase.startMomentum]!, g[phase.endMomentum]!, pct);
        }
        return lr;
      }
      start = phase.endStep;
    }
    return g.lr;
  }
}

function noMomentum(field: string): ScheduleError {
  return new ScheduleError(
    field,
    'schedule.noMomentum',
    {},
    'torch: "optimizer must support momentum or beta1 with `cycle_momentum` option enabled"',
  );
}

class CyclicLR extends TorchScheduler {
  private readonly totalSize: number;
  private readonly stepRatio: number;
  private readonly scaleMode: 'cycle' | 'iterations';
  constructor(
    group: ParamGroup,
    at: string,
    momentumKey: MomentumKey,
    baseLr: number,
    private readonly maxLr: number,
    stepSizeUp: number,
    stepSizeDown: number | undefined,
    private readonly mode: string,
    private readonly gamma: number,
    private readonly cycleMomentum: boolean,
    private readonly baseMomentum: number,
    private readonly maxMomentum: number,
  ) {
    super(group, at);
    group.lr = baseLr;
    const down = stepSizeDown ?? stepSizeUp;
    this.totalSize = stepSizeUp + down;
    this.stepRatio = div(stepSizeUp, this.totalSize, this.f('step_size_up'));
    // torch's _init_scale_fn fixes scale_mode for its three built-in modes, whatever was passed.
    this.scaleMode = mode === 'exp_range' ? 'iterations' : 'cycle';
    if (cycleMomentum) {
      if (momentumKey === undefined) throw noMomentum(this.f('cycle_momentum'));
      group.momentum = maxMomentum;
      group.max_momentum = maxMomentum;
      group.base_momentum = baseMomentum;
    }
    this.init();
    this.baseLr = baseLr;
  }
  private scale(x: number): number {
    if (this.mode === 'triangular') return 1;
    if (this.mode === 'triangular2') return 1 / Math.pow(2, x - 1);
    return pow(this.gamma, x, this.f('gamma'));
  }
  override getLr(): number {
    const k = this.lastEpoch;
    const cycle = Math.floor(1 + k / this.totalSize);
    const x = 1 + k / this.totalSize - cycle;
    const scaleFactor =
      x <= this.stepRatio
        ? div(x, this.stepRatio, this.f('step_size_up'))
        : div(x - 1, this.stepRatio - 1, this.f('step_size_down'));
    const scale = this.scale(this.scaleMode === 'cycle' ? cycle : k);
    const lr = this.baseLr + (this.maxLr - this.baseLr) * scaleFactor * scale;
    if (this.cycleMomentum) {
      const height = (this.maxMomentum - this.baseMomentum) * scaleFactor;
      this.group.momentum = this.maxMomentum - height * scale;
    }
    return lr;
  }
}

class SequentialLR extends TorchScheduler {
  constructor(
    group: ParamGroup,
    at: string,
    private readonly children: readonly TorchScheduler[],
    private readonly milestones: readonly number[],
  ) {
    super(group, at);
    if (milestones.length !== children.length - 1) {
      throw new ScheduleError(this.f('milestones'), 'schedule.milestoneCount', {
        expected: children.length - 1,
        got: milestones.length,
      });
    }
    this.lastEpoch = 0;
    group.lr = group.initial_lr!;
    this.undo();
    // torch 2.13 and 2.14: "Perform the initial step for only the scheduler meant to run at step
    // 0", bisect_right(milestones, 0): a milestone ≤ 0 starts on a later schedule (checked
    // against torch 2.14.1 in the scheduler fixtures).
    children[bisectRight(this.milestones, 0)]!.initialStep();
  }
  override undo(): void {
    for (const child of this.children) child.undo();
  }
  override step(): void {
    this.lastEpoch++;
    const idx = bisectRight(this.milestones, this.lastEpoch);
    const child = this.children[idx]!;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) child.updateLr(0);
    else child.step();
  }
  override updateLr(epoch: number | undefined): void {
    // Reached only when a SequentialLR is itself a child: torch's base _update_lr(0) then calls
    // SequentialLR.get_lr, which it does not define (NotImplementedError).
    void epoch;
    throw new ScheduleError(
      this.f('type'),
      'schedule.sequentialAtMilestone',
      {},
      'NotImplementedError',
    );
  }
  override getLr(): number {
    return this.group.lr;
  }
}

/** ReduceLROnPlateau: not an LRScheduler subclass in practice (no initial step, stepped with a metric). */
class ReduceLROnPlateau {
  private best: number;
  private numBadEpochs = 0;
  private cooldownCounter = 0;
  constructor(
    private readonly group: ParamGroup,
    private readonly mode: string,
    private readonly factor: number,
    private readonly patience: number,
    private readonly threshold: number,
    private readonly thresholdMode: string,
    private readonly cooldown: number,
    private readonly minLr: number,
    private readonly eps: number,
  ) {
    if (factor >= 1) {
      throw new ScheduleError('factor', 'schedule.below', {
        max: 1,
        got: factor,
        scheduler: 'ReduceLROnPlateau',
      });
    }
    this.best = mode === 'min' ? Infinity : -Infinity;
  }
  private isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.thresholdMode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }
  step(current: number): void {
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs++;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      const oldLr = this.group.lr;
      const newLr = Math.max(oldLr * this.factor, this.minLr);
      if (oldLr - newLr > this.eps) this.group.lr = newLr;
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
  }
}

/** Builds torch's scheduler object for `schedule` on `group` (children of a sequential share it). */
function build(
  schedule: Schedule,
  group: ParamGroup,
  at: string,
  context: ScheduleContext,
): TorchScheduler {
  const n = (name: string): number => scheduleNumber(schedule, name, context.steps ?? 0);
  const b = (name: string): boolean => scheduleBoolean(schedule, name);
  const c = (name: string): string => scheduleChoice(schedule, name);
  switch (schedule.type) {
    case 'step':
      return new StepLR(group, at, n('step_size'), n('gamma'));
    case 'multistep':
      return new MultiStepLR(group, at, schedule.milestones, n('gamma'));
    case 'exponential':
      return new ExponentialLR(group, at, n('gamma'));
    case 'cosine':
      return new CosineAnnealingLR(group, at, n('t_max'), n('eta_min'));
    case 'linear':
      return new LinearLR(group, at, n('start_factor'), n('end_factor'), n('total_iters'));
    case 'constant':
      return new ConstantLR(group, at, n('factor'), n('total_iters'));
    case 'polynomial':
      return new PolynomialLR(group, at, n('total_iters'), n('power'));
    case 'cosine_warm_restarts':
      return new CosineAnnealingWarmRestarts(group, at, n('t_0'), n('t_mult'), n('eta_min'));
    case 'onecycle':
      return new OneCycleLR(
        group,
        at,
        context.momentumKey,
        n('total_steps'),
        n('max_lr'),
        n('pct_start'),
        c('anneal_strategy'),
        b('cycle_momentum'),
        n('base_momentum'),
        n('max_momentum'),
        n('div_factor'),
        n('final_div_factor'),
        b('three_phase'),
      );
    case 'cyclic':
      return new CyclicLR(
        group,
        at,
        context.momentumKey,
        n('base_lr'),
        n('max_lr'),
        n('step_size_up'),
        schedule.step_size_down,
        c('mode'),
        n('gamma'),
        b('cycle_momentum'),
        n('base_momentum'),
        n('max_momentum'),
      );
    case 'sequential': {
      // torch builds the children first (each runs its own initial step on the shared group).
      const children = schedule.schedulers.map((child, i) => {
        if (child.type === 'plateau') {
          throw new ScheduleError(`${at}schedulers[${i}].type`, 'schedule.plateauInSequential');
        }
        return build(child, group, `${at}schedulers[${i}].`, context);
      });
      if (children.length < 1) {
        throw new ScheduleError(`${at}schedulers`, 'schedule.sequentialEmpty');
      }
      return new SequentialLR(group, at, children, schedule.milestones);
    }
    case 'plateau':
      throw new ScheduleError(`${at}type`, 'schedule.plateauAlone');
  }
}

class Running implements LrScheduler {
  constructor(
    private readonly group: ParamGroup,
    private readonly advance: (loss: number) => void,
  ) {}
  get lr(): number {
    return this.group.lr;
  }
  get momentum(): number | undefined {
    return this.group.momentum;
  }
  step(loss = NaN): void {
    this.advance(loss);
  }
}

/**
 * A scheduler over an optimizer whose lr is `baseLr`; `undefined` keeps lr constant.
 * Construction matches torch's, whose constructor already performs epoch 0 (OneCycleLR and
 * CyclicLR then set their own starting lr and momentum). Throws a ScheduleError where torch raises
 * at construction; `step` throws where torch raises while stepping.
 */
export function createScheduler(
  schedule: Schedule | undefined,
  baseLr: number,
  context: ScheduleContext = {},
): LrScheduler {
  const group: ParamGroup = { lr: baseLr };
  if (schedule === undefined) return new Running(group, () => {});
  if (schedule.type === 'plateau') {
    const n = (name: string): number => scheduleNumber(schedule, name);
    const plateau = new ReduceLROnPlateau(
      group,
      scheduleChoice(schedule, 'mode'),
      n('factor'),
      n('patience'),
      n('threshold'),
      scheduleChoice(schedule, 'threshold_mode'),
      n('cooldown'),
      n('min_lr'),
      n('eps'),
    );
    return new Running(group, (loss) => plateau.step(loss));
  }
  const root = build(schedule, group, '', context);
  return new Running(group, () => root.step());
}

/**
 * The lr (and momentum, when cycled) each of `steps` optimizer steps uses, for a schedule alone:
 * the editor's preview and the validator's dry run. A plateau schedule sees a constant loss here.
 */
export function scheduleValues(
  schedule: Schedule | undefined,
  baseLr: number,
  steps: number,
  context: ScheduleContext = {},
): { readonly lrs: number[]; readonly momentums: (number | undefined)[] } {
  const scheduler = createScheduler(schedule, baseLr, { steps, ...context });
  const lrs: number[] = [];
  const momentums: (number | undefined)[] = [];
  for (let k = 0; k < steps; k++) {
    lrs.push(scheduler.lr);
    momentums.push(scheduler.momentum);
    scheduler.step(0);
  }
  return { lrs, momentums };
}
