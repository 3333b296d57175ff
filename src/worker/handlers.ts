/**
 * The worker's work as plain functions: the worker file is a thin `switch` over these, and the
 * main-thread fallback (sandboxed embeds, tests) calls the very same code.
 */
import { simulate } from '../engine/simulate';
import { resolveSurface } from '../engine/surfaces/resolve';
import { surfaceLayer } from '../engine/contours/layer';
import type { SurfaceLayer, SurfaceLayerRequest } from '../engine/contours/types';
import type { Surface, SurfaceRef, Trajectory } from '../engine/types';
import type { WorkerReply, WorkerRequest } from './protocol';

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

/** Grid, levels, bands, contour paths and quiver for one view of one surface. */
export function computeSurfaceLayer(request: SurfaceLayerRequest): SurfaceLayer {
  return surfaceLayer(surfaceFor(request.surface), request);
}

/** The same view traced on a grid half as fine (see surfaceLayer): the page's first frame. */
export function computePreviewLayer(request: SurfaceLayerRequest): SurfaceLayer {
  return surfaceLayer(surfaceFor(request.surface), request, 2);
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
          transfer: [layer.grid.buffer, layer.bands.buffer, layer.quiver.buffer],
        };
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reply: { id, runId, type: 'error', message }, transfer: [] };
  }
}
