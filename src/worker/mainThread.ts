/**
 * A worker stand-in that runs a worker's handler on the main thread, for pages where workers
 * cannot start (a sandboxed iframe, a strict CSP). The engine, lab and analysis clients all use
 * it behind their worker interface, so their fallback paths behave alike.
 */

/** Whether the stand-in has been terminated; a streaming handler checks it between replies. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** Handles one request, posting zero or more replies (a streaming handler may post progress). */
export type MainThreadHandler<Request, Reply> = (
  request: Request,
  post: (reply: Reply) => void,
  signal: AbortFlag,
) => Promise<void>;

type Listener<Reply> = (event: MessageEvent<Reply>) => void;

/** Answers asynchronously, like a worker; after `terminate` nothing more is delivered. */
export class MainThreadWorker<Request, Reply> {
  private readonly listeners: Listener<Reply>[] = [];
  private readonly signal = { aborted: false };

  constructor(private readonly handle: MainThreadHandler<Request, Reply>) {}

  postMessage(message: Request): void {
    const post = (reply: Reply): void => {
      if (this.signal.aborted) return;
      const event = new MessageEvent<Reply>('message', { data: reply });
      for (const listener of this.listeners) listener(event);
    };
    // Never answer inside postMessage itself: callers rely on a worker's asynchrony.
    void Promise.resolve().then(() => {
      if (!this.signal.aborted) return this.handle(message, post, this.signal);
    });
  }

  terminate(): void {
    this.signal.aborted = true;
  }

  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: Listener<Reply> | ((event: Event) => void),
  ): void {
    if (type === 'message') this.listeners.push(listener as Listener<Reply>);
  }
}
