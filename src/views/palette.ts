/**
 * Display identity of optimizers: a colour-blind-safe palette (Okabe–Ito first, then darker
 * Tableau-like tones) with a dash pattern and a marker shape per slot as a second cue.
 */
import type { OptimizerConfig } from '../engine/types';

/** Default colours by slot; Okabe–Ito's yellow is left out (invisible on a light map), and its black (invisible on dark panels). */
export const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  // Not black: black vanished on the dark theme's panels (legend, tabs, list). This violet keeps
  // at least 3:1 contrast on both the light figure and the dark panel (palette.test.ts).
  '#7b68ee',
  '#8c564b',
  '#7f3c8d',
  '#b07d00',
  '#2f6f6f',
  '#e15759',
] as const;

/** Dash patterns (px) by slot. */
export const DASHES: readonly (readonly number[])[] = [
  [],
  [9, 4],
  [2, 3],
  [10, 3, 2, 3],
  [5, 5],
  [1, 5],
];

/** Marker shapes by slot. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'plus', 'star'] as const;
export type MarkerShape = (typeof MARKERS)[number];

/** How optimizer `index` of a scene is drawn. */
export interface OptimizerStyle {
  readonly color: string;
  readonly dash: readonly number[];
  readonly marker: MarkerShape;
}

/** The style of optimizer `index` (its own colour when it has one). */
export function optimizerStyle(config: OptimizerConfig, index: number): OptimizerStyle {
  return {
    color: config.color ?? PALETTE[index % PALETTE.length]!,
    dash: DASHES[index % DASHES.length]!,
    marker: MARKERS[index % MARKERS.length]!,
  };
}

/** A palette colour no optimizer of `configs` uses yet (for a newly added one). */
export function unusedColor(configs: readonly OptimizerConfig[]): string {
  const used = new Set(configs.map((c, i) => optimizerStyle(c, i).color.toLowerCase()));
  return PALETTE.find((c) => !used.has(c)) ?? PALETTE[configs.length % PALETTE.length]!;
}

const HEAT_STOPS = ['#fdfdfb', '#f0f2f5', '#e0e6ee', '#cbd4e1', '#b4c0d2', '#9dabc2'] as const;

/** d3-interpolate's uniform B-spline `basis` through `values` (t in [0, 1]). */
function basisSpline(values: readonly number[]): (t: number) => number {
  const n = values.length - 1;
  return (t) => {
    const i = t <= 0 ? ((t = 0), 0) : t >= 1 ? ((t = 1), n - 1) : Math.floor(t * n);
    const v1 = values[i]!;
    const v2 = values[i + 1]!;
    const v0 = i > 0 ? values[i - 1]! : 2 * v1 - v2;
    const v3 = i < n - 1 ? values[i + 2]! : 2 * v2 - v1;
    const t1 = (t - i / n) * n;
    const t2 = t1 * t1;
    const t3 = t2 * t1;
    return (
      ((1 - 3 * t1 + 3 * t2 - t3) * v0 +
        (4 - 6 * t2 + 3 * t3) * v1 +
        (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 +
        t3 * v3) /
      6
    );
  };
}

const channel = (hex: string, k: number): number => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
const heatSplines = [0, 1, 2].map((k) => basisSpline(HEAT_STOPS.map((hex) => channel(hex, k))));
const clampByte = (v: number): number => Math.max(0, Math.min(255, Math.round(v) || 0));

/**
 * Heat-map colour from low (light, where the optimizers arrive) to high loss, as [r, g, b] bytes:
 * d3's `interpolateRgbBasis` over the stops, written out so the first screen does not load
 * d3-color's CSS colour parser (a unit test compares the two).
 */
export function heatRgb(t: number): [number, number, number] {
  return [
    clampByte(heatSplines[0]!(t)),
    clampByte(heatSplines[1]!(t)),
    clampByte(heatSplines[2]!(t)),
  ];
}

/** heatRgb as CSS text, `rgb(r, g, b)`: what d3's `interpolateRgbBasis` returns. */
export function heatColor(t: number): string {
  const [r, g, b] = heatRgb(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Contour line colour. */
export const CONTOUR_STROKE = '#4a5a70';
