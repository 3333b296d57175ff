/**
 * The GIF encoder's side of the protocol as a plain object: the worker file and the main-thread
 * stand-in both hold one session and pass it every request.
 */
import { FrameEncoder } from './encode';
import type { GifReply, GifRequest } from './protocol';

/** One GIF being encoded: `start`, then frames, then `finish`. */
export class GifSession {
  private encoder: FrameEncoder | null = null;
  private count = 0;

  /** Answers one request; `transfer` lists the buffers to move. Never throws. */
  handle(request: GifRequest): { reply: GifReply; transfer: Transferable[] } {
    const { id } = request;
    try {
      if (request.type === 'start') {
        this.encoder = new FrameEncoder(request.reference, request.width, request.height);
        this.count = 0;
        return { reply: { id, type: 'ready' }, transfer: [] };
      }
      if (!this.encoder) throw new Error(`${request.type} before start`);
      if (request.type === 'frame') {
        this.encoder.add(request.rgba, request.delay);
        return { reply: { id, type: 'frame', count: ++this.count }, transfer: [] };
      }
      const bytes = this.encoder.finish();
      this.encoder = null;
      return { reply: { id, type: 'done', bytes }, transfer: [bytes.buffer] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { reply: { id, type: 'error', message }, transfer: [] };
    }
  }
}
