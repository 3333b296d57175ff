/**
 * The worker's work as plain functions: the worker file is a thin `switch` over these, and the
 * main-thread fallback (sandboxed embeds, tests) calls the very same code.
 */
import { simulate } from '../engine/simulate';
import { resolveSurface } from '../engine/surfaces';
import { sampleGrid } from '../engine/surfaces/grid';
import type { Domain, Surface, SurfaceRef, Trajectory } from '../engine/types';
import { bandIndices, contourPaths, contourThresholds, finiteExtent } from './contours';
import type { SurfaceLayer, SurfaceLayerRequest, WorkerReply, WorkerRequest } from './protocol';

let cachedKey = '';
let cachedSurface: Surface | undefined;

/** Resolves a surface reference, reusing the last one (a slider drag asks for the same surface 60 times a second). */
function surfaceFor(ref: SurfaceRef): Surface {
  const key = 'id' in ref ? `id:${ref.id}` : `expr:${ref.expr}`;
  if (key === cachedKey && cachedSurface) return cachedSurface;
  const resolved = resolveSurface(ref);
  if (!resolved.ok) throw new Error(`${resolved.error.path}: ${resolved.error.message}`);
  cachedKey = key;
  cachedSurface = resolved.surface;
  return resolved.surface;
}

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

/** Grid, levels, bands, contour paths and quiver for one view of one surface. */
export function computeSurfaceLayer(request: SurfaceLayerRequest): SurfaceLayer {
  const surface = surfaceFor(request.surface);
  const width = Math.max(2, Math.min(1024, Math.floor(request.width)));
  const height = Math.max(2, Math.min(1024, Math.floor(request.height)));
  const grid = sampleCells(surface, request.domain, width, height);
  const thresholds = contourThresholds(grid, request.levels, request.spacing);
  const [min, max] = finiteExtent(grid);
  return {
    request: { ...request, width, height },
    thresholds,
    bands: bandIndices(grid, thresholds),
    contours: contourPaths(grid, width, height, thresholds),
    min,
    max,
    quiver: quiverSamples(surface, request.domain, Math.min(64, Math.floor(request.quiver))),
  };
}

/** Every optimizer's trajectory for a scene. */
export function computeTrajectories(scene: Parameters<typeof simulate>[0]): Trajectory[] {
  return simulate(scene, surfaceFor(scene.surface));
}

/** Answers one request; `transfer` lists the buffers to move rather than copy. */
export function handleRequest(request: WorkerRequest): {
  reply: WorkerReply;
  transfer: Transferable[];
} {
  const { id, runId } = request;
  try {
    switch (request.type) {
      case 'simulate': {
        const trajectories = computeTrajectories(request.scene);
        const transfer = trajectories.flatMap((t) => [
          t.points.buffer,
          t.losses.buffer,
          ...(t.lrs ? [t.lrs.buffer] : []),
          ...(t.momentums ? [t.momentums.buffer] : []),
        ]);
        return { reply: { id, runId, type: 'simulate', trajectories }, transfer };
      }
      case 'surface': {
        const layer = computeSurfaceLayer(request.request);
        return {
          reply: { id, runId, type: 'surface', layer },
          transfer: [layer.bands.buffer, layer.quiver.buffer],
        };
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reply: { id, runId, type: 'error', message }, transfer: [] };
  }
}
