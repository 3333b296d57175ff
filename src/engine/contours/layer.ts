/**
 * The map's static layers for one view of one surface: the sampled grid, its contour levels,
 * bands and paths, and the gradient field. Pure, so the worker, its main-thread stand-in, the SVG
 * export's tests and the CLI compute the very same layer.
 */
import { sampleGrid } from '../surfaces/grid';
import type { Domain, Surface } from '../types';
import { bandIndices, contourPaths, contourThresholds, finiteExtent } from './contours';
import type { SurfaceLayer, SurfaceLayerRequest } from './types';

/**
 * Samples f at the centres of a width × height grid of cells over `domain`, row 0 at the top
 * (largest y): the orientation of both the heat-map canvas and d3's contour grid.
 */
export function sampleCells(
  surface: Surface,
  domain: Domain,
  width: number,
  height: number,
): Float64Array {
  return sampleGrid(surface, domain, width, height);
}

/** Gradient arrows on an n-per-row lattice of cell centres: [x, y, ∂f/∂x, ∂f/∂y] each. */
export function quiverSamples(surface: Surface, domain: Domain, perRow: number): Float64Array {
  if (perRow <= 0) return new Float64Array(0);
  const w = domain.x[1] - domain.x[0];
  const h = domain.y[1] - domain.y[0];
  const rows = Math.max(1, Math.round((perRow * h) / w));
  const out = new Float64Array(perRow * rows * 4);
  const g = new Float64Array(2);
  let k = 0;
  for (let j = 0; j < rows; j++) {
    const y = domain.y[0] + ((j + 0.5) * h) / rows;
    for (let i = 0; i < perRow; i++) {
      const x = domain.x[0] + ((i + 0.5) * w) / perRow;
      surface.grad(x, y, g);
      out[k++] = x;
      out[k++] = y;
      out[k++] = g[0]!;
      out[k++] = g[1]!;
    }
  }
  return out;
}

/** The grid a layer for `request` is computed on: its width and height in cells, each 2…1024. */
export function layerCells(request: Pick<SurfaceLayerRequest, 'width' | 'height'>): {
  width: number;
  height: number;
} {
  return {
    width: Math.max(2, Math.min(1024, Math.floor(request.width))),
    height: Math.max(2, Math.min(1024, Math.floor(request.height))),
  };
}

/**
 * Grid, levels, bands, contour paths and quiver of `surface` (the one `request.surface` names)
 * for one view. Width and height are clamped to 2…1024 cells, arrows per row to 64.
 *
 * `coarsen` > 1 gives a quicker first look (the page's first frame): levels, extent and gradient
 * field as at full resolution (so the colour key never changes when the full layer replaces it),
 * but the grid, bands and contour paths at 1/coarsen of it, and `request.width`/`height` saying
 * so. Tracing is most of a cold layer's cost (node, cold: 256 cells 68–114 ms of 120–170 in all,
 * 128 cells 43–50 ms).
 */
export function surfaceLayer(
  surface: Surface,
  request: SurfaceLayerRequest,
  coarsen = 1,
): SurfaceLayer {
  const { width: fullWidth, height: fullHeight } = layerCells(request);
  const full = sampleCells(surface, request.domain, fullWidth, fullHeight);
  const thresholds = contourThresholds(full, request.levels, request.spacing);
  const [min, max] = finiteExtent(full);
  const width = Math.max(2, Math.round(fullWidth / coarsen));
  const height = Math.max(2, Math.round(fullHeight / coarsen));
  const grid = coarsen === 1 ? full : sampleCells(surface, request.domain, width, height);
  return {
    request: { ...request, width, height },
    grid,
    thresholds,
    bands: bandIndices(grid, thresholds),
    contours: contourPaths(grid, width, height, thresholds),
    min,
    max,
    quiver: quiverSamples(surface, request.domain, Math.min(64, Math.floor(request.quiver))),
  };
}
