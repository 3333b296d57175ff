/**
 * Where the engine runs: a module worker; where `new Worker(url)` throws (a sandboxed iframe with
 * origin null), Vite's inline blob worker; and as the last resort the same handlers on the main
 * thread, so an embed still works everywhere.
 */
import { EngineClient } from './client';
import type { EngineClientOptions, WorkerLike } from './client';
import { MainThreadWorker } from './mainThread';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Runs the worker's handlers on the main thread behind the WorkerLike interface. */
function mainThreadWorker(): WorkerLike {
  return new MainThreadWorker<WorkerRequest, WorkerReply>(async (request, post, signal) => {
    const { handleRequest } = await import('./handlers');
    if (!signal.aborted) post(handleRequest(request).reply);
  });
}

function moduleWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-engine',
  });
}

/** A module worker started ahead of the client's first request (see prestartEngineWorker). */
let prestarted: Worker | undefined;
/** Whether the client has asked for its first worker (a prestart after that would be wasted). */
let clientSpawned = false;

/**
 * Starts the engine's module worker now, so that its script is fetched and compiled before the
 * first request needs it; the client's first spawn takes this worker. The entry calls it after
 * the first paint (the first frame is computed on the main thread), so the worker's script is
 * not fetched while the page's own first screen is loading. Does nothing where module workers
 * cannot start (the client then falls back as usual).
 */
export function prestartEngineWorker(): void {
  if (prestarted || clientSpawned) return;
  try {
    prestarted = moduleWorker();
  } catch {
    // Sandboxed or file:// pages forbid worker scripts by URL: the client falls back on its own.
  }
}

async function spawnWorker(level: number): Promise<WorkerLike> {
  clientSpawned = true;
  if (level <= 0) {
    const early = prestarted;
    if (early) {
      prestarted = undefined;
      return early;
    }
    try {
      return moduleWorker();
    } catch {
      // Sandboxed or file:// pages forbid worker scripts by URL; fall through.
    }
  }
  if (level <= 1) {
    try {
      const { default: InlineWorker } = await import('./engine.worker.ts?worker&inline');
      return new InlineWorker();
    } catch {
      // Blob workers can be forbidden too (strict CSP); fall through.
    }
  }
  return mainThreadWorker();
}

/** The app's engine client with the fallback chain above. */
export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  return new EngineClient(spawnWorker, options);
}
