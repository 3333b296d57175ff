/**
 * The scene's `noise` field: which perturbation the optimizer's gradient receives at every step.
 * Absent means exact gradients. Every kind carries a `seed` (uint32) so a run is replayable.
 *
 * - gaussian:   g̃ = ∇f + (σ/√B)·z, z ~ N(0, I) (isotropic).
 * - heavy_tail: g̃ = ∇f + (σ/√B)·t, t_i ~ Student-t(ν) independent per coordinate.
 * - hessian:    g̃ = ∇f + (σ/√B)·|H|^{1/2} z: covariance σ²|H|/B, the local Hessian's shape (as
 *               mini-batch noise has near a minimum, where the gradient covariance ≈ the Fisher ≈ H).
 * - minibatch:  g̃ = the gradient of a seeded subset of B of the surface's N terms (sum surfaces only).
 *
 * B is the optional `batch_size` of the first three kinds (default 1): it scales the noise by 1/√B,
 * the rate at which averaging B independent samples shrinks it, so a lesson can vary "batch size"
 * on any surface.
 */
import { fieldError } from '../messages';
import { describeValue as describe } from '../describe';
import type { FieldError } from '../types';

export type {
  GaussianNoise,
  HeavyTailNoise,
  HessianNoise,
  MiniBatchNoise,
  NoiseSpec,
  NoiseType,
} from './types';
import type { NoiseSpec, NoiseType } from './types';

export const NOISE_TYPES: readonly NoiseType[] = ['gaussian', 'heavy_tail', 'hessian', 'minibatch'];

/** Largest σ accepted: beyond it the noise swamps every surface's gradient (they are O(10³) at most). */
export const MAX_NOISE_SCALE = 1e6;
/** Largest batch size accepted (the data sets hold at most 10 000 examples). */
export const MAX_BATCH_SIZE = 10_000;
/** Largest ν accepted: Student-t(1000) is already Gaussian to 0.1 %. */
export const MAX_DF = 1000;
/** Seeds are uint32 so the same number means the same stream in every consumer. */
export const MAX_SEED = 0xffffffff;

const FIELDS: Readonly<Record<NoiseType, readonly string[]>> = {
  gaussian: ['type', 'scale', 'seed', 'batch_size'],
  heavy_tail: ['type', 'scale', 'df', 'seed', 'batch_size'],
  hessian: ['type', 'scale', 'seed', 'batch_size'],
  minibatch: ['type', 'batch_size', 'seed'],
};

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a `noise` value (scene.ts style: never throws; errors name the field, e.g.
 * `noise.df: must be a number > 1 …`). Returns the spec, or undefined when any field is wrong
 * (the caller then keeps exact gradients, or the last good noise). −0 is read as 0.
 */
export function validateNoise(
  value: unknown,
  errors: FieldError[],
  path = 'noise',
): NoiseSpec | undefined {
  if (!isObject(value)) {
    errors.push(fieldError(path, 'scene.typed', { got: describe(value) }));
    return undefined;
  }
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) {
    errors.push(
      fieldError(`${path}.type`, 'scene.choice', {
        choices: NOISE_TYPES.join(', '),
        got: describe(type),
      }),
    );
    return undefined;
  }
  const kind = type as NoiseType;
  const before = errors.length;
  for (const key of Object.keys(value)) {
    if (!FIELDS[kind].includes(key)) {
      errors.push(fieldError(`${path}.${key}`, 'noise.notField', { type: kind }));
    }
  }
  // A missing field is named as missing, not as "got undefined".
  const present = (key: string): boolean => {
    if (value[key] !== undefined) return true;
    errors.push(fieldError(`${path}.${key}`, 'noise.required', { type: kind }));
    return false;
  };
  const seed = value.seed;
  if (
    present('seed') &&
    (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
  ) {
    errors.push(
      fieldError(`${path}.seed`, 'noise.whole', { min: 0, max: MAX_SEED, got: describe(seed) }),
    );
  }
  const batch = (required: boolean): number | undefined => {
    const v = value.batch_size;
    if (v === undefined && !required) return undefined;
    if (!present('batch_size')) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_BATCH_SIZE) {
      errors.push(
        fieldError(`${path}.batch_size`, 'noise.whole', {
          min: 1,
          max: MAX_BATCH_SIZE,
          got: describe(v),
        }),
      );
      return undefined;
    }
    return v;
  };
  const scale = (): number => {
    const v = value.scale;
    if (!present('scale')) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_NOISE_SCALE) {
      errors.push(
        fieldError(`${path}.scale`, 'noise.scale', { max: MAX_NOISE_SCALE, got: describe(v) }),
      );
      return 0;
    }
    return v === 0 ? 0 : v;
  };
  let spec: NoiseSpec;
  if (kind === 'minibatch') {
    spec = { type: kind, batch_size: batch(true) ?? 1, seed: seed as number };
  } else {
    const s = scale();
    const b = batch(false);
    const extra = b !== undefined ? { batch_size: b } : {};
    if (kind === 'heavy_tail') {
      const df = value.df;
      if (
        present('df') &&
        (typeof df !== 'number' || !Number.isFinite(df) || df <= 1 || df > MAX_DF)
      ) {
        errors.push(fieldError(`${path}.df`, 'noise.df', { max: MAX_DF, got: describe(df) }));
      }
      spec = { type: kind, scale: s, df: df as number, seed: seed as number, ...extra };
    } else {
      spec = { type: kind, scale: s, seed: seed as number, ...extra };
    }
  }
  return errors.length === before ? spec : undefined;
}
