import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import type { Scene } from '../engine/types';
import { EngineClient } from '../worker/client';
import type { WorkerLike } from '../worker/client';
import { handleRequest } from '../worker/handlers';
import type { WorkerReply, WorkerRequest } from '../worker/protocol';
import { startEngine } from './engine';
import { FIRST_FRAME_STEP_BUDGET } from './firstFrame';
import { layerRequest } from './layerRequest';
import { useDescent } from './store';

/** A worker double that answers like engine.worker.ts (same handlers) and records what it was asked. */
class HandlerWorker implements WorkerLike {
  static spawned = 0;
  readonly received: WorkerRequest[] = [];
  private readonly listeners: ((event: MessageEvent<WorkerReply>) => void)[] = [];
  constructor() {
    HandlerWorker.spawned++;
  }
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
    const { reply } = handleRequest(structuredClone(message));
    const data = structuredClone(reply);
    void Promise.resolve().then(() => {
      for (const l of this.listeners) l({ data } as MessageEvent<WorkerReply>);
    });
  }
  terminate(): void {}
  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.listeners.push(listener as never);
  }
}

let workers: HandlerWorker[] = [];
const makeClient = (): EngineClient =>
  new EngineClient([
    () => {
      const w = new HandlerWorker();
      workers.push(w);
      return w;
    },
  ]);

function resetStore(scene: Scene): void {
  useDescent.setState({ trajectories: [], trajectoriesScene: null, layer: null });
  expect(useDescent.getState().commitScene(scene)).toEqual([]);
}

describe('the first frame', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    workers = [];
    HandlerWorker.spawned = 0;
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.unstubAllGlobals();
  });

  it('is in the store when the engine starts, before any worker is spawned or asked', async () => {
    resetStore(DEFAULT_SCENE);
    const engine = startEngine(makeClient);
    stop = engine.stop;
    const s = useDescent.getState();
    expect(s.trajectoriesScene).toBe(s.scene);
    expect(s.trajectories).toHaveLength(s.scene.optimizers.length);
    expect(s.trajectories.every((t) => t.length === s.scene.steps + 1)).toBe(true);
    // The map at once, its contours traced on a grid half as fine as the view's.
    const full = layerRequest(s);
    expect(s.layer?.request).toEqual({
      ...full,
      width: Math.round(full.width / 2),
      height: Math.round(full.height / 2),
    });
    expect(s.layer!.contours.length).toBeGreaterThan(8);
    expect(HandlerWorker.spawned).toBe(0);

    // After the first paint the worker is started; its full layer replaces the coarse one with
    // the same levels and colour key, and the paths stay as they were.
    engine.warmUp();
    await vi.waitFor(() => expect(engine.client.pendingCount).toBe(0));
    expect(HandlerWorker.spawned).toBe(1);
    expect(workers[0]!.received.map((r) => r.type).sort()).toEqual(['simulate', 'surface']);
    const after = useDescent.getState();
    expect(after.trajectories).toBe(s.trajectories);
    expect(after.layer!.request).toEqual(full);
    expect(after.layer!.thresholds).toEqual(s.layer!.thresholds);
    expect([after.layer!.min, after.layer!.max]).toEqual([s.layer!.min, s.layer!.max]);
  });

  it('keeps a layer asked for since the first frame: the warm-up does not put the old view back', async () => {
    resetStore(DEFAULT_SCENE);
    const engine = startEngine(makeClient);
    stop = engine.stop;
    engine.warmUp();
    // A zoom before the worker answers: the new view's layer wins.
    useDescent.setState({ domain: { x: [-1, 1], y: [-1, 1] } });
    await vi.waitFor(() => expect(engine.client.pendingCount).toBe(0));
    await vi.waitFor(() => expect(useDescent.getState().layer!.request.domain.x).toEqual([-1, 1]));
    await new Promise((r) => setTimeout(r, 20));
    expect(useDescent.getState().layer!.request).toEqual(layerRequest(useDescent.getState()));
    useDescent.setState({ domain: null });
  });

  it('equals what the worker answers for the same scene and view', async () => {
    resetStore({ ...DEFAULT_SCENE, surface: { expr: 'x^2 + 3*sin(y)' } });
    stop = startEngine(makeClient).stop;
    const local = useDescent.getState();
    const client = makeClient();
    const [trajectories, layer] = await Promise.all([
      client.simulate(local.scene),
      client.surfaceLayer(layerRequest(local)),
    ]);
    expect(local.trajectories).toEqual(trajectories);
    // Same levels, extent and gradient field; only the traced grid is coarser.
    expect(local.layer!.thresholds).toEqual(layer.thresholds);
    expect([local.layer!.min, local.layer!.max]).toEqual([layer.min, layer.max]);
    expect(local.layer!.quiver).toEqual(layer.quiver);
    expect(local.layer!.request.width).toBe(Math.round(layer.request.width / 2));
    client.dispose();
  });

  it('leaves a scene above its step budget to the worker, and still draws the map at once', async () => {
    const big: Scene = {
      ...DEFAULT_SCENE,
      steps: Math.ceil(FIRST_FRAME_STEP_BUDGET / DEFAULT_SCENE.optimizers.length) + 1,
    };
    resetStore(big);
    stop = startEngine(makeClient).stop;
    expect(useDescent.getState().trajectoriesScene).toBeNull();
    expect(useDescent.getState().layer).not.toBeNull();
    await vi.waitFor(() =>
      expect(useDescent.getState().trajectoriesScene).toBe(useDescent.getState().scene),
    );
    // The worker starts at once for the run, and refines the map while it is at it.
    expect(workers.flatMap((w) => w.received.map((r) => r.type)).sort()).toEqual([
      'simulate',
      'surface',
    ]);
    await vi.waitFor(() =>
      expect(useDescent.getState().layer!.request).toEqual(layerRequest(useDescent.getState())),
    );
  });
});
