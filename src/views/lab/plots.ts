/** Pure helpers of the lab's plots: loss decimation and the decision-boundary colours. */

/** Okabe–Ito orange for class 0 and blue for class 1 (colour-blind safe). */
export const CLASS_COLORS = ['#d55e00', '#0072b2'] as const;
/** Light tints of the class colours for the probability map. */
const TINT_0 = [246, 214, 190] as const;
const TINT_1 = [190, 218, 240] as const;

/**
 * At most `max` [step, loss] pairs from a loss series, keeping each bucket's first point and its
 * extremes so spikes survive (a non-finite value is kept as a gap).
 */
export function decimate(values: Float64Array, max: number): [number, number][] {
  const n = values.length;
  if (n <= max) return Array.from(values, (v, i) => [i, v]);
  const out: [number, number][] = [];
  const bucket = Math.ceil(n / Math.max(1, Math.floor(max / 3)));
  for (let start = 0; start < n; start += bucket) {
    const end = Math.min(n, start + bucket);
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if (!Number.isFinite(values[i]!)) {
        lo = i;
        hi = i;
        break;
      }
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    for (const i of [...new Set([start, Math.min(lo, hi), Math.max(lo, hi)])].sort((p, q) => p - q))
      out.push([i, values[i]!]);
  }
  if (out[out.length - 1]![0] !== n - 1) out.push([n - 1, values[n - 1]!]);
  return out;
}

/**
 * RGBA pixels of the probability grid: the class-0 tint where P(class 1) is 0, the class-1 tint
 * at 1, fading to white at the 0.5 boundary. NaN cells (a diverged net) are grey.
 */
export function boundaryPixels(
  probabilities: Float32Array,
  size: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(size * size * 4));
  for (let i = 0; i < size * size; i++) {
    const p = probabilities[i]!;
    const o = 4 * i;
    if (!Number.isFinite(p)) {
      out[o] = out[o + 1] = out[o + 2] = 200;
    } else {
      const tint = p >= 0.5 ? TINT_1 : TINT_0;
      const strength = Math.min(1, Math.abs(p - 0.5) * 2);
      for (let c = 0; c < 3; c++) out[o + c] = 255 + (tint[c]! - 255) * strength;
    }
    out[o + 3] = 255;
  }
  return out;
}
