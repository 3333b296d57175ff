/**
 * Learning-rate schedules with torch.optim.lr_scheduler 1.13 semantics. torch updates the param
 * group's lr recursively (each value from the previous one, see each class's `get_lr`), not from
 * the closed form, and the two differ in the last bits; we use the recursive forms so the
 * learning rates, and hence the paths, match torch.
 */
import type { Schedule } from '../types';

/** The lr a scheduler gives the next optimizer step; `step()` is torch's `scheduler.step()`. */
export interface LrScheduler {
  /** The learning rate for the next optimizer step (torch's param_group['lr']). */
  readonly lr: number;
  /** Advances one epoch, as `scheduler.step()` after each `optimizer.step()`. */
  step(): void;
}

/** Python's `%`: the result takes the divisor's sign (torch's cosine test relies on it for negatives). */
function pythonMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

class ConstantLr implements LrScheduler {
  constructor(readonly lr: number) {}
  step(): void {}
}

/** ExponentialLR: lr ← lr·γ every step. */
class ExponentialLr implements LrScheduler {
  constructor(
    public lr: number,
    private readonly gamma: number,
  ) {}
  step(): void {
    this.lr = this.lr * this.gamma;
  }
}

/** StepLR: lr ← lr·γ whenever the epoch count reaches a multiple of step_size. */
class StepLr implements LrScheduler {
  private epoch = 0;
  constructor(
    public lr: number,
    private readonly stepSize: number,
    private readonly gamma: number,
  ) {}
  step(): void {
    this.epoch++;
    if (this.epoch % this.stepSize === 0) this.lr = this.lr * this.gamma;
  }
}

/** CosineAnnealingLR's recursive form (torch's `get_lr`, not `_get_closed_form_lr`). */
class CosineLr implements LrScheduler {
  private epoch = 0;
  constructor(
    public lr: number,
    private readonly baseLr: number,
    private readonly tMax: number,
    private readonly etaMin: number,
  ) {}
  step(): void {
    const epoch = ++this.epoch;
    const { tMax, etaMin, baseLr } = this;
    if (pythonMod(epoch - 1 - tMax, 2 * tMax) === 0) {
      // At the end of each half-period the ratio form divides by zero; torch adds the bottom step.
      this.lr = this.lr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
    } else {
      this.lr =
        ((1 + Math.cos((Math.PI * epoch) / tMax)) /
          (1 + Math.cos((Math.PI * (epoch - 1)) / tMax))) *
          (this.lr - etaMin) +
        etaMin;
    }
  }
}

/**
 * A scheduler starting at `baseLr` (the optimizer's lr); `undefined` keeps lr constant.
 * Construction matches torch's, whose constructor already performs epoch 0 (lr unchanged).
 */
export function createScheduler(schedule: Schedule | undefined, baseLr: number): LrScheduler {
  if (schedule === undefined) return new ConstantLr(baseLr);
  switch (schedule.type) {
    case 'exponential':
      return new ExponentialLr(baseLr, schedule.gamma);
    case 'step':
      return new StepLr(baseLr, schedule.step_size, schedule.gamma);
    case 'cosine':
      return new CosineLr(baseLr, baseLr, schedule.t_max, schedule.eta_min);
  }
}
