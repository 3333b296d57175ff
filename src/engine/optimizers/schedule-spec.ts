/**
 * The schema of every learning-rate schedule: torch.optim.lr_scheduler's class, its arguments (our
 * snake_case names; torch spells three of them T_max, T_0, T_mult), their defaults and the checks
 * torch's constructors make. One table serves the validator, the URL text, "Copy as PyTorch" and
 * the schedule editor, so a field added here reaches all four.
 */
import type { Schedule, ScheduleType } from '../types';

/** One argument of a scheduler. A field without `default` is required (torch has no default). */
export type ScheduleFieldSpec =
  | {
      readonly name: string;
      readonly kind: 'number';
      readonly default?: number;
      /** Whole numbers only: torch checks isinstance(int) (T_0, T_mult, total_steps). */
      readonly integer?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly minExclusive?: boolean;
      readonly maxExclusive?: boolean;
      /** `null` is accepted and means "absent" (CyclicLR's step_size_down). */
      readonly nullable?: boolean;
      /** The default is the scene's step count (OneCycleLR's total_steps). */
      readonly defaultSteps?: boolean;
    }
  | { readonly name: string; readonly kind: 'boolean'; readonly default: boolean }
  | {
      readonly name: string;
      readonly kind: 'choice';
      readonly options: readonly string[];
      readonly default: string;
    }
  /** A list of numbers (milestones: only whole ones are ever reached, as in torch). */
  | { readonly name: string; readonly kind: 'list'; readonly default?: readonly number[] }
  /** SequentialLR's list of schedules. */
  | { readonly name: string; readonly kind: 'schedules' };

/** Every schedule type, in the editor's order. */
export const SCHEDULE_TYPES = [
  'step',
  'multistep',
  'exponential',
  'cosine',
  'linear',
  'constant',
  'polynomial',
  'cosine_warm_restarts',
  'onecycle',
  'cyclic',
  'sequential',
  'plateau',
] as const satisfies readonly ScheduleType[];

const num = (
  name: string,
  extra: Omit<Extract<ScheduleFieldSpec, { kind: 'number' }>, 'name' | 'kind'> = {},
): ScheduleFieldSpec => ({ name, kind: 'number', ...extra });
const int = (name: string, defaultValue?: number, min?: number): ScheduleFieldSpec => ({
  name,
  kind: 'number',
  integer: true,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
  ...(min === undefined ? {} : { min }),
});
const bool = (name: string, defaultValue: boolean): ScheduleFieldSpec => ({
  name,
  kind: 'boolean',
  default: defaultValue,
});
const choice = (name: string, options: readonly string[]): ScheduleFieldSpec => ({
  name,
  kind: 'choice',
  options,
  default: options[0]!,
});

/**
 * Each type's fields in torch's argument order, with torch 2.13 and 2.14's defaults and constructor checks (the same)
 * (e.g. LinearLR's 0 < start_factor <= 1). Only T_0, T_mult and total_steps must be whole (torch
 * checks isinstance int); the counts torch leaves unchecked (StepLR's step_size, LinearLR's
 * total_iters, CyclicLR's step sizes, ReduceLROnPlateau's patience, milestones, …) take any finite
 * number and run as torch runs them (step_size 2.5 decays at steps 5, 10, …; ConstantLR with
 * total_iters 2.5 never lifts its factor). A value that makes torch raise during the run (a zero
 * step_size divides by zero) is refused by the validator's dry run instead.
 */
export const SCHEDULE_FIELDS: Readonly<Record<ScheduleType, readonly ScheduleFieldSpec[]>> = {
  step: [num('step_size'), num('gamma', { default: 0.1 })],
  multistep: [{ name: 'milestones', kind: 'list' }, num('gamma', { default: 0.1 })],
  exponential: [num('gamma')],
  cosine: [num('t_max'), num('eta_min', { default: 0 })],
  linear: [
    num('start_factor', { default: 1 / 3, min: 0, minExclusive: true, max: 1 }),
    num('end_factor', { default: 1, min: 0, max: 1 }),
    num('total_iters', { default: 5 }),
  ],
  constant: [num('factor', { default: 1 / 3, min: 0, max: 1 }), num('total_iters', { default: 5 })],
  polynomial: [num('total_iters', { default: 5 }), num('power', { default: 1 })],
  cosine_warm_restarts: [
    int('t_0', undefined, 1),
    int('t_mult', 1, 1),
    num('eta_min', { default: 0 }),
  ],
  onecycle: [
    num('max_lr'),
    { name: 'total_steps', kind: 'number', integer: true, min: 1, defaultSteps: true },
    num('pct_start', { default: 0.3, min: 0, max: 1 }),
    choice('anneal_strategy', ['cos', 'linear']),
    bool('cycle_momentum', true),
    num('base_momentum', { default: 0.85 }),
    num('max_momentum', { default: 0.95 }),
    num('div_factor', { default: 25 }),
    num('final_div_factor', { default: 1e4 }),
    bool('three_phase', false),
  ],
  cyclic: [
    num('base_lr'),
    num('max_lr'),
    num('step_size_up', { default: 2000 }),
    num('step_size_down', { nullable: true }),
    choice('mode', ['triangular', 'triangular2', 'exp_range']),
    num('gamma', { default: 1 }),
    choice('scale_mode', ['cycle', 'iterations']),
    bool('cycle_momentum', true),
    num('base_momentum', { default: 0.8 }),
    num('max_momentum', { default: 0.9 }),
  ],
  sequential: [
    { name: 'schedulers', kind: 'schedules' },
    { name: 'milestones', kind: 'list' },
  ],
  plateau: [
    choice('mode', ['min', 'max']),
    num('factor', { default: 0.1, max: 1, maxExclusive: true }),
    num('patience', { default: 10 }),
    num('threshold', { default: 1e-4 }),
    choice('threshold_mode', ['rel', 'abs']),
    num('cooldown', { default: 0 }),
    num('min_lr', { default: 0 }),
    num('eps', { default: 1e-8 }),
  ],
};

/** torch.optim.lr_scheduler class of each type. */
export const TORCH_SCHEDULER_CLASS: Readonly<Record<ScheduleType, string>> = {
  step: 'StepLR',
  multistep: 'MultiStepLR',
  exponential: 'ExponentialLR',
  cosine: 'CosineAnnealingLR',
  linear: 'LinearLR',
  constant: 'ConstantLR',
  polynomial: 'PolynomialLR',
  cosine_warm_restarts: 'CosineAnnealingWarmRestarts',
  onecycle: 'OneCycleLR',
  cyclic: 'CyclicLR',
  sequential: 'SequentialLR',
  plateau: 'ReduceLROnPlateau',
};

/** torch's keyword for one of our field names (only the T_ names differ). */
export function torchArgName(name: string): string {
  return name === 't_max' ? 'T_max' : name === 't_0' ? 'T_0' : name === 't_mult' ? 'T_mult' : name;
}

/** Most milestones one list may hold, and most schedules one sequential may chain. */
export const MAX_MILESTONES = 1000;
export const MAX_SEQUENTIAL = 20;

type Fields = Readonly<Record<string, unknown>>;

/** A number field of `schedule`, or its torch default (`steps` stands in for OneCycleLR's total_steps). */
export function scheduleNumber(schedule: Schedule, name: string, steps = 0): number {
  const value = (schedule as unknown as Fields)[name];
  if (typeof value === 'number') return value;
  const spec = SCHEDULE_FIELDS[schedule.type].find((f) => f.name === name);
  if (spec?.kind === 'number' && spec.defaultSteps) return steps;
  if (spec?.kind === 'number' && spec.default !== undefined) return spec.default;
  // A required field missing here means the schedule skipped validation: a bug, not bad input.
  throw new Error(`${schedule.type} schedule has no value for '${name}'`);
}

/** A boolean field of `schedule`, or its torch default. */
export function scheduleBoolean(schedule: Schedule, name: string): boolean {
  const value = (schedule as unknown as Fields)[name];
  if (typeof value === 'boolean') return value;
  const spec = SCHEDULE_FIELDS[schedule.type].find((f) => f.name === name);
  return spec?.kind === 'boolean' ? spec.default : false;
}

/** A choice field of `schedule`, or its torch default. */
export function scheduleChoice(schedule: Schedule, name: string): string {
  const value = (schedule as unknown as Fields)[name];
  if (typeof value === 'string') return value;
  const spec = SCHEDULE_FIELDS[schedule.type].find((f) => f.name === name);
  return spec?.kind === 'choice' ? spec.default : '';
}

/** Whether the schedule sets the optimizer's momentum (or β1) as it runs, as torch's cycle_momentum does. */
export function cyclesMomentum(schedule: Schedule | undefined): boolean {
  if (schedule === undefined) return false;
  if (schedule.type === 'onecycle' || schedule.type === 'cyclic') {
    return scheduleBoolean(schedule, 'cycle_momentum');
  }
  if (schedule.type === 'sequential') return schedule.schedulers.some(cyclesMomentum);
  return false;
}
