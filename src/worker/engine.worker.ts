// The engine worker: a thin shell over the pure handlers.
import '../engine/optimizers/all';
import '../engine/surfaces/expressions';
import { handleRequest } from './handlers';
import type { WorkerRequest } from './protocol';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { reply, transfer } = handleRequest(event.data);
  scope.postMessage(reply, transfer);
});
