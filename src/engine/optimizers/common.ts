/**
 * Helpers shared by the optimizer families: reading a config against a family's own schema
 * (absent hyper-parameters take torch's default from `params`) and the specs several families share.
 */
import type { OptimizerConfig, ParamSpec } from '../types';
import { reason } from './reasons';

type ConfigFields = Readonly<Record<string, unknown>>;

function specOf(params: readonly ParamSpec[], name: string): ParamSpec {
  const spec = params.find((p) => p.name === name);
  // A family asking for a name missing from its own schema is a bug in that file, not bad input.
  if (spec === undefined) throw new Error(`optimizer schema has no parameter '${name}'`);
  return spec;
}

/** A numeric hyper-parameter of `config`, or its torch default from `params`. */
export function numberParam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  name: string,
): number {
  const value = (config as unknown as ConfigFields)[name];
  if (typeof value === 'number') return value;
  const fallback = specOf(params, name).default;
  if (typeof fallback !== 'number') throw new Error(`parameter '${name}' is not a number`);
  return fallback;
}

/** A boolean hyper-parameter of `config`, or its torch default from `params`. */
export function booleanParam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  name: string,
): boolean {
  const value = (config as unknown as ConfigFields)[name];
  if (typeof value === 'boolean') return value;
  const fallback = specOf(params, name).default;
  if (typeof fallback !== 'boolean') throw new Error(`parameter '${name}' is not a boolean`);
  return fallback;
}

/** A pair hyper-parameter (torch's `betas`) of `config`, or its torch default from `params`. */
export function pairParam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  name: string,
): readonly [number, number] {
  const value = (config as unknown as ConfigFields)[name];
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
    return [value[0], value[1]];
  }
  const fallback = specOf(params, name).default;
  if (
    !Array.isArray(fallback) ||
    typeof fallback[0] !== 'number' ||
    typeof fallback[1] !== 'number'
  ) {
    throw new Error(`parameter '${name}' is not a pair`);
  }
  return [fallback[0], fallback[1]];
}

/**
 * The learning rate: torch accepts any lr >= 0 (0 freezes the point; a huge one diverges), so the
 * typed field and the URL do too; the log-scale slider covers [1e-4, sliderMax].
 */
export function lrSpec(defaultLr: number, sliderMax = 10): ParamSpec {
  return {
    name: 'lr',
    kind: 'number',
    default: defaultLr,
    min: 0,
    log: true,
    sliderMin: 1e-4,
    sliderMax,
    why: reason('why.negativeLr'),
  };
}

/** L2 penalty added to the gradient (torch's `weight_decay`, coupled unless the family says otherwise). */
export function weightDecaySpec(defaultDecay = 0): ParamSpec {
  return {
    name: 'weight_decay',
    kind: 'number',
    default: defaultDecay,
    min: 0,
    sliderMin: 0,
    sliderMax: 1,
    why: reason('why.negativeWeightDecay'),
  };
}

/** The eps added for numerical stability; torch allows 0. */
export function epsSpec(defaultEps: number): ParamSpec {
  return {
    name: 'eps',
    kind: 'number',
    default: defaultEps,
    min: 0,
    log: true,
    sliderMin: 1e-12,
    sliderMax: 1,
    why: reason('why.negativeEps'),
  };
}

/** Adam-family `betas`: torch requires 0 <= beta < 1 for each (β = 1 zeroes a bias correction). */
export function betasSpec(keepsFirst = false): ParamSpec {
  return {
    name: 'betas',
    kind: 'pair',
    default: [0.9, 0.999],
    ...(keepsFirst ? { keepsFirst: true as const } : {}),
    min: 0,
    max: 1,
    maxExclusive: true,
    sliderMax: 0.9999,
    why: reason('why.betas'),
  };
}

/** A decay rate torch bounds to [0, 1] (Adadelta's rho). */
export function unitSpec(name: string, defaultValue: number): ParamSpec {
  return {
    name,
    kind: 'number',
    default: defaultValue,
    min: 0,
    max: 1,
    why: reason('why.unit', { name }),
  };
}

/**
 * A factor torch only requires to be >= 0 (SGD's and RMSprop's momentum, RMSprop's alpha):
 * momentum 1.5 is accepted (and diverges), so only the slider stops at 1.
 */
export function nonNegativeSpec(name: string, defaultValue: number): ParamSpec {
  return {
    name,
    kind: 'number',
    default: defaultValue,
    min: 0,
    sliderMin: 0,
    sliderMax: 1,
    why: reason('why.negative', { name }),
  };
}

/**
 * torch 2.x's `maximize`: the step ascends f (the gradient is negated before anything else).
 * The registry applies it for every family whose schema lists it (see index.ts).
 */
export function maximizeSpec(): ParamSpec {
  return { name: 'maximize', kind: 'boolean', default: false };
}

/** A boolean switch (nesterov, centered, amsgrad). */
export function switchSpec(name: string): ParamSpec {
  return { name, kind: 'boolean', default: false };
}

/** A copy of a state vector for `inspect()`, so callers may keep it across steps. */
export function snapshot(values: Float64Array): number[] {
  return Array.from(values);
}

/** A tuple hyper-parameter (Rprop's etas, Muon's ns_coefficients, Adafactor's eps), or its default. */
export function tupleParam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  name: string,
): readonly (number | null)[] {
  const value = (config as unknown as ConfigFields)[name];
  if (Array.isArray(value)) return value as readonly (number | null)[];
  const fallback = specOf(params, name).default;
  if (!Array.isArray(fallback)) throw new Error(`parameter '${name}' is not a tuple`);
  return fallback as readonly (number | null)[];
}

/** A choice hyper-parameter (a string or null), or its default. */
export function choiceParam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  name: string,
): string | null {
  const value = (config as unknown as ConfigFields)[name];
  if (typeof value === 'string' || value === null) return value;
  const fallback = specOf(params, name).default;
  if (typeof fallback !== 'string' && fallback !== null) {
    throw new Error(`parameter '${name}' is not a choice`);
  }
  return fallback;
}

/** A number hyper-parameter that may be null (L-BFGS's max_eval), or its default. */
export function nullableNumberParam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  name: string,
): number | null {
  const value = (config as unknown as ConfigFields)[name];
  if (typeof value === 'number' || value === null) return value;
  const fallback = specOf(params, name).default;
  if (typeof fallback !== 'number' && fallback !== null) {
    throw new Error(`parameter '${name}' is not a number or null`);
  }
  return fallback;
}

/**
 * Whether `config` decouples its weight decay through the `decoupled_weight_decay` switch (torch
 * 2.x's Adam, NAdam, RAdam); false for a family without the switch.
 */
export function isDecoupled(params: readonly ParamSpec[], config: OptimizerConfig): boolean {
  return (
    params.some((p) => p.name === 'decoupled_weight_decay') &&
    booleanParam(params, config, 'decoupled_weight_decay')
  );
}

/**
 * The gradient line(s) of a family with `weight_decay` (and, for torch's Adam/NAdam/RAdam 2.x,
 * `decoupled_weight_decay`): g_t alone, g_t + λθ (L2), or g_t and the decoupled shrink (AdamW's form).
 */
export function weightDecayGradientLines(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
): string[] {
  const weightDecay = numberParam(params, config, 'weight_decay');
  if (weightDecay === 0) return ['g_t &= \\nabla f(\\theta_{t-1})'];
  if (isDecoupled(params, config)) {
    return [
      'g_t &= \\nabla f(\\theta_{t-1})',
      '\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}',
    ];
  }
  return ['g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'];
}
