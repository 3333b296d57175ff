/**
 * The typed message protocol between the UI and the engine worker. Every request carries an `id`
 * (to match its reply) and a `runId` (so the client can drop replies of a superseded run).
 */
import type { Domain, Scene, SurfaceRef, Trajectory } from '../engine/types';

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

/** UI → worker. */
export type WorkerRequest =
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'simulate';
      readonly scene: Scene;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'surface';
      readonly request: SurfaceLayerRequest;
    };

/** Worker → UI. */
export type WorkerReply =
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'simulate';
      readonly trajectories: readonly Trajectory[];
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'surface';
      readonly layer: SurfaceLayer;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'error';
      readonly message: string;
    };

/** The request types, which are also the reply types of a success. */
export type RequestType = WorkerRequest['type'];
