/**
 * The analysis panels' typed facade over the generic {@link WorkerClient}. One client runs one job
 * at a time: a new job supersedes the running one (its promise rejects with
 * AnalysisCancelledError, which callers ignore) and, since a synchronous analysis cannot read a
 * cancel message, the worker running it is terminated and a fresh one spawned. Progress messages
 * stream to the caller and keep the watchdog quiet; the module → inline → main-thread fallback
 * chain is the generic client's.
 */
import { CancelledError, WorkerClient, fallbackChain } from '../workerClient';
import type { WorkerKind, WorkerLike } from '../workerClient';
import type {
  AnalysisJob,
  AnalysisReply,
  AnalysisRequest,
  AnalysisResults,
  BasinRows,
} from './protocol';

/** The analysis worker as the client sees it. */
export type AnalysisWorkerLike = WorkerLike<AnalysisRequest, AnalysisReply>;

/** One kind of analysis worker; may throw when it cannot run here (the next kind is tried). */
export type AnalysisWorkerFactory = WorkerKind<AnalysisRequest, AnalysisReply>;

/** The job was superseded by a newer one or cancelled. */
export const AnalysisCancelledError = CancelledError;

/** Progress of a running job: runs (or basin rows) done of total, with freshly filled basin rows. */
export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
  readonly rows?: BasinRows;
}

/** Silence (no progress, no result) after which a job's worker is taken for hung. */
const ANALYSIS_WATCHDOG_MS = 60_000;
const JOB = 'job';

/** A client of one analysis worker. */
export class AnalysisClient {
  private readonly client: WorkerClient<AnalysisRequest, AnalysisReply>;
  private readonly mainThreadLevel: number;
  private running = 0;

  /** `kinds`: the workers to try in order, the last one the main-thread stand-in. */
  constructor(kinds: readonly AnalysisWorkerFactory[], timeoutMs = ANALYSIS_WATCHDOG_MS) {
    this.mainThreadLevel = kinds.length - 1;
    this.client = new WorkerClient(
      fallbackChain(kinds),
      {
        isProgress: (reply) => reply.type === 'progress',
        errorOf: (reply) => (reply.type === 'error' ? reply.message : null),
      },
      { timeoutMs },
    );
  }

  /** Whether jobs run on the main thread because no worker could be started. */
  get inline(): boolean {
    return this.client.level >= this.mainThreadLevel;
  }

  /** Whether a job is running. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Runs `job`, superseding any running one; resolves with its result. */
  async run<J extends AnalysisJob>(
    job: J,
    onProgress?: (progress: AnalysisProgress) => void,
  ): Promise<AnalysisResults[J['kind']]> {
    this.running++;
    try {
      const reply = await this.client.request({
        message: (id): AnalysisRequest => ({ id, runId: id, type: 'run', job }),
        key: JOB,
        supersede: 'cancel',
        onProgress: (p) => {
          if (p.type !== 'progress') return;
          onProgress?.({ done: p.done, total: p.total, ...(p.rows ? { rows: p.rows } : {}) });
        },
      });
      if (reply.type !== 'result') throw new Error('unexpected reply');
      return reply.result as AnalysisResults[J['kind']];
    } finally {
      this.running--;
    }
  }

  /** Stops the running job (its promise rejects with AnalysisCancelledError). */
  cancel(): void {
    this.client.cancel(JOB);
  }

  /** Stops the worker for good (until the next run). */
  dispose(): void {
    this.cancel();
    this.client.dispose('the analysis panel was closed');
  }
}
