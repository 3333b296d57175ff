/**
 * Where analyses run: a module worker; where `new Worker(url)` throws (a sandboxed iframe), Vite's
 * inline blob worker; and as the last resort the same handlers on the main thread.
 */
import { AnalysisClient } from './client';
import type { AnalysisWorkerLike } from './client';
import { loadOptimizers } from '../../engine/optimizers';
import { MainThreadWorker } from '../mainThread';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/** Runs {@link handleAnalysisRequest} on the main thread, answering asynchronously like a worker. */
function mainThreadAnalysisWorker(): AnalysisWorkerLike {
  return new MainThreadWorker<AnalysisRequest, AnalysisReply>(async (request, post, signal) => {
    const { handleAnalysisRequest } = await import('./handlers');
    // The lazily loaded optimizer families too: a scene may use any of them.
    await loadOptimizers();
    if (!signal.aborted) handleAnalysisRequest(request, post, signal);
  });
}

function moduleAnalysisWorker(): AnalysisWorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-analysis',
  });
}

async function inlineAnalysisWorker(): Promise<AnalysisWorkerLike> {
  const { default: InlineWorker } = await import('./analysis.worker.ts?worker&inline');
  return new InlineWorker();
}

/** A client for one panel with the fallback chain above. */
export function createAnalysisClient(): AnalysisClient {
  // The classic embed build (embed.html) has no module URL for a worker file: it starts inline.
  if (import.meta.env.VITE_CLASSIC_EMBED) {
    return new AnalysisClient([inlineAnalysisWorker, mainThreadAnalysisWorker]);
  }
  return new AnalysisClient([moduleAnalysisWorker, inlineAnalysisWorker, mainThreadAnalysisWorker]);
}
