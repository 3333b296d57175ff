/** Evenly spaced sample points for parameter searches. */

/** `n` points from `min` to `max` (both included) evenly spaced on a log axis; needs 0 < min ≤ max. */
export function logSpace(min: number, max: number, n: number): Float64Array {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) {
    throw new RangeError(`log range needs 0 < min <= max, got [${min}, ${max}]`);
  }
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`point count must be >= 1, got ${n}`);
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = Math.sqrt(min * max);
    return out;
  }
  const a = Math.log(min);
  const span = Math.log(max) - a;
  for (let i = 0; i < n; i++) out[i] = Math.exp(a + (span * i) / (n - 1));
  // Exact endpoints, so a caller's bounds appear verbatim in the rows.
  out[0] = min;
  out[n - 1] = max;
  return out;
}

/** `n` points from `min` to `max` (both included) evenly spaced on a linear axis. */
export function linSpace(min: number, max: number, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`point count must be >= 1, got ${n}`);
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = (min + max) / 2;
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = min + ((max - min) * i) / (n - 1);
  out[n - 1] = max;
  return out;
}
