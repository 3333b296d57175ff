/** The GIF worker: quantising, palette mapping and LZW off the page's thread. */
import { FrameEncoder } from './gifEncode';
import type { GifReply, GifRequest } from './gifProtocol';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

let encoder: FrameEncoder | null = null;
let count = 0;

function reply(message: GifReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = (event: MessageEvent<GifRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'start') {
      encoder = new FrameEncoder(message.reference, message.width, message.height);
      count = 0;
    } else if (message.type === 'frame') {
      if (!encoder) throw new Error('frame before start');
      encoder.add(message.rgba, message.delay);
      reply({ type: 'frame', count: ++count });
    } else {
      if (!encoder) throw new Error('finish before start');
      const bytes = encoder.finish();
      encoder = null;
      reply({ type: 'done', bytes }, [bytes.buffer]);
    }
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
