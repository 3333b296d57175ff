/**
 * The lab's typed facade over the generic {@link WorkerClient}: one training run per request,
 * latest-wins per slot (a reply of a run a newer request of the same slot superseded rejects
 * with StaleLabRunError, which callers ignore), a 120 s watchdog, and the module → inline →
 * main-thread fallback chain.
 */
import type { TrainSlot } from '../../engine/nn/labConfig';
import {
  CancelledError,
  StaleRunError,
  WorkerClient,
  WorkerCrashedError,
  fallbackChain,
} from '../workerClient';
import type { WorkerKind, WorkerLike } from '../workerClient';
import type {
  LabReply,
  LabRequest,
  LabSnapshot,
  LandscapeRequest,
  LandscapeResult,
  RunRequest,
  SharpnessRequest,
  SharpnessResult,
  TrainingPath,
} from './protocol';

/** The lab worker as the client sees it. */
export type LabWorkerLike = WorkerLike<LabRequest, LabReply>;

/** One kind of lab worker; may throw when it cannot run here (the next kind is tried). */
export type LabWorkerFactory = WorkerKind<LabRequest, LabReply>;

/** A reply for a run that a newer request of the same slot has superseded. */
export const StaleLabRunError = StaleRunError;
/** The worker died, hung or was shut down while the request was pending. */
export const LabWorkerCrashedError = WorkerCrashedError;
/** A landscape superseded by a newer one, or cancelled. */
export const LandscapeCancelledError = CancelledError;

/** Latest-wins key of landscape requests: a new one cancels (terminates) the running one. */
const LANDSCAPE = 'landscape';
/** Latest-wins key of sharpness requests. */
const SHARPNESS = 'sharpness';

/** Options of {@link LabClient}. */
export interface LabClientOptions {
  /** A request pending longer than this kills the worker (default 120 s). */
  readonly timeoutMs?: number;
  /** Told why the worker was restarted. */
  readonly onCrash?: (reason: string) => void;
}

/** A typed, self-healing client of the lab worker. */
export class LabClient {
  private readonly client: WorkerClient<LabRequest, LabReply>;
  private readonly mainThreadLevel: number;

  /** `kinds`: the workers to try in order, the last one the main-thread stand-in. */
  constructor(kinds: readonly LabWorkerFactory[], options: LabClientOptions = {}) {
    this.mainThreadLevel = kinds.length - 1;
    const { onCrash } = options;
    this.client = new WorkerClient(
      fallbackChain(kinds),
      {
        isProgress: (reply) =>
          reply.type === 'landscape-progress' || reply.type === 'sharpness-progress',
        errorOf: (reply) => (reply.type === 'error' ? reply.message : null),
      },
      {
        timeoutMs: options.timeoutMs ?? 120_000,
        ...(onCrash ? { onCrash: (reason: string) => onCrash(reason) } : {}),
      },
    );
  }

  /** Whether requests run on the main thread because no worker could be started. */
  get inline(): boolean {
    return this.client.level >= this.mainThreadLevel;
  }

  /** Requests waiting for a reply. */
  get pendingCount(): number {
    return this.client.pendingCount;
  }

  /** Trains `steps` steps of a slot's configuration (0: just report) and resolves with its snapshot. */
  async run(request: Omit<RunRequest, 'id' | 'runId' | 'type'>): Promise<LabSnapshot> {
    const reply = await this.client.request({
      message: (id) => ({ ...request, id, runId: id, type: 'run' }),
      key: request.slot satisfies TrainSlot,
      supersede: 'stale',
    });
    if (reply.type !== 'snapshot') throw new Error('unexpected reply');
    return reply.snapshot;
  }

  /** The weight path a slot's session kept so far, ending at its current weights. */
  async path(slot: TrainSlot): Promise<TrainingPath> {
    const reply = await this.client.request({
      message: (id) => ({ id, runId: id, type: 'path', slot }),
    });
    if (reply.type !== 'path') throw new Error('unexpected reply');
    return reply.path;
  }

  /**
   * Computes a landscape, telling `onProgress` each partial result (coarse grid first). A newer
   * landscape, or {@link cancelLandscape}, rejects this one with LandscapeCancelledError and
   * terminates the worker running it: give landscapes a client of their own, not the one that
   * holds the training sessions.
   */
  async landscape(
    request: Omit<LandscapeRequest, 'id' | 'runId' | 'type'>,
    onProgress?: (partial: LandscapeResult) => void,
  ): Promise<LandscapeResult> {
    const reply = await this.client.request({
      message: (id) => ({ ...request, id, runId: id, type: 'landscape' }),
      key: LANDSCAPE,
      supersede: 'cancel',
      onProgress: (p) => {
        if (p.type === 'landscape-progress') onProgress?.(p.result);
      },
    });
    if (reply.type !== 'landscape') throw new Error('unexpected reply');
    return reply.result;
  }

  /**
   * λ_max along each path (see SharpnessRequest), telling `onProgress` each partial result; latest
   * wins as for {@link landscape}, with its own key (a sharpness run does not cancel a slice).
   */
  async sharpness(
    request: Omit<SharpnessRequest, 'id' | 'runId' | 'type'>,
    onProgress?: (partial: SharpnessResult) => void,
  ): Promise<SharpnessResult> {
    const reply = await this.client.request({
      message: (id) => ({ ...request, id, runId: id, type: 'sharpness' }),
      key: SHARPNESS,
      supersede: 'cancel',
      onProgress: (p) => {
        if (p.type === 'sharpness-progress') onProgress?.(p.result);
      },
    });
    if (reply.type !== 'sharpness') throw new Error('unexpected reply');
    return reply.result;
  }

  /** Stops the running sharpness request, if any (it rejects with LandscapeCancelledError). */
  cancelSharpness(): void {
    this.client.cancel(SHARPNESS);
  }

  /** Stops the running landscape, if any (its promise rejects with LandscapeCancelledError). */
  cancelLandscape(): void {
    this.client.cancel(LANDSCAPE);
  }

  /** Stops the worker and rejects what is pending. */
  dispose(): void {
    this.client.dispose('the lab was closed');
  }
}
