/**
 * `window.__descent`: what the canvas hides, for end-to-end tests only (trajectory points per
 * optimizer, the cursor, diverged flags, the scene, how many scenes were painted).
 */
import type { Domain, Scene } from '../engine/types';
import type { EngineClient } from '../worker/client';
import { allTextsLoaded, textsShownBeforeLoading } from '../i18n';
import { visibleDomain } from './engine';
import { layerCells } from '../engine/contours/layer';
import { layerRequest } from './layerRequest';
import { useDescent } from './store';

/** One optimizer's path as the test API reports it. */
export interface TestTrajectory {
  readonly label: string;
  readonly hidden: boolean;
  readonly diverged: boolean;
  readonly length: number;
  readonly points: [number, number][];
  /** ASGD: points of its averaged iterate ax (0 for other optimizers). */
  readonly axLength: number;
  /** L-BFGS: closure evaluations recorded as probes over the whole run (0 for others). */
  readonly probeCount: number;
}

/** The test API's shape. */
export interface DescentTestApi {
  scene(): Scene;
  trajectories(): TestTrajectory[];
  cursor(): number;
  playing(): boolean;
  /** Number of 'scene-painted' marks so far. */
  paintCount(): number;
  /** Whether the trajectories on screen belong to the current scene. */
  settled(): boolean;
  /**
   * Whether the map's layer is the full one for the current view, not the first frame's coarse
   * preview (the worker's full layer is one more 'scene-painted' mark when it lands).
   */
  layerComplete(): boolean;
  /** Message keys shown empty because their texts had not loaded yet (see i18n `t`). */
  textsShownBeforeLoading(): readonly string[];
  /** Whether every text of the current language has loaded. */
  allTextsLoaded(): boolean;
  /** The domain rectangle the map shows. */
  domain(): Domain;
  /**
   * Fault injection, present only when a test set `window.__DESCENT_TEST_HOOKS__ = true` before
   * the app loaded (Playwright's addInitScript). `crash` waits (up to 10 s) until the worker has
   * answered once, then makes it fail as an uncaught exception in it would: a worker that dies
   * before any answer is handled as a kind the page cannot run (a silent fallback), not
   * reported. `hang` shortens the watchdog to `watchdogMs` and kills the worker silently, so the
   * next request gets no answer. Both resolve false when no real worker runs.
   */
  faults?: {
    crash(): Promise<boolean>;
    hang(watchdogMs: number): Promise<boolean>;
  };
}

declare global {
  interface Window {
    __descent?: DescentTestApi;
    __DESCENT_TEST_HOOKS__?: boolean;
  }
}

/** The real worker behind the client, if it is one (not the main-thread fallback). */
async function realWorker(client: EngineClient): Promise<Worker | undefined> {
  const worker = await client.currentWorker();
  return typeof Worker !== 'undefined' && worker instanceof Worker ? worker : undefined;
}

function faultHooks(client: EngineClient): NonNullable<DescentTestApi['faults']> {
  return {
    crash: async () => {
      // The first frame is computed on the page, so right after it the worker may not have
      // answered yet (a CI run under load crashed it then, and nothing was reported).
      for (let waited = 0; !client.hasAnswered && waited < 10_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const worker = await realWorker(client);
      worker?.dispatchEvent(new ErrorEvent('error', { message: 'test: the worker crashed' }));
      return worker !== undefined;
    },
    hang: async (watchdogMs) => {
      const worker = await realWorker(client);
      client.setTimeoutMs(watchdogMs);
      worker?.terminate();
      return worker !== undefined;
    },
  };
}

/** Installs the test API on `window` (with the fault hooks when a test asked for them). */
export function installTestApi(client?: EngineClient): void {
  window.__descent = {
    ...(client && window.__DESCENT_TEST_HOOKS__ === true ? { faults: faultHooks(client) } : {}),
    scene: () => useDescent.getState().scene,
    trajectories: () => {
      const s = useDescent.getState();
      return s.trajectories.map((tr, i) => {
        const config = s.scene.optimizers[i];
        const points: [number, number][] = [];
        for (let k = 0; k < tr.length; k++) points.push([tr.points[2 * k]!, tr.points[2 * k + 1]!]);
        return {
          label: config?.label ?? config?.type ?? '',
          hidden: config?.hidden === true,
          diverged: tr.diverged,
          length: tr.length,
          points,
          axLength: tr.ax ? tr.length : 0,
          probeCount: tr.probeOffsets ? (tr.probeOffsets[tr.length - 1] ?? 0) : 0,
        };
      });
    },
    cursor: () => useDescent.getState().cursor,
    playing: () => useDescent.getState().playing,
    paintCount: () => performance.getEntriesByName('scene-painted').length,
    textsShownBeforeLoading,
    allTextsLoaded,
    domain: () => visibleDomain(useDescent.getState()),
    layerComplete: () => {
      const s = useDescent.getState();
      const full = layerCells(layerRequest(s));
      return (
        s.layer !== null &&
        s.layer.request.width === full.width &&
        s.layer.request.height === full.height
      );
    },
    settled: () => {
      const s = useDescent.getState();
      return s.trajectoriesScene === s.scene;
    },
  };
}
