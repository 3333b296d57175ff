/**
 * Helpers shared by the optimizer families: reading a config against a family's own schema
 * (absent hyper-parameters take torch's default from `params`) and the specs several families share.
 */
import type { OptimizerConfig, ParamSpec } from '../types';

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
  if (typeof fallback === 'number' || typeof fallback === 'boolean') {
    throw new Error(`parameter '${name}' is not a pair`);
  }
  return fallback;
}

/** Largest lr the validator accepts: big enough for divergence demos, small enough to be a typo guard. */
// Issue 7 asks for learning rates up to 1e4 to run (and diverge visibly), not to be refused.
const LR_MAX = 1e4;

/** The learning rate: > 0, log-scale slider. torch accepts 0, but a zero lr only freezes the point. */
export function lrSpec(defaultLr: number, sliderMax = 10): ParamSpec {
  return {
    name: 'lr',
    kind: 'number',
    default: defaultLr,
    min: 0,
    minExclusive: true,
    max: LR_MAX,
    log: true,
    sliderMin: 1e-4,
    sliderMax,
  };
}

/** L2 penalty added to the gradient (torch's `weight_decay`, coupled unless the family says otherwise). */
export function weightDecaySpec(defaultDecay = 0): ParamSpec {
  return {
    name: 'weight_decay',
    kind: 'number',
    default: defaultDecay,
    min: 0,
    max: 10,
    sliderMax: 1,
  };
}

/** The eps added for numerical stability; torch allows 0. */
export function epsSpec(defaultEps: number): ParamSpec {
  return {
    name: 'eps',
    kind: 'number',
    default: defaultEps,
    min: 0,
    max: 1,
    log: true,
    sliderMin: 1e-12,
    sliderMax: 1,
  };
}

/**
 * Adam-family `betas`. torch requires 0 <= beta < 1 and ParamSpec bounds are inclusive, so the
 * largest accepted value is just below 1 (beta = 1 would divide by a zero bias correction).
 */
export function betasSpec(): ParamSpec {
  return {
    name: 'betas',
    kind: 'pair',
    default: [0.9, 0.999],
    min: 0,
    max: 0.99999,
    sliderMax: 0.9999,
  };
}

/** A decay rate in [0, 1] (momentum, dampening, rho, alpha). */
export function unitSpec(name: string, defaultValue: number): ParamSpec {
  return { name, kind: 'number', default: defaultValue, min: 0, max: 1 };
}

/** A boolean switch (nesterov, centered, amsgrad). */
export function switchSpec(name: string): ParamSpec {
  return { name, kind: 'boolean', default: false };
}

/** A copy of a state vector for `inspect()`, so callers may keep it across steps. */
export function snapshot(values: Float64Array): number[] {
  return Array.from(values);
}
