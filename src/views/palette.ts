/**
 * Display identity of optimizers: a colour-blind-safe palette (Okabe–Ito first, then darker
 * Tableau-like tones) with a dash pattern and a marker shape per slot as a second cue.
 */
import { interpolateRgbBasis } from 'd3';
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

/** Heat-map colour from low (light, where the optimizers arrive) to high loss. */
export const heatColor = interpolateRgbBasis([
  '#fdfdfb',
  '#f0f2f5',
  '#e0e6ee',
  '#cbd4e1',
  '#b4c0d2',
  '#9dabc2',
]);

/** Contour line colour. */
export const CONTOUR_STROKE = '#4a5a70';
