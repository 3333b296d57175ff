/**
 * The analysis panels' side of their worker. One client runs one job at a time: a new job
 * supersedes the running one (its promise rejects with {@link AnalysisCancelledError}, which
 * callers ignore) and, since a synchronous analysis cannot read a cancel message, the worker
 * running it is terminated and a fresh one spawned. A worker that errors or cannot read a message
 * is dropped the same way and its job rejected; one that dies before answering anything (a CSP
 * that lets `new Worker` succeed but not run) and a factory that throws switch the client to the
 * main-thread fallback.
 */
import type {
  AnalysisJob,
  AnalysisReply,
  AnalysisRequest,
  AnalysisResults,
  BasinRows,
} from './protocol';

/** The part of `Worker` the client uses, so tests and the fallback can stand in. */
export interface AnalysisWorkerLike {
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** Makes a worker; may throw (the client then uses the fallback). */
export type AnalysisWorkerFactory = () => AnalysisWorkerLike;

/** The job was superseded by a newer one or cancelled. */
export class AnalysisCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AnalysisCancelledError';
  }
}

/** Progress of a running job: runs (or basin rows) done of total, with freshly filled basin rows. */
export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
  readonly rows?: BasinRows;
}

interface Running {
  readonly request: AnalysisRequest;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((progress: AnalysisProgress) => void) | undefined;
}

/** A client of one analysis worker. */
export class AnalysisClient {
  private worker: AnalysisWorkerLike | undefined;
  private running: Running | undefined;
  private nextId = 1;
  private usingFallback = false;
  private answered = false;

  constructor(
    private readonly factory: AnalysisWorkerFactory,
    private readonly fallback: AnalysisWorkerFactory,
  ) {}

  /** Whether jobs run on the main thread because no worker could be started. */
  get inline(): boolean {
    return this.usingFallback;
  }

  /** Whether a job is running. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Runs `job`, superseding any running one; resolves with its result. */
  run<J extends AnalysisJob>(
    job: J,
    onProgress?: (progress: AnalysisProgress) => void,
  ): Promise<AnalysisResults[J['kind']]> {
    this.cancel();
    const id = this.nextId++;
    const request: AnalysisRequest = { id, runId: id, type: 'run', job };
    return new Promise<AnalysisResults[J['kind']]>((resolve, reject) => {
      this.running = {
        request,
        resolve: resolve as (result: unknown) => void,
        reject,
        onProgress,
      };
      this.post(request);
    });
  }

  /** Stops the running job (its promise rejects with AnalysisCancelledError). */
  cancel(): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.drop();
    running.reject(new AnalysisCancelledError());
  }

  /** Stops the worker for good (until the next run). */
  dispose(): void {
    this.cancel();
    this.drop();
  }

  private post(request: AnalysisRequest): void {
    try {
      this.ensureWorker().postMessage(request);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private drop(): void {
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
  }

  private ensureWorker(): AnalysisWorkerLike {
    if (this.worker) return this.worker;
    let worker: AnalysisWorkerLike;
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
      this.fail(typeof detail === 'string' && detail ? detail : 'the analysis worker failed');
    });
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.fail('a message could not be read');
    });
    this.worker = worker;
    this.answered = false;
    return worker;
  }

  private onReply(reply: AnalysisReply): void {
    const running = this.running;
    if (!running || reply.id !== running.request.id) return;
    this.answered = true;
    if (reply.type === 'progress') {
      running.onProgress?.({
        done: reply.done,
        total: reply.total,
        ...(reply.rows ? { rows: reply.rows } : {}),
      });
      return;
    }
    this.running = undefined;
    if (reply.type === 'error') running.reject(new Error(reply.message));
    else running.resolve(reply.result);
  }

  /** The worker failed: drop it; retry on the main thread if it never answered, else reject. */
  private fail(reason: string): void {
    const hadWorker = this.worker !== undefined;
    this.drop();
    const running = this.running;
    if (!running) return;
    if (hadWorker && !this.answered && !this.usingFallback) {
      this.usingFallback = true;
      this.post(running.request);
      return;
    }
    this.running = undefined;
    running.reject(new Error(reason));
  }
}
