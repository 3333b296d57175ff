/// <reference lib="webworker" />
/** The analysis web worker: a thin shell over {@link handleAnalysisRequest}. */
import { loadOptimizers } from '../../engine/optimizers';
import { handleAnalysisRequest, transferablesOf } from './handlers';
import type { AnalysisRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Every optimizer family's arithmetic (inlined in this bundle: vite.config.ts, worker), before
// the first request; requests keep their order (each waits on the same promise).
const ready = loadOptimizers().catch(() => undefined);

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  void ready.then(() =>
    handleAnalysisRequest(event.data, (reply) => scope.postMessage(reply, transferablesOf(reply))),
  );
});
