/// <reference lib="webworker" />
/**
 * The lab's web worker: a thin shell over {@link handleLabMessage}; snapshots travel as
 * transferables. The training page and the landscape each run their own instance, so cancelling a
 * landscape (which terminates its worker) never loses a training session.
 */
import '../../engine/optimizers/all';
import { handleLabMessage, transferablesOf } from './handlers';
import type { LabRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<LabRequest>) => {
  void handleLabMessage(event.data, (reply) => scope.postMessage(reply, transferablesOf(reply)));
});
