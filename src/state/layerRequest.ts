/**
 * What the map's static layers are computed for: the surface over the visible domain at the
 * grid resolution. Shared by the engine bridge (worker requests) and the first frame.
 */
import type { Domain } from '../engine/types';
import type { SurfaceLayerRequest } from '../engine/contours/types';
import type { DescentState } from './store';

/** Longest side of the surface grid, in cells. */
export const GRID_CELLS = 256;
/** Contour levels aimed for. */
export const CONTOUR_LEVELS = 18;
/** Gradient-field arrows per row. */
export const QUIVER_PER_ROW = 22;

/** The domain on screen: the user's zoom, or the surface's default. */
export function visibleDomain(state: Pick<DescentState, 'domain' | 'surface'>): Domain {
  return state.domain ?? state.surface.domain;
}

/** Grid size for a rectangle: GRID_CELLS along the longer side, the other in proportion. */
export function gridSize(domain: Domain): { width: number; height: number } {
  const w = domain.x[1] - domain.x[0];
  const h = domain.y[1] - domain.y[0];
  const aspect = Math.max(0.25, Math.min(4, w / h));
  return aspect >= 1
    ? { width: GRID_CELLS, height: Math.max(16, Math.round(GRID_CELLS / aspect)) }
    : { width: Math.max(16, Math.round(GRID_CELLS * aspect)), height: GRID_CELLS };
}

/** The layer request for the store's scene, zoom and contour spacing. */
export function layerRequest(
  state: Pick<DescentState, 'scene' | 'surface' | 'domain' | 'spacing'>,
): SurfaceLayerRequest {
  const domain = visibleDomain(state);
  return {
    surface: state.scene.surface,
    domain,
    ...gridSize(domain),
    spacing: state.spacing,
    levels: CONTOUR_LEVELS,
    quiver: QUIVER_PER_ROW,
  };
}
