/**
 * The lab UI's side of its worker: promises resolved or rejected by reply id, replies of a run a
 * newer request of the same slot superseded rejected with {@link StaleLabRunError} (callers ignore
 * it), and a worker that errors, cannot read a message or stays silent past the watchdog terminated,
 * its pending requests rejected and a fresh one spawned on the next call. Where `new Worker` throws
 * (a sandboxed iframe) the same handlers run on the main thread.
 */
import type { LabSlot } from '../../engine/nn/labConfig';
import type { LabReply, LabRequest, LabSnapshot, RunRequest } from './protocol';

/** The part of `Worker` the client uses, so tests and the fallback can stand in. */
export interface LabWorkerLike {
  postMessage(message: LabRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LabReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** Makes a worker; may throw (the client then falls back to `fallback`). */
export type LabWorkerFactory = () => LabWorkerLike;

/** A reply for a run that a newer request of the same slot has superseded. */
export class StaleLabRunError extends Error {
  constructor() {
    super('superseded by a newer run');
    this.name = 'StaleLabRunError';
  }
}

/** The worker died, hung or was shut down while the request was pending. */
export class LabWorkerCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabWorkerCrashedError';
  }
}

interface Pending {
  readonly slot: LabSlot;
  readonly runId: number;
  readonly message: RunRequest;
  readonly resolve: (snapshot: LabSnapshot) => void;
  readonly reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Options of {@link LabClient}. */
export interface LabClientOptions {
  /** A request pending longer than this kills the worker (default 120 s: a 64 × 256 net is slow). */
  readonly timeoutMs?: number;
  /** Told why the worker was restarted. */
  readonly onCrash?: (reason: string) => void;
}

/** A typed, self-healing client of the lab worker. */
export class LabClient {
  private worker: LabWorkerLike | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly latestRun: Record<LabSlot, number> = { a: 0, b: 0 };
  private nextId = 1;
  private readonly timeoutMs: number;
  /** Whether the factory threw or its worker died unheard, so the fallback is used from now on. */
  private usingFallback = false;
  /** Whether the current worker has answered anything yet. */
  private answered = false;

  constructor(
    private readonly factory: LabWorkerFactory,
    private readonly fallback: LabWorkerFactory,
    private readonly options: LabClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  /** Whether requests run on the main thread because no worker could be started. */
  get inline(): boolean {
    return this.usingFallback;
  }

  /** Requests waiting for a reply. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Trains `steps` steps of a slot's configuration (0: just report) and resolves with its snapshot. */
  run(request: Omit<RunRequest, 'id' | 'runId' | 'type'>): Promise<LabSnapshot> {
    const id = this.nextId++;
    const runId = ++this.latestRun[request.slot];
    const message: RunRequest = { ...request, id, runId, type: 'run' };
    return new Promise<LabSnapshot>((resolve, reject) => {
      this.pending.set(id, {
        slot: request.slot,
        runId,
        message,
        resolve,
        reject,
        timer: this.watchdog(),
      });
      this.post(message);
    });
  }

  private watchdog(): ReturnType<typeof setTimeout> {
    return setTimeout(() => this.crash(`no answer within ${this.timeoutMs} ms`), this.timeoutMs);
  }

  private post(message: RunRequest): void {
    try {
      this.ensureWorker().postMessage(message);
    } catch (error) {
      this.crash(error instanceof Error ? error.message : String(error));
    }
  }

  /** Stops the worker and rejects what is pending. */
  dispose(): void {
    this.crash('the lab was closed', false);
  }

  private ensureWorker(): LabWorkerLike {
    if (this.worker) return this.worker;
    let worker: LabWorkerLike;
    if (this.usingFallback) worker = this.fallback();
    else {
      try {
        worker = this.factory();
      } catch {
        this.usingFallback = true;
        worker = this.fallback();
      }
    }
    worker.addEventListener('message', (event) => {
      if (this.worker === worker) this.onReply(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (this.worker !== worker) return;
      event.preventDefault?.();
      const detail = (event as { message?: unknown }).message;
      this.crash(
        typeof detail === 'string' && detail ? detail : 'the lab worker stopped with an error',
      );
    });
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.crash('a message could not be read');
    });
    this.worker = worker;
    this.answered = false;
    return worker;
  }

  private onReply(reply: LabReply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.answered = true;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.runId !== this.latestRun[entry.slot]) entry.reject(new StaleLabRunError());
    else if (reply.type === 'error') entry.reject(new Error(reply.message));
    else entry.resolve(reply.snapshot);
  }

  /**
   * Terminates the worker and rejects everything pending; the next call spawns a fresh one. A
   * module worker that dies before its first answer (a CSP or sandbox that lets `new Worker`
   * succeed but not run) is not retried: its requests go to the main-thread fallback instead.
   */
  private crash(reason: string, report = true): void {
    const dying = this.worker;
    this.worker = undefined;
    dying?.terminate();
    if (report && dying && !this.answered && !this.usingFallback && this.pending.size > 0) {
      this.usingFallback = true;
      for (const entry of this.pending.values()) {
        clearTimeout(entry.timer);
        entry.timer = this.watchdog();
      }
      for (const entry of [...this.pending.values()]) this.post(entry.message);
      return;
    }
    const error = new LabWorkerCrashedError(reason);
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
    if (report && dying) this.options.onCrash?.(reason);
  }
}
