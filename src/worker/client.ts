/**
 * The engine worker's typed facade over the generic {@link WorkerClient}: trajectories and the
 * map's surface layer, latest-wins per kind (a reply of a superseded run rejects with
 * StaleRunError, which callers ignore), a 10 s watchdog, and module → inline → main-thread fallback.
 */
import type { SurfaceLayer, SurfaceLayerRequest } from '../engine/contours/types';
import type { Scene, Trajectory } from '../engine/types';
import type { RequestType, WorkerReply, WorkerRequest } from './protocol';
import { WorkerClient, fallbackChain } from './workerClient';
import type { WorkerClientOptions, WorkerKind } from './workerClient';
import type { WorkerLike as GenericWorkerLike } from './workerClient';

export { StaleRunError, WorkerCrashedError } from './workerClient';

/** The engine worker as the client sees it (a real Worker, a test double or the main-thread stand-in). */
export type WorkerLike = GenericWorkerLike<WorkerRequest, WorkerReply>;

/** The kinds of engine worker to try, in order (module worker, inline worker, main thread). */
export type EngineWorkerKinds = readonly WorkerKind<WorkerRequest, WorkerReply>[];

/** Options of the engine client. */
export type EngineClientOptions = WorkerClientOptions;

/** A typed, self-healing client of the engine worker. */
export class EngineClient {
  private readonly client: WorkerClient<WorkerRequest, WorkerReply>;

  constructor(kinds: EngineWorkerKinds, options: EngineClientOptions = {}) {
    this.client = new WorkerClient(
      fallbackChain(kinds),
      { errorOf: (reply) => (reply.type === 'error' ? reply.message : null) },
      options,
    );
  }

  /** Trajectories of every optimizer of `scene`; rejects with StaleRunError when superseded. */
  async simulate(scene: Scene): Promise<Trajectory[]> {
    const reply = await this.call('simulate', (id) => ({ id, runId: id, type: 'simulate', scene }));
    if (reply.type !== 'simulate') throw new Error('unexpected reply');
    return [...reply.trajectories];
  }

  /** The map's static layers; rejects with StaleRunError when superseded. */
  async surfaceLayer(request: SurfaceLayerRequest): Promise<SurfaceLayer> {
    const reply = await this.call('surface', (id) => ({ id, runId: id, type: 'surface', request }));
    if (reply.type !== 'surface') throw new Error('unexpected reply');
    return reply.layer;
  }

  /** Requests waiting for a reply (for tests and diagnostics). */
  get pendingCount(): number {
    return this.client.pendingCount;
  }

  /** Whether the running worker has answered anything yet (see WorkerClient.hasAnswered). */
  get hasAnswered(): boolean {
    return this.client.hasAnswered;
  }

  /** Level of the fallback chain in use (0 module worker, 1 inline worker, 2 main thread). */
  get level(): number {
    return this.client.level;
  }

  /** The running worker, if any (for the tests' crash and hang hooks). */
  currentWorker(): Promise<WorkerLike | undefined> {
    return this.client.currentWorker();
  }

  /** Changes the watchdog's limit for requests sent from now on (tests shorten it). */
  setTimeoutMs(ms: number): void {
    this.client.setTimeoutMs(ms);
  }

  /** Stops the worker and rejects what is pending. */
  dispose(): void {
    this.client.dispose('the engine was shut down');
  }

  private call(type: RequestType, message: (id: number) => WorkerRequest): Promise<WorkerReply> {
    return this.client.request({ message, key: type, supersede: 'stale' });
  }
}
