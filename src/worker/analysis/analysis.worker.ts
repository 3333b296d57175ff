/// <reference lib="webworker" />
/** The analysis web worker: a thin shell over {@link handleAnalysisRequest}. */
import '../../engine/optimizers/all';
import { handleAnalysisRequest, transferablesOf } from './handlers';
import type { AnalysisRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  handleAnalysisRequest(event.data, (reply) => scope.postMessage(reply, transferablesOf(reply)));
});
