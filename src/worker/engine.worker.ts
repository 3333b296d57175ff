// The engine worker: a thin shell over the pure handlers.
import { loadOptimizers } from '../engine/optimizers';
import '../engine/surfaces/expressions';
import { handleRequest } from './handlers';
import type { WorkerRequest } from './protocol';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

// Every optimizer family's arithmetic (inlined in this bundle: vite.config.ts, worker), before
// the first request; requests keep their order (each waits on the same promise).
const ready = loadOptimizers().catch(() => undefined);

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void ready.then(() => {
    const { reply, transfer } = handleRequest(event.data);
    scope.postMessage(reply, transfer);
  });
});
