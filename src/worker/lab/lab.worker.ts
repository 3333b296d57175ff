/// <reference lib="webworker" />
/** The lab's web worker: a thin shell over {@link handleLabRequest}; snapshots travel as transferables. */
import '../../engine/optimizers/all';
import { handleLabRequest, transferablesOf } from './handlers';
import type { LabRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<LabRequest>) => {
  const reply = handleLabRequest(event.data);
  scope.postMessage(reply, transferablesOf(reply));
});
