/**
 * Where the lab's work runs: a module worker; where `new Worker(url)` throws (a sandboxed iframe),
 * Vite's inline blob worker; and as the last resort the same handlers on the main thread.
 */
import { LabClient } from './client';
import type { LabClientOptions, LabWorkerLike } from './client';
import { loadOptimizers } from '../../engine/optimizers';
import { MainThreadWorker } from '../mainThread';
import type { LabReply, LabRequest } from './protocol';

/** Gives the page a turn between landscape rows when they run on the main thread. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs {@link handleLabMessage} on the main thread, answering asynchronously like a worker. */
function mainThreadLabWorker(): LabWorkerLike {
  return new MainThreadWorker<LabRequest, LabReply>(async (request, post, signal) => {
    const { handleLabMessage } = await import('./handlers');
    // The lazily loaded optimizer families too: a scene may use any of them.
    await loadOptimizers();
    if (!signal.aborted) await handleLabMessage(request, post, signal, yieldToPage);
  });
}

function moduleLabWorker(): LabWorkerLike {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-lab',
  });
}

async function inlineLabWorker(): Promise<LabWorkerLike> {
  const { default: InlineWorker } = await import('./lab.worker.ts?worker&inline');
  return new InlineWorker();
}

/** The lab's client with the fallback chain above. */
export function createLabClient(options: LabClientOptions = {}): LabClient {
  return new LabClient([moduleLabWorker, inlineLabWorker, mainThreadLabWorker], options);
}
