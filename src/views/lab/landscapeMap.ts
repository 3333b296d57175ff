/**
 * Pure helpers of the lab's Landscape view: a (partial) loss grid from the worker turned into the
 * visualizer's contour pipeline's input (src/engine/contours: log-spaced levels, bands, isolines),
 * and plane coordinates (α, β) into the picture's grid units.
 *
 * Orientation. The worker's grid is loss[i·nb + j] at (alphas[i], betas[j]); the picture is a
 * width × height image, α to the right (columns) and β up (row 0 = the largest β), each grid point
 * at the centre of its cell: the orientation of the map's heat canvas and of d3-contour.
 */
import { bandIndices, contourPaths, contourThresholds, finiteExtent } from '../../engine/contours';
import type { ContourPath } from '../../engine/contours';
import type { LandscapeResult } from '../../worker/lab/protocol';
import { PLANE_SLOTS } from '../../engine/nn/labConfig';
import type { LabConfig, TrainSlot } from '../../engine/nn/labConfig';
import { optimizerStyle } from '../palette';

/** Contour levels a slice aims for. */
export const SLICE_LEVELS = 16;

/** A slice ready to draw. */
export interface SliceImage {
  /** Columns (α values) and rows (β values). */
  readonly width: number;
  readonly height: number;
  /** Per cell, row 0 at the top: the loss, the coarse pass's value where not computed yet. */
  readonly values: Float64Array;
  readonly thresholds: readonly number[];
  /** Band per cell (255 = not finite), as the map's heat layer reads it. */
  readonly bands: Uint8Array;
  readonly contours: readonly ContourPath[];
  readonly min: number;
  readonly max: number;
}

/** The nearest multiple of `stride` to `i` within [0, last] (the coarse lattice's points). */
function lattice(i: number, stride: number, last: number): number {
  const top = Math.floor(last / stride) * stride;
  return Math.min(top, Math.round(i / stride) * stride);
}

/**
 * The grid with every not-yet-computed (NaN) point given the value of the nearest point of the
 * last complete pass (`stride`; 0 or less: nothing is known yet, the grid is returned as is), so a
 * coarse pass already draws as a blocky picture of the whole slice. Computed points are kept.
 */
export function fillCoarse(
  grid: Float64Array,
  nAlphas: number,
  nBetas: number,
  stride: number,
): Float64Array {
  const out = Float64Array.from(grid);
  if (!(stride >= 1)) return out;
  for (let i = 0; i < nAlphas; i++) {
    for (let j = 0; j < nBetas; j++) {
      const k = i * nBetas + j;
      if (!Number.isNaN(out[k]!)) continue;
      out[k] = grid[lattice(i, stride, nAlphas - 1) * nBetas + lattice(j, stride, nBetas - 1)]!;
    }
  }
  return out;
}

/** The slice of a result as an image, row 0 = the largest β (see the module comment). */
export function sliceImage(result: LandscapeResult, levels = SLICE_LEVELS): SliceImage {
  const na = result.alphas.length;
  const nb = result.betas.length;
  const filled = fillCoarse(result.grid, na, nb, result.knownStride);
  const values = new Float64Array(na * nb);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) values[(nb - 1 - j) * na + i] = filled[i * nb + j]!;
  }
  const thresholds = contourThresholds(values, levels, 'log');
  const [min, max] = finiteExtent(values);
  return {
    width: na,
    height: nb,
    values,
    thresholds,
    bands: bandIndices(values, thresholds),
    contours: contourPaths(values, na, nb, thresholds),
    min,
    max,
  };
}

/**
 * A point (α, β) of the plane in the picture's grid units (x right, y down, the cell of grid
 * point (i, j) centred at (i + 0.5, nb − 1 − j + 0.5)). Axes are evenly spaced.
 */
export function planeToGrid(
  alphas: Float64Array,
  betas: Float64Array,
  alpha: number,
  beta: number,
): [number, number] {
  const na = alphas.length;
  const nb = betas.length;
  const ha = na > 1 ? (alphas[na - 1]! - alphas[0]!) / (na - 1) : 1;
  const hb = nb > 1 ? (betas[nb - 1]! - betas[0]!) / (nb - 1) : 1;
  return [(alpha - alphas[0]!) / ha + 0.5, (betas[nb - 1]! - beta) / hb + 0.5];
}

/** Index of the last snapshot at or before `step` (0 when none is). */
export function snapshotAt(steps: Float64Array, step: number): number {
  let k = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i]! <= step) k = i;
  return k;
}

/** A path's colour: the visualizer's colour of its slot's place (A, B, then C to F). */
export function pathColor(slot: TrainSlot, config: LabConfig): string {
  const index = slot === 'a' ? 0 : slot === 'b' ? 1 : 2 + PLANE_SLOTS.indexOf(slot);
  return optimizerStyle({ type: config.optimizer, lr: config.lr }, index).color;
}
