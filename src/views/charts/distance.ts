import type { DomainPoint } from '../../engine/types';

/**
 * Per-step Euclidean distance from a trajectory's points to the nearest of `minima`.
 * `points` is flat [x0, y0, x1, y1, ...]; only the first `length` points are read. The result
 * has `length` entries and is NaN-free: with no minima (the caller should then hide the chart)
 * or a non-finite point, the entry is +Infinity rather than NaN.
 */
export function distanceSeries(
  points: Float64Array,
  length: number,
  minima: readonly DomainPoint[],
): Float64Array {
  const n = Math.max(0, Math.min(length, Math.floor(points.length / 2)));
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const x = points[2 * k]!;
    const y = points[2 * k + 1]!;
    let best = Number.POSITIVE_INFINITY;
    for (const [mx, my] of minima) {
      const d = Math.hypot(x - mx, y - my);
      if (d < best) best = d;
    }
    out[k] = Number.isNaN(best) ? Number.POSITIVE_INFINITY : best;
  }
  return out;
}
