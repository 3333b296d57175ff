/**
 * Counter-based seeded randomness for gradient noise: the numbers of step k come from a stream
 * keyed by (seed, k) alone, so step k's noise does not depend on how many steps ran before, nor on
 * which consumer (app, worker, CLI, exported script) asks. Same (seed, k), same numbers.
 */
import { createRng } from '../nn/rng';
import type { Rng } from '../nn/rng';

/** murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit key for (seed, step, stream): seed and step are mixed one after the other, so nearby
 * seeds or steps give unrelated keys. `seed` and `step` are taken modulo 2³² (uint32).
 */
export function streamKey(seed: number, step: number, stream = 0): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32((h + Math.imul(step >>> 0, 0x27d4eb2f)) >>> 0);
  h = fmix32((h ^ Math.imul(stream >>> 0, 0x165667b1)) >>> 0);
  return h;
}

/** The random stream of step `step` under `seed` (sfc32 seeded by streamKey; see nn/rng.ts). */
export function stepRng(seed: number, step: number, stream = 0): Rng {
  return createRng(streamKey(seed, step, stream));
}

/**
 * A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables"; shape < 1 uses the boost Gamma(a) = Gamma(a + 1)·U^{1/a}. Throws RangeError for
 * shape ≤ 0 or non-finite.
 */
export function gammaSample(rng: Rng, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) {
    throw new RangeError(`gamma shape must be a finite number > 0, got ${shape}`);
  }
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gammaSample(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A standard Student-t draw with ν degrees of freedom: Z / √(χ²_ν / ν), χ²_ν = 2·Gamma(ν/2).
 * Variance ν/(ν − 2) for ν > 2 (infinite for 1 < ν ≤ 2). torch.distributions.StudentT samples the
 * same distribution.
 */
export function studentTSample(rng: Rng, df: number): number {
  const z = rng.normal();
  const chi2 = 2 * gammaSample(rng, df / 2);
  return z / Math.sqrt(chi2 / df);
}
