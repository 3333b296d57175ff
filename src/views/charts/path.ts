/**
 * SVG path data for a per-step series. Long runs (thousands of steps) are decimated to the
 * minimum and maximum of each bucket so the path stays a few thousand points and spikes survive.
 * A non-finite value lifts the pen, so the line breaks instead of jumping.
 */
export function linePath(
  values: Float64Array,
  length: number,
  x: (step: number) => number,
  y: (value: number) => number,
  maxPoints = 2000,
): string {
  const n = Math.min(length, values.length);
  const parts: string[] = [];
  let penDown = false;
  const emit = (i: number): void => {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      penDown = false;
      return;
    }
    parts.push(`${penDown ? 'L' : 'M'}${round(x(i))},${round(y(v))}`);
    penDown = true;
  };
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) emit(i);
    return parts.join('');
  }
  const bucket = Math.ceil(n / Math.max(1, Math.floor(maxPoints / 2)));
  for (let start = 0; start < n; start += bucket) {
    const end = Math.min(n, start + bucket);
    let lo = -1;
    let hi = -1;
    let sawGap = false;
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) {
        sawGap = true;
        continue;
      }
      if (lo < 0 || v < values[lo]!) lo = i;
      if (hi < 0 || v > values[hi]!) hi = i;
    }
    if (sawGap) penDown = false;
    if (lo < 0) continue;
    if (lo === hi) emit(lo);
    else if (lo < hi) {
      emit(lo);
      emit(hi);
    } else {
      emit(hi);
      emit(lo);
    }
  }
  // Keep the true last point so markers at the end sit on the line.
  if (n > 0 && Number.isFinite(values[n - 1]!)) {
    const last = `L${round(x(n - 1))},${round(y(values[n - 1]!))}`;
    if (parts[parts.length - 1]?.slice(1) !== last.slice(1)) parts.push(last);
  }
  return parts.join('');
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
