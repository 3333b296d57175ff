/// <reference lib="webworker" />
/**
 * The lab's web worker: a thin shell over {@link handleLabMessage}; snapshots travel as
 * transferables. The training page and the landscape each run their own instance, so cancelling a
 * landscape (which terminates its worker) never loses a training session.
 */
import { loadOptimizers } from '../../engine/optimizers';
import { handleLabMessage, transferablesOf } from './handlers';
import type { LabRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Every optimizer family's arithmetic (inlined in this bundle: vite.config.ts, worker), before
// the first request; requests keep their order (each waits on the same promise).
const ready = loadOptimizers().catch(() => undefined);

scope.addEventListener('message', (event: MessageEvent<LabRequest>) => {
  void ready.then(() =>
    handleLabMessage(event.data, (reply) => scope.postMessage(reply, transferablesOf(reply))),
  );
});
