/**
 * Connects the store to the engine worker: a scene change re-simulates, a surface or view change
 * recomputes the map layers. Replies of superseded runs are dropped by the client; failures
 * become a message in the store and the worker restarts itself.
 */
import type { Domain } from '../engine/types';
import { StaleRunError, WorkerCrashedError } from '../worker/client';
import type { EngineClient } from '../worker/client';
import type { SurfaceLayerRequest } from '../engine/contours/types';
import { createEngineClient } from '../worker/spawn';
import { localTrajectories } from './incremental';
import { useDescent } from './store';
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

function layerRequest(state: DescentState): SurfaceLayerRequest {
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

/** The message for a failed run, or null when there is nothing to tell (superseded, or a crash already reported). */
function describeFailure(error: unknown): string | null {
  if (error instanceof StaleRunError || error instanceof WorkerCrashedError) return null;
  return error instanceof Error ? error.message : String(error);
}

/** Crashes in a row (without a reply in between) after which the engine stops asking again. */
const MAX_RETRIES = 4;

/** Starts the engine bridge; returns the client and a stop function. */
export function startEngine(
  makeClient: (
    onCrash: (reason: string, fallback: boolean) => void,
  ) => EngineClient = defaultClient,
): {
  client: EngineClient;
  stop: () => void;
} {
  const store = useDescent;
  let crashes = 0;
  // A worker that died took its runs with it: report it and ask again on the fresh worker (which
  // may be the next fallback kind), a few times at most.
  const client = makeClient((reason, fallback) => {
    // A kind of worker this page cannot run (sandboxed embed) is not news for the reader, and the
    // client has already sent the pending runs to the next kind.
    if (fallback) return;
    store.getState().setEngineError(reason);
    if (++crashes <= MAX_RETRIES) {
      setTimeout(() => {
        runSimulation();
        runLayer();
      }, 0);
    }
  });

  const runSimulation = (): void => {
    const state = store.getState();
    const { scene } = state;
    // A drag that changes one optimizer is re-simulated here, in the input's own frame (see
    // incremental.ts for why); anything larger goes to the worker.
    const local =
      state.trajectoriesScene === null
        ? null
        : localTrajectories(state.trajectoriesScene, state.trajectories, scene, state.surface);
    if (local !== null) {
      state.setTrajectories(scene, local);
      return;
    }
    client.simulate(scene).then(
      (trajectories) => {
        crashes = 0;
        if (store.getState().scene === scene) store.getState().setTrajectories(scene, trajectories);
      },
      (error: unknown) => {
        const message = describeFailure(error);
        if (message !== null) store.getState().setEngineError(message);
      },
    );
  };

  let layerFrame: number | undefined;
  let layerWanted = false;
  const requestLayer = (): void => {
    client.surfaceLayer(layerRequest(store.getState())).then(
      (layer) => {
        crashes = 0;
        store.getState().setLayer(layer);
      },
      (error: unknown) => {
        const message = describeFailure(error);
        if (message !== null) store.getState().setEngineError(message);
      },
    );
  };
  const runLayer = (): void => {
    // Zooming fires many events per frame: ask for one layer per frame at most. The first change
    // is asked for at once (a surface pick should not wait a frame), later ones in the same frame
    // are folded into one request on the next frame.
    if (layerFrame !== undefined) {
      layerWanted = true;
      return;
    }
    requestLayer();
    layerFrame = requestAnimationFrame(() => {
      layerFrame = undefined;
      if (layerWanted) {
        layerWanted = false;
        runLayer();
      }
    });
  };

  const stopScene = store.subscribe((s) => s.scene, runSimulation);
  const stopLayer = store.subscribe(
    (s) => [s.scene.surface, s.domain, s.spacing, s.surface] as const,
    runLayer,
    { equalityFn: (a, b) => a.every((v, i) => Object.is(v, b[i])) },
  );
  runSimulation();
  runLayer();

  return {
    client,
    stop: () => {
      stopScene();
      stopLayer();
      if (layerFrame !== undefined) cancelAnimationFrame(layerFrame);
      client.dispose();
    },
  };
}

function defaultClient(onCrash: (reason: string, fallback: boolean) => void): EngineClient {
  return createEngineClient({ onCrash });
}
