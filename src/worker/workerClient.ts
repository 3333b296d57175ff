/**
 * The one client every worker of the app goes through (engine, lab, analysis, GIF): requests
 * matched to replies by id, latest-wins per key, a progress stream, cancel by terminate, a
 * watchdog that kills a hung worker, every pending request rejected when a worker dies (and a
 * fresh one spawned on the next call), and a fallback chain module worker → inline blob worker
 * → main thread for pages where a kind of worker cannot run. Each worker has a thin typed facade
 * over it (EngineClient, LabClient, AnalysisClient, GifClient).
 *
 * Hand-written on purpose: comlink (the usual library) never rejects pending calls when a worker
 * dies or hangs, which is exactly the failure this client exists to turn into an answer.
 */

/** What every request and reply carries: `id` matches a reply to its request. */
export interface Envelope {
  readonly id: number;
}

/** The part of `Worker` the client uses, so tests and the main-thread stand-in can take its place. */
export interface WorkerLike<Request, Reply> {
  postMessage(message: Request, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Reply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** A worker the factory made, and the level of the fallback chain it belongs to. */
export interface Spawned<Request, Reply> {
  readonly worker: WorkerLike<Request, Reply>;
  readonly level: number;
}

/**
 * Makes a worker of level `level` or, when that kind cannot be made here, of the next level that
 * can. The client asks for the next level after a worker died before answering anything.
 */
export type SpawnFactory<Request, Reply> = (
  level: number,
) => Spawned<Request, Reply> | Promise<Spawned<Request, Reply>>;

/** One kind of worker in a fallback chain; `create` may throw (or reject) when it cannot run here. */
export type WorkerKind<Request, Reply> = () =>
  WorkerLike<Request, Reply> | Promise<WorkerLike<Request, Reply>>;

/**
 * A factory over kinds of worker tried in order from the level asked for: typically a module
 * worker, Vite's inline blob worker (where `new Worker(url)` throws: a sandboxed iframe with
 * origin null, a file:// page) and the same handlers on the main thread. The last kind should not
 * throw; if every kind throws, the last error is thrown.
 */
export function fallbackChain<Request, Reply>(
  kinds: readonly WorkerKind<Request, Reply>[],
): SpawnFactory<Request, Reply> {
  return async (level) => {
    let lastError: unknown = new Error('no kind of worker');
    for (let l = Math.min(level, kinds.length - 1); l < kinds.length; l++) {
      try {
        return { worker: await kinds[l]!(), level: l };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  };
}

/** A reply arrived for a request that a newer one of the same key has superseded. */
export class StaleRunError extends Error {
  constructor() {
    super('superseded by a newer run');
    this.name = 'StaleRunError';
  }
}

/** The request was cancelled, or superseded under the 'cancel' policy. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** The worker died, hung past the watchdog or was shut down while the request was pending. */
export class WorkerCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashedError';
  }
}

/** How a facade reads its replies. */
export interface ReplyReader<Reply> {
  /** A reply that reports progress: the request stays pending and its watchdog restarts. */
  isProgress?(reply: Reply): boolean;
  /** The message of an error reply, or null when the reply is not one. */
  errorOf(reply: Reply): string | null;
}

/** Options of a {@link WorkerClient}. */
export interface WorkerClientOptions {
  /** A request silent for longer than this (no reply, no progress) kills the worker; default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Told why a worker was replaced. `fallback` is true when it died before ever answering, so
   * the pending requests were sent once more to a worker of the next kind (not rejected). A
   * watchdog timeout always comes with `fallback` false: its requests are rejected (a request
   * that hangs a worker would hang the next one too), so the caller has to ask again.
   */
  readonly onCrash?: (reason: string, fallback: boolean) => void;
}

/** One request as a facade hands it over. */
export interface RequestOptions<Request, Reply> {
  /** Builds the message from the client's id. */
  readonly message: (id: number) => Request;
  /**
   * Buffers to move rather than copy. A request whose buffers moved cannot be sent again, so a
   * fallback rejects it instead of re-sending it.
   */
  readonly transfer?: (message: Request) => Transferable[];
  /**
   * Latest-wins group: a newer request of the same key supersedes this one. Under 'stale' the
   * worker finishes it and its reply rejects with StaleRunError; under 'cancel' it rejects at once
   * with CancelledError and the worker running it is terminated (a synchronous job cannot read a
   * cancel message).
   */
  readonly key?: string;
  readonly supersede?: 'stale' | 'cancel';
  /** Told each progress reply. */
  readonly onProgress?: (reply: Reply) => void;
}

interface Pending<Request, Reply> {
  readonly message: Request;
  readonly key: string | undefined;
  readonly run: number;
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((reply: Reply) => void) | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Sent again after a fallback already: a second death rejects it. */
  resent: boolean;
  /** Its buffers were moved to a worker, so it cannot be sent again. */
  transferred: boolean;
}

/** A typed, self-healing client of one worker (see the file comment). */
/** How the watchdog's crash reason begins ("no answer within 120000 ms"). */
const WATCHDOG_REASON = 'no answer within';

/** Whether a crash reason is the watchdog's (a hung worker), not a worker that died. */
export function isWatchdogReason(reason: string): boolean {
  return reason.startsWith(WATCHDOG_REASON);
}

export class WorkerClient<Request extends Envelope, Reply extends Envelope> {
  private worker: Promise<Spawned<Request, Reply>> | undefined;
  /** The worker `worker` resolved to, once it has (and while it is the current one). */
  private running: Spawned<Request, Reply> | undefined;
  /** Sends waiting on `worker` to resolve: a send posted at once must not overtake them. */
  private deferredSends = 0;
  private readonly pending = new Map<number, Pending<Request, Reply>>();
  private readonly latest = new Map<string, number>();
  private nextId = 1;
  private levelWanted = 0;
  private levelRunning = -1;
  private answered = false;
  private timeoutMs: number;

  constructor(
    private readonly spawn: SpawnFactory<Request, Reply>,
    private readonly reader: ReplyReader<Reply>,
    private readonly options: WorkerClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Sends a request; resolves with its final reply (see {@link RequestOptions} for the rejections). */
  request(options: RequestOptions<Request, Reply>): Promise<Reply> {
    const { key } = options;
    if (key !== undefined && options.supersede === 'cancel') this.cancel(key);
    const id = this.nextId++;
    const run = key === undefined ? 0 : (this.latest.get(key) ?? 0) + 1;
    if (key !== undefined) this.latest.set(key, run);
    const message = options.message(id);
    return new Promise<Reply>((resolve, reject) => {
      const entry: Pending<Request, Reply> = {
        message,
        key,
        run,
        resolve,
        reject,
        onProgress: options.onProgress,
        timer: undefined,
        resent: false,
        transferred: false,
      };
      this.pending.set(id, entry);
      this.arm(entry);
      this.send(id, entry, options.transfer?.(message) ?? []);
    });
  }

  /**
   * Rejects the pending requests of `key` with CancelledError and terminates the worker (a
   * synchronous job cannot be interrupted otherwise); other pending requests go to a fresh worker.
   */
  cancel(key: string): void {
    const cancelled = [...this.pending].filter(([, e]) => e.key === key);
    if (cancelled.length === 0) return;
    for (const [id, entry] of cancelled) this.settle(id, entry).reject(new CancelledError());
    this.replaceWorker();
    for (const [id, entry] of [...this.pending]) {
      if (entry.transferred)
        this.settle(id, entry).reject(new WorkerCrashedError('cancelled beside'));
      else this.send(id, entry, []);
    }
  }

  /** Stops the worker and rejects everything pending with WorkerCrashedError(`reason`). */
  dispose(reason = 'shut down'): void {
    this.crash(reason, false);
  }

  /**
   * Whether the running worker has answered anything yet. Until it has, a crash is taken for a
   * kind of worker this page cannot run and handled as a silent fallback (see crash()).
   */
  get hasAnswered(): boolean {
    return this.answered;
  }

  /** Requests waiting for a reply. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Level of the fallback chain in use (0 module worker, 1 inline worker, 2 main thread). */
  get level(): number {
    return Math.max(this.levelRunning, this.levelWanted);
  }

  /** The running worker, if any (the tests' crash and hang hooks reach it). */
  async currentWorker(): Promise<WorkerLike<Request, Reply> | undefined> {
    return this.worker?.then(
      (s) => s.worker,
      () => undefined,
    );
  }

  /** The watchdog's limit for requests armed from now on (tests shorten it). */
  setTimeoutMs(ms: number): void {
    this.timeoutMs = ms;
  }

  private arm(entry: Pending<Request, Reply>): void {
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    if (!Number.isFinite(this.timeoutMs)) return;
    entry.timer = setTimeout(
      () => this.crash(`${WATCHDOG_REASON} ${this.timeoutMs} ms`, true, true),
      this.timeoutMs,
    );
  }

  /** Removes a request from the pending set and stops its watchdog; returns it to settle. */
  private settle(id: number, entry: Pending<Request, Reply>): Pending<Request, Reply> {
    this.pending.delete(id);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    return entry;
  }

  private send(id: number, entry: Pending<Request, Reply>, transfer: Transferable[]): void {
    if (transfer.length > 0) entry.transferred = true;
    // A running worker is sent the request at once, within the caller's task. Waiting for a
    // promise would post it only after the caller's task: when a surface pick asks from inside
    // React's event handler, after the whole page has re-rendered (6–40 ms on a surface change).
    if (this.running !== undefined && this.deferredSends === 0) {
      this.post(id, entry, this.running.worker, transfer);
      return;
    }
    const spawned = this.ensureWorker();
    this.deferredSends++;
    spawned.then(
      ({ worker }) => {
        this.deferredSends--;
        if (this.pending.get(id) !== entry || this.worker !== spawned) return;
        this.post(id, entry, worker, transfer);
      },
      (error: unknown) => {
        this.deferredSends--;
        if (this.worker === spawned)
          this.crash(error instanceof Error ? error.message : String(error));
      },
    );
  }

  private post(
    id: number,
    entry: Pending<Request, Reply>,
    worker: WorkerLike<Request, Reply>,
    transfer: Transferable[],
  ): void {
    try {
      worker.postMessage(entry.message, transfer);
    } catch (error) {
      // An uncloneable message fails this request only.
      this.settle(id, entry).reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private ensureWorker(): Promise<Spawned<Request, Reply>> {
    if (this.worker) return this.worker;
    const spawned: Promise<Spawned<Request, Reply>> = Promise.resolve(
      this.spawn(this.levelWanted),
    ).then((s) => {
      const current = (): boolean => this.worker === spawned;
      s.worker.addEventListener('message', (event) => {
        if (current()) this.onReply(event.data);
      });
      s.worker.addEventListener('error', (event) => {
        if (!current()) return;
        event.preventDefault?.();
        const detail = (event as { message?: unknown }).message;
        this.crash(
          typeof detail === 'string' && detail ? detail : 'the worker stopped with an error',
        );
      });
      s.worker.addEventListener('messageerror', () => {
        if (current()) this.crash('a message could not be read');
      });
      if (current()) {
        this.levelRunning = s.level;
        this.running = s;
      }
      return s;
    });
    this.worker = spawned;
    this.answered = false;
    return spawned;
  }

  private onReply(reply: Reply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.answered = true;
    if (this.reader.isProgress?.(reply)) {
      this.arm(entry);
      entry.onProgress?.(reply);
      return;
    }
    this.settle(reply.id, entry);
    const error = this.reader.errorOf(reply);
    if (entry.key !== undefined && entry.run !== this.latest.get(entry.key))
      entry.reject(new StaleRunError());
    else if (error !== null) entry.reject(new Error(error));
    else entry.resolve(reply);
  }

  /** Drops the current worker (terminated); the next send spawns a fresh one. */
  private replaceWorker(): Promise<Spawned<Request, Reply>> | undefined {
    const dying = this.worker;
    this.worker = undefined;
    this.running = undefined;
    dying?.then(
      (s) => s.worker.terminate(),
      () => undefined,
    );
    return dying;
  }

  /**
   * The worker died or hung. One that never answered anything (a CSP or sandbox that lets
   * `new Worker` succeed but not run) is a kind this page cannot use: the next worker is of the
   * next level and the pending requests are sent to it once more, unless it was the watchdog (a
   * request that hangs a worker would hang the next one too). Otherwise every pending request is
   * rejected with WorkerCrashedError and the next call spawns a fresh worker of the same kind.
   */
  private crash(reason: string, report = true, hung = false): void {
    const dying = this.replaceWorker();
    const fallback = report && dying !== undefined && !this.answered;
    if (fallback) this.levelWanted = Math.max(this.levelWanted, this.levelRunning) + 1;
    const error = new WorkerCrashedError(reason);
    for (const [id, entry] of [...this.pending]) {
      if (fallback && !hung && !entry.resent && !entry.transferred) {
        entry.resent = true;
        this.arm(entry);
        this.send(id, entry, []);
      } else this.settle(id, entry).reject(error);
    }
    // A hang is told as a crash even from a worker that never answered (one killed while its
    // script was still loading): its requests were rejected, not re-sent, so the caller must
    // report it and ask again. Told as a fallback, nobody would (the engine ignores fallbacks).
    if (report && dying) this.options.onCrash?.(reason, fallback && !hung);
  }
}
