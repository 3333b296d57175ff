/**
 * The Scene: validation with clear per-field messages, defaults, and the limits every entry point
 * (URL, embed API, worker, CLI) shares. Validation never throws: it returns a usable scene plus the
 * list of what was wrong, so the UI can show the message and keep going.
 */
import { describeValue as describe } from './describe';
import { fieldError } from './messages';
import type { EngineMessageCode, MessageParams } from './messages';
import { momentumKeyOf, OPTIMIZERS, resolvedLr, ScheduleError } from './optimizers';
import { scheduleValues } from './optimizers/schedule';
import { reasonText } from './optimizers/reasons';
import type { Reason } from './optimizers/reasons';
import {
  MAX_MILESTONES,
  MAX_SEQUENTIAL,
  SCHEDULE_FIELDS,
  SCHEDULE_TYPES,
} from './optimizers/schedule-spec';
import type { ScheduleFieldSpec } from './optimizers/schedule-spec';
import { createGradientNoise } from './noise/gradient-noise';
import { validateNoise } from './noise/spec';
import type { NoiseSpec } from './noise/spec';
import { resolveSurface } from './surfaces/resolve';
import { OPTIMIZER_TYPES } from './optimizers';
import type {
  DomainPoint,
  FieldError,
  OptimizerConfig,
  OptimizerType,
  ParamSpec,
  Scene,
  Schedule,
  ScheduleType,
  SurfaceRef,
} from './types';

/** Most optimizers one scene may hold (the UI's palette and the playback budget are sized for it). */
export const MAX_OPTIMIZERS = 12;
/** Most steps one trajectory may take. */
export const MAX_STEPS = 10_000;
/**
 * Most evaluations of f and ∇f one closure optimizer (L-BFGS) may make in a scene: about 3 s in
 * the worker on a laptop, and 16 MB of probe points. torch would run more; the app would hang.
 */
export const MAX_CLOSURE_EVALUATIONS = 1_000_000;

/**
 * A closure optimizer whose steps could evaluate f more than MAX_CLOSURE_EVALUATIONS times keeps
 * its other fields and falls back to the default max_iter and max_eval, with a message naming why.
 */
function withinEvaluationBudget(
  config: OptimizerConfig,
  steps: number,
  path: string,
  errors: FieldError[],
): OptimizerConfig {
  const perStep = OPTIMIZERS[config.type].evaluationsPerStep?.(
    config as unknown as Readonly<Record<string, unknown>>,
  );
  if (perStep === undefined || perStep * steps <= MAX_CLOSURE_EVALUATIONS) return config;
  errors.push(
    fieldError(`${path}.max_iter`, 'scene.evaluationBudget', {
      count: perStep * steps,
      steps,
      max: MAX_CLOSURE_EVALUATIONS,
    }),
  );
  const rest: Record<string, unknown> = { ...config };
  delete rest.max_iter;
  delete rest.max_eval;
  return rest as unknown as OptimizerConfig;
}
/** Starts beyond this magnitude are rejected: they are typos, not experiments. */
export const MAX_START = 1e9;
/** Longest display label. */
export const MAX_LABEL = 40;

/**
 * What a first visit shows (no URL): the notes' surface z = x²/10 + y² and three optimizers a
 * newcomer can tell apart (plain SGD, its momentum variant and Adam). The app opens it at step 0
 * (see FIRST_VISIT_VIEW); it is also what a scene without `optimizers` gets. The one definition.
 */
export const DEFAULT_SCENE: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 200,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD' },
    { type: 'sgd', lr: 0.1, momentum: 0.9, label: 'Momentum' },
    { type: 'adam', lr: 0.1, label: 'Adam' },
  ],
};

/**
 * The seven optimizers of note 003 side by side on the notes' surface (the app's former default):
 * for comparisons, presets and tests that need every classic family at once.
 */
export const CLASSICS_SCENE: Scene = {
  ...DEFAULT_SCENE,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD' },
    { type: 'sgd', lr: 0.1, momentum: 0.9, label: 'Momentum' },
    { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, label: 'NAG' },
    { type: 'adagrad', lr: 0.5, label: 'AdaGrad' },
    { type: 'adadelta', lr: 1, label: 'AdaDelta' },
    { type: 'rmsprop', lr: 0.01, label: 'RMSProp' },
    { type: 'adam', lr: 0.1, label: 'Adam' },
  ],
};

/** The outcome of validating untrusted input: always a usable scene, plus what was rejected. */
export interface SceneValidation {
  readonly scene: Scene;
  readonly errors: readonly FieldError[];
}

/** Strict parse for the CLI and the embed API: any error rejects the whole input. */
export type SceneParse =
  | { readonly ok: true; readonly scene: Scene }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * −0 becomes 0: both mean the same setting, but −0 prints as "0" (in JSON and the URL), so
 * keeping it would make a scene differ from its own written form.
 */
export function plainZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** Own enumerable keys only, so `__proto__` or inherited keys can never act on the result. */
function ownKeys(value: Obj): string[] {
  return Object.keys(value);
}

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const OPTIMIZER_DISPLAY_KEYS = ['label', 'color', 'hidden', 'schedule', 'clip_grad_norm'] as const;

type Bounds = Pick<
  ParamSpec,
  | 'min'
  | 'max'
  | 'minExclusive'
  | 'maxExclusive'
  | 'integer'
  | 'nullable'
  | 'why'
  | 'whyInteger'
  | 'whyMax'
>;

/** A problem with one value: its message code and parameters, and where in the value it is. */
interface Problem {
  readonly code: EngineMessageCode;
  readonly params: MessageParams;
  /** Appended to the field's path, e.g. `[1]` for the second element of `betas`. */
  readonly at?: string;
  /** torch's reason for the bound: added to the CLI's sentence, kept as `reason` and `because`. */
  readonly because?: Reason;
}

/** `error` ended by torch's reason: in its English sentence, and coded for the app to translate. */
function withReason(error: FieldError, because: Reason): FieldError {
  const reason = reasonText(because);
  return { ...error, message: `${error.message} (${reason})`, reason, because };
}

/**
 * Checks a number against torch's bounds; returns the problem or undefined. Non-finite numbers are
 * refused even where torch takes them (SGD's lr = NaN): JSON cannot carry them, and they would
 * only give a path of NaN.
 */
function checkNumber(value: unknown, spec: Bounds): Problem | undefined {
  if (value === null && spec.nullable) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const code = spec.nullable ? 'scene.finiteOrNull' : 'scene.finite';
    return { code, params: { got: describe(value) } };
  }
  const why = (specific: Reason | undefined) => {
    const r = specific ?? spec.why;
    return r ? { because: r } : {};
  };
  const because = why(undefined);
  if (spec.integer && !Number.isInteger(value)) {
    return { code: 'scene.integer', params: { got: value }, ...why(spec.whyInteger) };
  }
  if (spec.min !== undefined) {
    if (spec.minExclusive ? value <= spec.min : value < spec.min) {
      const code = spec.minExclusive ? 'scene.minExclusive' : 'scene.min';
      return { code, params: { min: spec.min, got: value }, ...because };
    }
  }
  if (spec.max !== undefined) {
    if (spec.maxExclusive ? value >= spec.max : value > spec.max) {
      const code = spec.maxExclusive ? 'scene.maxExclusive' : 'scene.max';
      return { code, params: { max: spec.max, got: value }, ...why(spec.whyMax) };
    }
  }
  return undefined;
}

function checkParam(value: unknown, spec: ParamSpec): Problem | undefined {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : { code: 'scene.boolean', params: { got: describe(value) } };
    case 'number':
      return checkNumber(value, spec);
    case 'choice': {
      const choices = spec.choices ?? [];
      return choices.includes(value as string | null)
        ? undefined
        : {
            code: 'scene.choice',
            params: {
              choices: choices.map((c) => JSON.stringify(c)).join(', '),
              got: describe(value),
            },
          };
    }
    case 'pair':
    case 'tuple': {
      const length = Array.isArray(spec.default) ? spec.default.length : 2;
      if (
        !Array.isArray(value) ||
        (spec.keepsFirst ? value.length < length : value.length !== length)
      ) {
        return length === 2
          ? { code: 'scene.pair', params: { got: describe(value) } }
          : { code: 'scene.tuple', params: { length, got: describe(value) } };
      }
      for (let i = 0; i < length; i++) {
        const bounds: Bounds = { ...spec, nullable: false, ...spec.elements?.[i] };
        const problem = checkNumber(value[i], bounds);
        if (problem) return { ...problem, at: `[${i}]` };
      }
      return undefined;
    }
  }
}

/** Largest whole number a schedule field takes (step counts; well inside exact float integers). */
const MAX_SCHEDULE_COUNT = 1e9;

function checkScheduleField(value: unknown, spec: ScheduleFieldSpec): Problem | undefined {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : { code: 'scene.boolean', params: { got: describe(value) } };
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? undefined
        : {
            code: 'scene.choice',
            params: { choices: spec.options.join(', '), got: describe(value) },
          };
    case 'list':
      if (!Array.isArray(value) || value.length > MAX_MILESTONES) {
        return {
          code: 'schedule.milestoneList',
          params: { max: MAX_MILESTONES, got: describe(value) },
        };
      }
      for (const [i, v] of value.entries()) {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          return { code: 'schedule.milestoneElement', params: { index: i, got: describe(v) } };
        }
      }
      return undefined;
    case 'schedules':
      return undefined;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { code: 'scene.finite', params: { got: describe(value) } };
      }
      if (spec.integer && (!Number.isInteger(value) || Math.abs(value) > MAX_SCHEDULE_COUNT)) {
        return { code: 'scene.integer', params: { got: value } };
      }
      if (spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min)) {
        return {
          code: spec.minExclusive ? 'scene.minExclusive' : 'scene.min',
          params: { min: spec.min, got: value },
        };
      }
      if (spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max)) {
        return {
          code: spec.maxExclusive ? 'scene.maxExclusive' : 'scene.max',
          params: { max: spec.max, got: value },
        };
      }
      return undefined;
    }
  }
}

/**
 * One schedule's fields against SCHEDULE_FIELDS (torch's constructor checks); a sequential's
 * children recursively. Checks that need the optimizer or the step count (cycle_momentum,
 * one-cycle's total_steps, a division by zero while stepping) come later, in `checkScheduleRun`.
 */
function validateSchedule(
  value: unknown,
  path: string,
  errors: FieldError[],
): Schedule | undefined {
  if (!isObject(value)) {
    errors.push(fieldError(path, 'scene.typed', { got: describe(value) }));
    return undefined;
  }
  const type = value.type;
  // Own keys only: `SCHEDULE_FIELDS['__proto__']` is not a list of fields.
  if (typeof type !== 'string' || !Object.hasOwn(SCHEDULE_FIELDS, type)) {
    errors.push(
      fieldError(`${path}.type`, 'scene.scheduleType', {
        types: SCHEDULE_TYPES.join(', '),
        got: describe(type),
      }),
    );
    return undefined;
  }
  const fields = SCHEDULE_FIELDS[type as ScheduleType];
  const before = errors.length;
  const out: Record<string, unknown> = { type };
  for (const key of ownKeys(value)) {
    if (key !== 'type' && !fields.some((f) => f.name === key)) {
      errors.push(fieldError(`${path}.${key}`, 'scene.scheduleField', { type }));
    }
  }
  for (const spec of fields) {
    const v = value[spec.name];
    const fieldPath = `${path}.${spec.name}`;
    const required =
      spec.kind === 'list' || spec.kind === 'schedules'
        ? true
        : spec.kind === 'number'
          ? spec.default === undefined && !spec.defaultSteps && !spec.nullable
          : false;
    if (v === undefined || (v === null && spec.kind === 'number' && spec.nullable)) {
      if (required) {
        errors.push(fieldError(fieldPath, 'schedule.required'));
      }
      continue;
    }
    if (spec.kind === 'schedules') {
      if (!Array.isArray(v) || v.length < 1 || v.length > MAX_SEQUENTIAL) {
        errors.push(
          fieldError(fieldPath, 'schedule.schedulers', { max: MAX_SEQUENTIAL, got: describe(v) }),
        );
        continue;
      }
      const children: Schedule[] = [];
      v.forEach((child: unknown, i: number) => {
        const childPath = `${fieldPath}[${i}]`;
        if (isObject(child) && child.type === 'plateau') {
          errors.push(fieldError(`${childPath}.type`, 'schedule.plateauInSequential'));
          return;
        }
        if (isObject(child) && child.type === 'sequential') {
          // torch runs a nested SequentialLR only as the first child, and then oddly; one flat
          // sequential says the same thing, and the URL text has one level of nesting.
          errors.push(fieldError(`${childPath}.type`, 'schedule.nestedSequential'));
          return;
        }
        const parsed = validateSchedule(child, childPath, errors);
        if (parsed) children.push(parsed);
      });
      out[spec.name] = children;
      continue;
    }
    const problem = checkScheduleField(v, spec);
    if (problem) errors.push(fieldError(fieldPath, problem.code, problem.params));
    else out[spec.name] = typeof v === 'number' ? plainZero(v) : Array.isArray(v) ? [...v] : v;
  }
  return errors.length === before ? (out as unknown as Schedule) : undefined;
}

/**
 * Runs a validated schedule through the scene's steps on its optimizer, as torch would: refuses
 * what torch refuses only there (cycle_momentum on an optimizer with neither momentum nor betas,
 * one-cycle stepped past total_steps, a sequential whose milestones do not match, a division by zero).
 */
/**
 * torch's run-time refusals of a family (its `runCheck`, e.g. ASGD's step-size decay dividing by
 * zero at some step), at each step's scheduled lr: the refused field is named and dropped (torch's
 * default then) and the config checked again.
 */
function checkFamilyRun(
  config: OptimizerConfig,
  steps: number,
  path: string,
  errors: FieldError[],
): OptimizerConfig {
  const check = OPTIMIZERS[config.type].runCheck;
  if (!check) return config;
  let lrs: readonly number[];
  try {
    // Dropping a refused field (lambd, alpha) leaves lr and schedule, so these stay as they are.
    lrs = scheduleValues(config.schedule, resolvedLr(config), steps).lrs;
  } catch {
    return config; // checkScheduleRun names the schedule's problem.
  }
  let checked = config;
  for (;;) {
    const refused = check(checked, lrs);
    if (!refused) return checked;
    errors.push(fieldError(`${path}.${refused.field}`, refused.code, refused.params));
    // Refused at torch's default: nothing to drop, the error stands.
    if (!Object.hasOwn(checked, refused.field)) return checked;
    const rest: Record<string, unknown> = { ...checked };
    delete rest[refused.field];
    checked = rest as unknown as OptimizerConfig;
  }
}

function checkScheduleRun(
  config: OptimizerConfig,
  steps: number,
  path: string,
): FieldError | undefined {
  if (config.schedule === undefined) return undefined;
  try {
    const { momentums } = scheduleValues(config.schedule, resolvedLr(config), steps, {
      momentumKey: momentumKeyOf(config.type),
    });
    if (OPTIMIZERS[config.type].momentumBufferAtFirstStep) {
      return momentumBufferLate(config, momentums, path);
    }
  } catch (err) {
    if (err instanceof ScheduleError) {
      const at = `${path}.schedule.${err.field}`;
      // The optimizer is named here, where it is known (the scheduler only sees its defaults).
      const error =
        err.code === 'schedule.noMomentum'
          ? fieldError(at, 'schedule.noMomentumOf', { optimizer: OPTIMIZERS[config.type].label })
          : fieldError(at, err.code, err.params);
      return err.reason === undefined
        ? error
        : { ...error, message: `${error.message} (${err.reason})`, reason: err.reason };
    }
    throw err;
  }
  return undefined;
}

/**
 * torch's RMSprop makes its momentum buffer at the first step only if momentum > 0 then, and
 * reads it at every later step with momentum > 0: a cycled momentum that starts at 0 and rises
 * (max_momentum 0) raises KeyError 'momentum_buffer' at the first such step. Refused here,
 * naming the schedule's max_momentum (the value it starts from).
 */
function momentumBufferLate(
  config: OptimizerConfig,
  momentums: readonly (number | undefined)[],
  path: string,
): FieldError | undefined {
  const first = momentums[0] ?? config.momentum ?? 0;
  if (first > 0) return undefined;
  const late = momentums.findIndex((m) => m !== undefined && m > 0);
  if (late < 0) return undefined;
  const schedule = config.schedule!;
  const field = schedule.type === 'onecycle' || schedule.type === 'cyclic' ? '.max_momentum' : '';
  return fieldError(`${path}.schedule${field}`, 'schedule.momentumBufferLate', { step: late + 1 });
}

/** Validates one optimizer entry; returns undefined when it is unusable (e.g. unknown type). */
function validateOptimizer(
  value: unknown,
  path: string,
  errors: FieldError[],
): OptimizerConfig | undefined {
  if (!isObject(value)) {
    errors.push(fieldError(path, 'scene.typed', { got: describe(value) }));
    return undefined;
  }
  const type = value.type;
  if (typeof type !== 'string' || !(OPTIMIZER_TYPES as readonly string[]).includes(type)) {
    errors.push(
      fieldError(`${path}.type`, 'scene.optimizerType', {
        types: OPTIMIZER_TYPES.join(', '),
        got: describe(type),
      }),
    );
    return undefined;
  }
  const def = OPTIMIZERS[type as OptimizerType];
  const out: Record<string, unknown> = { type };
  for (const key of ownKeys(value)) {
    if (key === 'type') continue;
    const spec = def.params.find((p) => p.name === key);
    const fieldPath = `${path}.${key}`;
    const v = value[key];
    if (spec) {
      const problem = checkParam(v, spec);
      if (problem) {
        const error = fieldError(fieldPath + (problem.at ?? ''), problem.code, problem.params);
        errors.push(problem.because ? withReason(error, problem.because) : error);
      } else if (Array.isArray(v)) {
        // torch keeps a longer betas' first two (ParamSpec.keepsFirst); others have that length.
        const kept = Array.isArray(spec.default) ? v.slice(0, spec.default.length) : v;
        out[key] = (kept as (number | null)[]).map((x) => (x === null ? null : plainZero(x)));
      } else out[key] = typeof v === 'number' ? plainZero(v) : v;
      continue;
    }
    if (!(OPTIMIZER_DISPLAY_KEYS as readonly string[]).includes(key)) {
      errors.push(fieldError(fieldPath, 'scene.notHyper', { type }));
      continue;
    }
    if (key === 'schedule') {
      const schedule = validateSchedule(v, fieldPath, errors);
      if (schedule) out.schedule = schedule;
    } else if (key === 'clip_grad_norm') {
      // torch.nn.utils.clip_grad_norm_ takes any max_norm: 0 zeroes the gradient, a negative one
      // reverses it (its coefficient is only clamped at 1 from above).
      if (typeof v === 'number' && Number.isFinite(v)) out.clip_grad_norm = plainZero(v);
      else errors.push(fieldError(fieldPath, 'scene.finite', { got: describe(v) }));
    } else if (key === 'label') {
      // A lone surrogate (pasted half of an emoji) becomes U+FFFD: encodeURIComponent throws on it.
      if (typeof v === 'string' && v.length <= MAX_LABEL)
        out.label = v.replace(LONE_SURROGATE, '\uFFFD');
      else errors.push(fieldError(fieldPath, 'scene.label', { max: MAX_LABEL }));
    } else if (key === 'color') {
      if (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) out.color = v.toLowerCase();
      else errors.push(fieldError(fieldPath, 'scene.color', { got: describe(v) }));
    } else if (typeof v === 'boolean') {
      out.hidden = v;
    } else {
      errors.push(fieldError(fieldPath, 'scene.boolean', { got: describe(v) }));
    }
  }
  // The family's own checks across fields (torch raises for them too).
  const refused = def.crossCheck?.(out);
  if (refused !== undefined) {
    errors.push(fieldError(`${path}.${refused.field}`, refused.code));
    delete out[refused.field];
  }
  return out as unknown as OptimizerConfig;
}

function validateSurfaceRef(value: unknown, errors: FieldError[]): SurfaceRef | undefined {
  if (!isObject(value)) {
    errors.push(fieldError('surface', 'scene.surfaceRef', { got: describe(value) }));
    return undefined;
  }
  const keys = ownKeys(value);
  const hasId = keys.includes('id');
  const hasExpr = keys.includes('expr');
  if (hasId === hasExpr) {
    errors.push(fieldError('surface', 'scene.surfaceOneOf'));
    return undefined;
  }
  const key = hasId ? 'id' : 'expr';
  // Reported, not fatal: the surface named is still drawn (a misspelt extra field is news).
  for (const other of keys)
    if (other !== 'id' && other !== 'expr')
      errors.push(fieldError(`surface.${other}`, 'scene.surfaceField'));
  const text = value[key];
  if (typeof text !== 'string') {
    errors.push(fieldError(`surface.${key}`, 'scene.text', { got: describe(text) }));
    return undefined;
  }
  const ref: SurfaceRef = hasId ? { id: text } : { expr: text };
  const resolved = resolveSurface(ref);
  if (!resolved.ok) {
    errors.push(resolved.error);
    return undefined;
  }
  return ref;
}

function validateStart(value: unknown, errors: FieldError[]): DomainPoint | undefined {
  if (!Array.isArray(value) || value.length !== 2) {
    errors.push(fieldError('start', 'scene.start', { got: describe(value) }));
    return undefined;
  }
  const [x, y] = value as unknown[];
  for (const [i, v] of [x, y].entries()) {
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_START) {
      errors.push(
        fieldError(`start[${i}]`, 'scene.startRange', {
          // '1e9', as the view's message writes it, not '1000000000'.
          max: MAX_START.toExponential().replace('e+', 'e'),
          got: describe(v),
        }),
      );
      return undefined;
    }
  }
  return [plainZero(x as number), plainZero(y as number)];
}

/**
 * Validates untrusted input leniently: each rejected field falls back to its default and is
 * reported. Never throws, whatever the input (wrong types, NaN, prototype keys, huge arrays).
 */
export function validateScene(input: unknown): SceneValidation {
  const errors: FieldError[] = [];
  if (!isObject(input)) {
    errors.push(fieldError('', 'scene.notObject', { got: describe(input) }));
    return { scene: DEFAULT_SCENE, errors };
  }
  for (const key of ownKeys(input)) {
    if (!['surface', 'start', 'steps', 'optimizers', 'noise'].includes(key)) {
      errors.push(fieldError(key, 'scene.unknownField'));
    }
  }
  const surface =
    input.surface === undefined ? DEFAULT_SCENE.surface : validateSurfaceRef(input.surface, errors);
  const start =
    input.start === undefined ? DEFAULT_SCENE.start : validateStart(input.start, errors);

  let steps = DEFAULT_SCENE.steps;
  if (input.steps !== undefined) {
    const v = input.steps;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_STEPS) steps = v;
    else errors.push(fieldError('steps', 'scene.steps', { max: MAX_STEPS, got: describe(v) }));
  }

  let optimizers: readonly OptimizerConfig[] = DEFAULT_SCENE.optimizers;
  if (input.optimizers !== undefined) {
    const list = input.optimizers;
    if (!Array.isArray(list)) {
      errors.push(fieldError('optimizers', 'scene.list', { got: describe(list) }));
    } else {
      if (list.length > MAX_OPTIMIZERS) {
        errors.push(
          fieldError('optimizers', 'scene.tooMany', { max: MAX_OPTIMIZERS, count: list.length }),
        );
      }
      const kept: OptimizerConfig[] = [];
      list.slice(0, MAX_OPTIMIZERS).forEach((entry, i) => {
        let config = validateOptimizer(entry, `optimizers[${i}]`, errors);
        if (!config) return;
        config = withinEvaluationBudget(config, steps, `optimizers[${i}]`, errors);
        config = checkFamilyRun(config, steps, `optimizers[${i}]`, errors);
        // A schedule torch would refuse for this optimizer and step count falls back to none.
        const refused = checkScheduleRun(config, steps, `optimizers[${i}]`);
        if (refused) {
          errors.push(refused);
          const rest: Record<string, unknown> = { ...config };
          delete rest.schedule;
          kept.push(rest as unknown as OptimizerConfig);
        } else kept.push(config);
      });
      // A list whose every entry was refused (an unknown type, say) is a mistake, not a wish for
      // an empty figure: the default optimizers run, and the notice says so. `[]` stays empty.
      if (list.length > 0 && kept.length === 0)
        errors.push(fieldError('optimizers', 'scene.noneUsable'));
      else optimizers = kept;
    }
  }

  const noise =
    input.noise === undefined
      ? undefined
      : validateSceneNoise(input.noise, surface ?? DEFAULT_SCENE.surface, optimizers, errors);

  return {
    scene: {
      surface: surface ?? DEFAULT_SCENE.surface,
      start: start ?? DEFAULT_SCENE.start,
      steps,
      optimizers,
      ...(noise ? { noise } : {}),
    },
    errors,
  };
}

/**
 * The scene's `noise` field, checked on its own (noise/spec.ts) and against the rest of the scene:
 * minibatch noise needs a surface that is a sum of terms with at least batch_size of them, and no
 * optimizer may call a closure (L-BFGS re-evaluates the gradient inside its step, which one
 * recorded perturbation per step cannot replay). Undefined, with the errors, when refused: the
 * scene then runs on exact gradients.
 */
function validateSceneNoise(
  value: unknown,
  surfaceRef: SurfaceRef,
  optimizers: readonly OptimizerConfig[],
  errors: FieldError[],
): NoiseSpec | undefined {
  const spec = validateNoise(value, errors);
  if (!spec) return undefined;
  // Only a mini-batch depends on the surface (its terms); resolving is cached, and the surface
  // field was resolved just before.
  const resolved = spec.type === 'minibatch' ? resolveSurface(surfaceRef) : undefined;
  if (resolved?.ok) {
    const made = createGradientNoise(spec, resolved.surface);
    if (!made.ok) {
      errors.push(made.error);
      return undefined;
    }
  }
  const closure = optimizers.findIndex((o) => OPTIMIZERS[o.type].closure === true);
  if (closure >= 0) {
    errors.push(fieldError('noise', 'noise.closure', { path: `optimizers[${closure}]` }));
    return undefined;
  }
  return spec;
}

/** Strict parse: the scene only when every field is valid (CLI, embed API). */
export function parseScene(input: unknown): SceneParse {
  const { scene, errors } = validateScene(input);
  return errors.length === 0 ? { ok: true, scene } : { ok: false, errors };
}

/** One line per error, e.g. `optimizers[1].lr: must be >= 0, got -1 (torch refuses a negative learning rate)`. */
export function formatErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n');
}
