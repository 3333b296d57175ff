/**
 * Where the engine runs: a module worker; where `new Worker(url)` throws (a sandboxed iframe with
 * origin null), Vite's inline blob worker; and as the last resort the same handlers on the main
 * thread, so an embed still works everywhere.
 */
import { EngineClient } from './client';
import type { EngineClientOptions, WorkerLike } from './client';
import { loadOptimizers } from '../engine/optimizers';
import { loadExpressions } from '../engine/surfaces/resolve';
import { MainThreadWorker } from './mainThread';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Runs the worker's handlers on the main thread behind the WorkerLike interface. */
function mainThreadWorker(): WorkerLike {
  return new MainThreadWorker<WorkerRequest, WorkerReply>(async (request, post, signal) => {
    const { handleRequest } = await import('./handlers');
    // The lazily loaded optimizer families and the expression compiler: a scene may use any.
    await Promise.all([loadOptimizers(), loadExpressions()]);
    if (!signal.aborted) post(handleRequest(request).reply);
  });
}

function moduleWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-engine',
  });
}

async function inlineWorker(): Promise<WorkerLike> {
  const { default: InlineWorker } = await import('./engine.worker.ts?worker&inline');
  return new InlineWorker();
}

/** The app's engine client with the fallback chain above. */
export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  // The classic embed build (embed.html) has no module URL to resolve a worker file from: it
  // starts at the inline worker (VITE_CLASSIC_EMBED is set by vite.config.ts for that build only).
  const chain = import.meta.env.VITE_CLASSIC_EMBED
    ? [inlineWorker, mainThreadWorker]
    : [moduleWorker, inlineWorker, mainThreadWorker];
  return new EngineClient(chain, options);
}
