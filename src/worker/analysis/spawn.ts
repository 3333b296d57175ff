/**
 * Where analyses run: a module worker, or, where `new Worker` throws (a sandboxed iframe), the same
 * handlers on the main thread behind the worker interface.
 */
import { AnalysisClient } from './client';
import type { AnalysisWorkerLike } from './client';
import { MainThreadWorker } from '../mainThread';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/** Runs {@link handleAnalysisRequest} on the main thread, answering asynchronously like a worker. */
function inlineAnalysisWorker(): AnalysisWorkerLike {
  return new MainThreadWorker<AnalysisRequest, AnalysisReply>(async (request, post, signal) => {
    const { handleAnalysisRequest } = await import('./handlers');
    if (!signal.aborted) handleAnalysisRequest(request, post, signal);
  });
}

function spawnAnalysisWorker(): AnalysisWorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-analysis',
  });
}

/** A client for one panel: a module worker, falling back to the main thread. */
export function createAnalysisClient(): AnalysisClient {
  // The classic embed build (embed.html) has no module URL for a worker file: main thread only.
  if (import.meta.env.VITE_CLASSIC_EMBED) {
    return new AnalysisClient(inlineAnalysisWorker, inlineAnalysisWorker);
  }
  return new AnalysisClient(spawnAnalysisWorker, inlineAnalysisWorker);
}
