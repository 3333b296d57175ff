/**
 * A worker double for the worker clients' tests: records what it is sent, delivers the events the
 * test emits, and can be terminated. One class for the engine, lab, analysis and generic clients'
 * tests (each had its own copy).
 */
import type { WorkerLike } from '../workerClient';

type Listener = (event: never) => void;

export class FakeWorker<Request, Reply> implements WorkerLike<Request, Reply> {
  readonly received: Request[] = [];
  terminated = false;
  private readonly listeners: Record<string, Listener[]> = {};

  /** `onPost` runs after each message is recorded (e.g. to answer it at once). */
  constructor(
    private readonly onPost?: (message: Request, worker: FakeWorker<Request, Reply>) => void,
  ) {}

  postMessage(message: Request): void {
    this.received.push(message);
    this.onPost?.(message, this);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] ??= []).push(listener);
  }
  /** Delivers `event` to the listeners of `type`, as the browser would. */
  emit(type: 'message' | 'error' | 'messageerror', event: unknown): void {
    for (const l of this.listeners[type] ?? []) l(event as never);
  }
  /** Delivers a reply, as the worker's `postMessage` would. */
  reply(reply: Reply): void {
    this.emit('message', { data: reply });
  }
  /** The worker dies (an uncaught error or a failed script load). */
  fail(message = 'worker failed'): void {
    this.emit('error', { message, preventDefault: () => undefined });
  }
}
