import { scaleLog, scaleSymlog } from 'd3';
import type { ScaleLogarithmic, ScaleSymLog } from 'd3';
import { formatNumber, superscript } from '../formula/format';
import type { ChartSeries } from './types';

/**
 * How a chart's y axis is scaled. Losses span many decades, so the axis is logarithmic; when a
 * surface goes negative (saddle, Styblinski–Tang) a plain log cannot show it, and the axis becomes
 * a symmetric log (sign(v)·log(1 + |v|/c)), linear within ±c, which the axis label states.
 */
export interface YScaleSpec {
  readonly kind: 'log' | 'symlog';
  /** [bottom, top] of the axis in data units. */
  readonly domain: readonly [number, number];
  /** Width of the linear region of a symlog axis; 0 for a log axis. */
  readonly constant: number;
  /** Tick values, bottom to top. */
  readonly ticks: readonly number[];
}

/** A y scale built from a spec, mapping data to pixels. */
export type YScale = ScaleLogarithmic<number, number> | ScaleSymLog<number, number>;

const MAX_TICKS = 6;

interface Extent {
  min: number;
  max: number;
  minPositive: number;
  maxAbs: number;
  count: number;
}

/** Extents per values array and length: a slider tick changes one series, the others are not rescanned. */
const seriesExtents = new WeakMap<Float64Array, { length: number; extent: Extent }>();

function seriesExtent(s: ChartSeries): Extent {
  const n = Math.min(s.length, s.values.length);
  const hit = seriesExtents.get(s.values);
  if (hit && hit.length === n) return hit.extent;
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  let maxAbs = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = s.values[i]!;
    if (!Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v > 0 && v < minPositive) minPositive = v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  const extent = { min, max, minPositive, maxAbs, count };
  seriesExtents.set(s.values, { length: n, extent });
  return extent;
}

function extentOf(series: readonly ChartSeries[], include: (s: ChartSeries) => boolean): Extent {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  let maxAbs = 0;
  let count = 0;
  for (const s of series) {
    if (s.hidden || !include(s)) continue;
    const e = seriesExtent(s);
    count += e.count;
    if (e.min < min) min = e.min;
    if (e.max > max) max = e.max;
    if (e.minPositive < minPositive) minPositive = e.minPositive;
    if (e.maxAbs > maxAbs) maxAbs = e.maxAbs;
  }
  return { min, max, minPositive, maxAbs, count };
}

/** How many decades a diverging run may push the axis beyond the runs that converge. */
const DIVERGED_HEADROOM = 1e3;

/**
 * The extent the axis shows. A diverging run (non-finite, or a thousand times above every run's
 * start) climbs to 1e300 and would flatten every other line,
 * so when some visible run stays finite the axis follows those runs, with a little headroom for
 * the diverging ones; their lines then leave the top edge (the scale clamps) and their × marks
 * sit on it.
 */
function visibleExtent(series: readonly ChartSeries[]): Extent {
  const all = extentOf(series, () => true);
  // A run that explodes without overflowing (1e40 at step 200, still finite) runs away too: it
  // climbs more than the headroom above where every run started.
  let start = 0;
  for (const s of series) {
    const first = s.length > 0 ? Math.abs(s.values[0]!) : NaN;
    if (!s.hidden && Number.isFinite(first) && first > start) start = first;
  }
  const runsAway = (s: ChartSeries): boolean =>
    s.diverged || (start > 0 && seriesExtent(s).maxAbs > start * DIVERGED_HEADROOM);
  const steady = extentOf(series, (s) => !runsAway(s));
  if (steady.count === 0 || all.count === steady.count) return all;
  const reach = Math.max(steady.maxAbs, Number.MIN_VALUE) * DIVERGED_HEADROOM;
  const max = all.max <= 0 ? all.max : Math.min(all.max, Math.max(steady.max, reach));
  const min = all.min >= 0 ? all.min : Math.max(all.min, Math.min(steady.min, -reach));
  const minPositive = Math.max(all.minPositive, steady.minPositive / DIVERGED_HEADROOM);
  return {
    min,
    max,
    minPositive: Number.isFinite(minPositive) ? minPositive : all.minPositive,
    maxAbs: Math.max(Math.abs(min), Math.abs(max)),
    count: all.count,
  };
}

const NICE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100];

/** The smallest nice exponent step that leaves at most `maxTicks` multiples in [lo, hi]. */
function exponentStep(lo: number, hi: number, maxTicks: number): number {
  for (const step of NICE_STEPS) {
    if (Math.floor(hi / step) - Math.ceil(lo / step) + 1 <= maxTicks) return step;
  }
  return Math.ceil((hi - lo + 1) / maxTicks);
}

/** Exact powers of ten (1e-17, not 10 ** -17 = 9.99…e-18), kept inside the finite doubles. */
function pow10(e: number): number {
  return Number(`1e${Math.max(-307, Math.min(307, e))}`);
}

/** Multiples of a nice step between the integers lo and hi (inclusive), at most MAX_TICKS. */
function thinnedExponents(lo: number, hi: number): number[] {
  const step = exponentStep(lo, hi, MAX_TICKS);
  const out: number[] = [];
  for (let e = Math.ceil(lo / step) * step; e <= hi; e += step) out.push(e);
  return out;
}

/**
 * Picks a log axis when no visible value is negative (zeros are pinned to the bottom of the axis),
 * otherwise a symmetric log axis. The domain snaps outward to powers of ten so the ticks land on it.
 */
export function chooseYScale(series: readonly ChartSeries[]): YScaleSpec {
  const { min, max, minPositive, maxAbs, count } = visibleExtent(series);
  if (count === 0 || min >= 0) {
    if (!Number.isFinite(minPositive)) {
      return { kind: 'log', domain: [0.1, 10], constant: 0, ticks: [0.1, 1, 10] };
    }
    let lo = Math.max(-307, Math.floor(Math.log10(minPositive)));
    let hi = Math.min(307, Math.ceil(Math.log10(max)));
    if (hi <= lo) {
      lo -= 1;
      hi += 1;
    }
    const ticks = thinnedExponents(lo, hi).map(pow10);
    return { kind: 'log', domain: [pow10(lo), pow10(hi)], constant: 0, ticks };
  }
  // Symmetric log: the linear region is a hundredth of the largest decade (at most 1), so a
  // surface whose values are all small still gets log-like resolution.
  const constantExp = Math.min(0, Math.floor(Math.log10(maxAbs)) - 2);
  const constant = pow10(constantExp);
  const snapExp = (v: number): number =>
    Math.min(307, Math.max(constantExp, Math.ceil(Math.log10(Math.abs(v)))));
  const lo = -pow10(snapExp(min));
  const hi = max > 0 ? pow10(snapExp(max)) : constant;
  const negTop = snapExp(min);
  const posTop = max > 0 ? snapExp(max) : constantExp;
  // Both signs share one exponent grid so the axis reads symmetrically around zero.
  const step = exponentStep(constantExp, Math.max(negTop, posTop), Math.floor(MAX_TICKS / 2));
  const ticks: number[] = [];
  const first = Math.ceil(constantExp / step) * step;
  for (let e = Math.floor(negTop / step) * step; e >= first; e -= step) ticks.push(-pow10(e));
  ticks.push(0);
  for (let e = first; e <= posTop; e += step) ticks.push(pow10(e));
  return {
    kind: 'symlog',
    domain: [lo, hi],
    constant,
    ticks: ticks.filter((t) => t >= lo && t <= hi),
  };
}

/** The D3 scale for a spec, mapping the domain to [bottom, top] pixels; out-of-range values clamp. */
export function makeYScale(spec: YScaleSpec, range: readonly [number, number]): YScale {
  if (spec.kind === 'log') {
    return scaleLog()
      .domain([spec.domain[0], spec.domain[1]])
      .range([range[0], range[1]])
      .clamp(true);
  }
  return scaleSymlog()
    .constant(spec.constant)
    .domain([spec.domain[0], spec.domain[1]])
    .range([range[0], range[1]])
    .clamp(true);
}

/** A tick label: powers of ten as 10ⁿ (1 and 10 plainly), anything else with 4 significant digits. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const e = Math.log10(Math.abs(v));
  if (Math.abs(e - Math.round(e)) < 1e-9) {
    const n = Math.round(e);
    const sign = v < 0 ? '\u2212' : '';
    if (n === 0) return `${sign}1`;
    if (n === 1) return `${sign}10`;
    return `${sign}10${superscript(n)}`;
  }
  return formatNumber(v);
}
