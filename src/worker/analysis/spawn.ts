/**
 * Where analyses run: a module worker, or, where `new Worker` throws (a sandboxed iframe), the same
 * handlers on the main thread behind the worker interface.
 */
import { AnalysisClient } from './client';
import type { AnalysisWorkerLike } from './client';
import type { AnalysisReply, AnalysisRequest } from './protocol';

type Listener = (event: MessageEvent<AnalysisReply>) => void;

/** Runs {@link handleAnalysisRequest} on the main thread, answering asynchronously like a worker. */
export class InlineAnalysisWorker implements AnalysisWorkerLike {
  private readonly listeners: Listener[] = [];
  private readonly signal = { aborted: false };
  private readonly handlers = import('./handlers');

  postMessage(message: AnalysisRequest): void {
    void this.handlers.then(({ handleAnalysisRequest }) => {
      if (this.signal.aborted) return;
      handleAnalysisRequest(
        message,
        (reply) => {
          if (this.signal.aborted) return;
          const event = new MessageEvent<AnalysisReply>('message', { data: reply });
          for (const listener of this.listeners) listener(event);
        },
        this.signal,
      );
    });
  }

  terminate(): void {
    this.signal.aborted = true;
  }

  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: Listener | ((event: Event) => void),
  ): void {
    if (type === 'message') this.listeners.push(listener as Listener);
  }
}

function spawnAnalysisWorker(): AnalysisWorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-analysis',
  });
}

/** A client for one panel: a module worker, falling back to the main thread. */
export function createAnalysisClient(): AnalysisClient {
  return new AnalysisClient(spawnAnalysisWorker, () => new InlineAnalysisWorker());
}
