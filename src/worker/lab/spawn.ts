/**
 * Where the lab's work runs: a module worker, or, where `new Worker` throws (a sandboxed iframe),
 * the same handlers on the main thread behind the worker interface.
 */
import { LabClient } from './client';
import type { LabClientOptions, LabWorkerLike } from './client';
import type { LabReply, LabRequest } from './protocol';

type Listener = (event: MessageEvent<LabReply>) => void;

/** Runs {@link handleLabRequest} on the main thread, answering asynchronously like a worker. */
export class InlineLabWorker implements LabWorkerLike {
  private readonly listeners: Listener[] = [];
  private terminated = false;
  private readonly handlers = import('./handlers');

  postMessage(message: LabRequest): void {
    void this.handlers.then(({ handleLabRequest }) => {
      if (this.terminated) return;
      const reply = handleLabRequest(message);
      const event = new MessageEvent<LabReply>('message', { data: reply });
      for (const listener of this.listeners) listener(event);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: Listener | ((event: Event) => void),
  ): void {
    if (type === 'message') this.listeners.push(listener as Listener);
  }
}

function spawnLabWorker(): LabWorkerLike {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-lab',
  });
}

/** The lab's client: a module worker, falling back to the main thread. */
export function createLabClient(options: LabClientOptions = {}): LabClient {
  return new LabClient(spawnLabWorker, () => new InlineLabWorker(), options);
}
