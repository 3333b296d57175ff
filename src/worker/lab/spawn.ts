/**
 * Where the lab's work runs: a module worker, or, where `new Worker` throws (a sandboxed iframe),
 * the same handlers on the main thread behind the worker interface.
 */
import { LabClient } from './client';
import type { LabClientOptions, LabWorkerLike } from './client';
import { MainThreadWorker } from '../mainThread';
import type { LabReply, LabRequest } from './protocol';

/** Runs {@link handleLabRequest} on the main thread, answering asynchronously like a worker. */
function inlineLabWorker(): LabWorkerLike {
  return new MainThreadWorker<LabRequest, LabReply>(async (request, post, signal) => {
    const { handleLabRequest } = await import('./handlers');
    if (!signal.aborted) post(handleLabRequest(request));
  });
}

function spawnLabWorker(): LabWorkerLike {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-lab',
  });
}

/** The lab's client: a module worker, falling back to the main thread. */
export function createLabClient(options: LabClientOptions = {}): LabClient {
  return new LabClient(spawnLabWorker, inlineLabWorker, options);
}
