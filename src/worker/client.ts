/**
 * The UI's side of the worker protocol: promises resolved or rejected by reply id, a watchdog that
 * terminates a dead or hung worker, rejects everything pending and spawns a fresh one, and stale
 * replies (a newer run of the same kind was started) rejected with `StaleRunError` for callers to ignore.
 */
import type { Scene, Trajectory } from '../engine/types';
import type {
  RequestType,
  SurfaceLayer,
  SurfaceLayerRequest,
  WorkerReply,
  WorkerRequest,
} from './protocol';

/** The part of `Worker` the client uses, so tests and the main-thread fallback can stand in. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/**
 * Makes a worker. `level` counts workers that died before ever answering, so a factory can fall
 * back (module worker → inline worker → main thread) when a kind of worker cannot run here.
 */
export type WorkerFactory = (level: number) => WorkerLike | Promise<WorkerLike>;

/** A reply arrived for a run that a newer request of the same kind has superseded. */
export class StaleRunError extends Error {
  constructor() {
    super('superseded by a newer run');
    this.name = 'StaleRunError';
  }
}

/** The worker died, hung past the watchdog or was replaced while the request was pending. */
export class WorkerCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashedError';
  }
}

/** Options of the engine client. */
export interface EngineClientOptions {
  /** A request pending longer than this kills the worker. */
  readonly timeoutMs?: number;
  /**
   * Told (once per crash) why the worker was restarted. `fallback` is true when the worker died
   * before ever answering, so the next one is of the next kind (module → inline → main thread).
   */
  readonly onCrash?: (reason: string, fallback: boolean) => void;
}

interface Pending {
  readonly type: RequestType;
  readonly runId: number;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** A typed, self-healing client of the engine worker. */
export class EngineClient {
  private worker: Promise<WorkerLike> | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly latestRun: Record<RequestType, number> = { simulate: 0, surface: 0 };
  private nextId = 1;
  private level = 0;
  private answered = false;
  private timeoutMs: number;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly options: EngineClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Trajectories of every optimizer of `scene`; rejects with StaleRunError when superseded. */
  async simulate(scene: Scene): Promise<Trajectory[]> {
    const reply = await this.call('simulate', (id, runId) => ({
      id,
      runId,
      type: 'simulate',
      scene,
    }));
    if (reply.type !== 'simulate') throw new Error('unexpected reply');
    return [...reply.trajectories];
  }

  /** The map's static layers; rejects with StaleRunError when superseded. */
  async surfaceLayer(request: SurfaceLayerRequest): Promise<SurfaceLayer> {
    const reply = await this.call('surface', (id, runId) => ({
      id,
      runId,
      type: 'surface',
      request,
    }));
    if (reply.type !== 'surface') throw new Error('unexpected reply');
    return reply.layer;
  }

  /** Requests waiting for a reply (for tests and diagnostics). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** The running worker, if any (for the tests' crash and hang hooks). */
  currentWorker(): Promise<WorkerLike> | undefined {
    return this.worker;
  }

  /** Changes the watchdog's limit for requests sent from now on (tests shorten it). */
  setTimeoutMs(ms: number): void {
    this.timeoutMs = ms;
  }

  /** Stops the worker and rejects what is pending. */
  dispose(): void {
    this.crash('the engine was shut down', false);
  }

  private call(
    type: RequestType,
    build: (id: number, runId: number) => WorkerRequest,
  ): Promise<WorkerReply> {
    const id = this.nextId++;
    const runId = ++this.latestRun[type];
    const message = build(id, runId);
    const workerPromise = this.ensureWorker();
    return new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(
        () => this.crash(`no answer within ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      this.pending.set(id, { type, runId, resolve, reject, timer });
      workerPromise.then(
        (worker) => {
          if (this.pending.has(id)) worker.postMessage(message);
        },
        (error: unknown) => this.crash(error instanceof Error ? error.message : String(error)),
      );
    });
  }

  private ensureWorker(): Promise<WorkerLike> {
    if (this.worker) return this.worker;
    const spawned = Promise.resolve(this.factory(this.level)).then((worker) => {
      worker.addEventListener('message', (event) => {
        if (this.worker === spawned) this.onReply(event.data);
      });
      worker.addEventListener('error', (event) => {
        if (this.worker !== spawned) return;
        event.preventDefault?.();
        const detail = (event as { message?: unknown }).message;
        const message =
          typeof detail === 'string' && detail ? detail : 'the worker stopped with an error';
        this.crash(message);
      });
      worker.addEventListener('messageerror', () => {
        if (this.worker === spawned) this.crash('a message could not be read');
      });
      return worker;
    });
    this.worker = spawned;
    this.answered = false;
    return spawned;
  }

  private onReply(reply: WorkerReply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.answered = true;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.runId !== this.latestRun[entry.type]) entry.reject(new StaleRunError());
    else if (reply.type === 'error') entry.reject(new Error(reply.message));
    else entry.resolve(reply);
  }

  /** Kills the current worker, rejects every pending request; the next call spawns a fresh worker. */
  private crash(reason: string, report = true): void {
    const dying = this.worker;
    this.worker = undefined;
    const fallback = !this.answered && dying !== undefined;
    if (fallback) this.level++;
    dying?.then(
      (w) => w.terminate(),
      () => undefined,
    );
    const error = new WorkerCrashedError(reason);
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
    if (report && dying) this.options.onCrash?.(reason, fallback);
  }
}
