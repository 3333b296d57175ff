/**
 * Connects the store to the engine worker: a scene change re-simulates, a surface or view change
 * recomputes the map layers. Replies of superseded runs are dropped by the client; failures
 * become a message in the store and the worker restarts itself.
 */
import { StaleRunError, WorkerCrashedError } from '../worker/client';
import type { EngineClient } from '../worker/client';
import { createEngineClient } from '../worker/spawn';
import { loadOptimizers, optimizerLoaded } from '../engine/optimizers';
import { computeFirstFrame } from './firstFrame';
import { localTrajectories } from './incremental';
import { layerRequest } from './layerRequest';
import { useDescent } from './store';
import type { SurfaceLayer } from '../engine/contours/types';

export {
  CONTOUR_LEVELS,
  GRID_CELLS,
  QUIVER_PER_ROW,
  gridSize,
  layerRequest,
  visibleDomain,
} from './layerRequest';

/** The message for a failed run, or null when there is nothing to tell (superseded, or a crash already reported). */
function describeFailure(error: unknown): string | null {
  if (error instanceof StaleRunError || error instanceof WorkerCrashedError) return null;
  return error instanceof Error ? error.message : String(error);
}

/** Crashes in a row (without a reply in between) after which the engine stops asking again. */
const MAX_RETRIES = 4;

/**
 * Starts the engine bridge; returns the client and a stop function. With `firstFrame` (the
 * default) the current scene's first frame is computed on this thread before returning.
 */
export function startEngine(
  makeClient: (
    onCrash: (reason: string, fallback: boolean) => void,
  ) => EngineClient = defaultClient,
  firstFrame = true,
): {
  client: EngineClient;
  stop: () => void;
  warmUp: () => void;
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
    // Already computed with the scene itself (commitScene's local re-simulation, the first frame).
    if (state.trajectoriesScene === scene) return;
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
  // The first frame is computed here, synchronously (see firstFrame.ts); only what it leaves out
  // (a scene too large, a part that failed) is asked of the worker now.
  // The first frame's coarse layer (surfaceLayer's `coarsen`), until the full one replaces it.
  let preview: SurfaceLayer | undefined;
  const paintFirst = (): void => {
    const first = firstFrame ? computeFirstFrame(store.getState()) : {};
    preview = first.layer;
    if (first.trajectories || first.layer)
      store.setState({
        ...(first.trajectories
          ? { trajectories: first.trajectories, trajectoriesScene: store.getState().scene }
          : {}),
        ...(first.layer ? { layer: first.layer } : {}),
      });
    if (!first.trajectories) runSimulation();
    // The worker is started now anyway when it must run the scene: it refines the map at once.
    if (!first.layer || !first.trajectories) runLayer();
  };
  // A scene using a lazily loaded optimizer family waits for its arithmetic before the first
  // frame (if the chunk fails to load, the first frame's run fails and the worker is asked).
  const types = store.getState().scene.optimizers.map((o) => o.type);
  if (!firstFrame || types.every(optimizerLoaded)) paintFirst();
  else void loadOptimizers(types).then(paintFirst, paintFirst);

  /**
   * Starts the worker, after the first paint, with a 1-step run (answer dropped) and the current
   * view's full layer, so its script is loaded and its hot code compiled before the first real
   * change needs it. The full layer replaces the first frame's coarse one if that is still shown
   * (a change since asked for its own layer). Skipped when a real request is already pending:
   * the worker is starting anyway, and a warm-up would supersede that run.
   */
  const warmUp = (): void => {
    if (client.pendingCount > 0) return;
    const state = store.getState();
    const ignore = (): void => undefined;
    client.simulate({ ...state.scene, steps: 1 }).then(ignore, ignore);
    // The map's own size: a 16² layer left the contour code cold, and the first surface change
    // then paid for it (measured in node at load 14: first layer 113-190 ms cold, 23-79 ms warm).
    client.surfaceLayer(layerRequest(state)).then((layer) => {
      if (preview !== undefined && store.getState().layer === preview) {
        store.getState().setLayer(layer);
      }
      preview = undefined;
    }, ignore);
  };

  return {
    client,
    warmUp,
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
