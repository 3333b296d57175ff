/**
 * The map's static layers as plain data: what the worker computes, the views draw and the SVG
 * export writes. Pure types, so views and the CLI need not import the worker's protocol.
 */
import type { Domain, SurfaceRef } from '../types';

/** How contour levels are spaced: geometric above the minimum, or equal-area quantiles. */
export type LevelSpacing = 'log' | 'quantile';

/** What the surface layer is computed for: one surface over one rectangle at one resolution. */
export interface SurfaceLayerRequest {
  readonly surface: SurfaceRef;
  readonly domain: Domain;
  /** Grid columns and rows (cells, sampled at their centres). */
  readonly width: number;
  readonly height: number;
  readonly spacing: LevelSpacing;
  /** How many contour levels to aim for (quantile spacing may merge equal ones). */
  readonly levels: number;
  /** Arrows per row of the gradient field (0 for none). */
  readonly quiver: number;
}

/** One contour line: its level and an SVG path in grid units (x right, y down from the top row). */
export interface ContourPath {
  readonly value: number;
  readonly d: string;
}

/** The static layers of the map, ready to draw. */
export interface SurfaceLayer {
  readonly request: SurfaceLayerRequest;
  /**
   * The sampled values themselves, width × height, row 0 = top (largest y), at cell centres: the
   * heights of the 3-D view, which reuses them rather than evaluating the surface again.
   */
  readonly grid: Float64Array;
  /** Ascending contour levels. */
  readonly thresholds: readonly number[];
  /** Per grid cell (row 0 = top = largest y), the number of thresholds at or below its value; 255 = not finite. */
  readonly bands: Uint8Array;
  readonly contours: readonly ContourPath[];
  /** Finite value range over the grid. */
  readonly min: number;
  readonly max: number;
  /** [x, y, ∂f/∂x, ∂f/∂y] per arrow of the gradient field. */
  readonly quiver: Float64Array;
}
