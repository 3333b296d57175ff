// The GIF worker: quantising, palette mapping and LZW off the page's thread; a thin shell over GifSession.
import { GifSession } from './handlers';
import type { GifRequest } from './protocol';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const session = new GifSession();

scope.addEventListener('message', (event: MessageEvent<GifRequest>) => {
  const { reply, transfer } = session.handle(event.data);
  scope.postMessage(reply, transfer);
});
