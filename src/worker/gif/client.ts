/**
 * The GIF export's typed facade over the generic {@link WorkerClient}: one encoder session per
 * client (start, frames, finish), a watchdog per message, and the module → inline → main-thread
 * fallback chain. Frames are moved to the worker, not copied.
 */
import { MainThreadWorker } from '../mainThread';
import { WorkerClient, fallbackChain } from '../workerClient';
import type { WorkerKind, WorkerLike } from '../workerClient';
import type { GifSession } from './handlers';
import type { GifReply, GifRequest } from './protocol';

/** The GIF worker as the client sees it. */
export type GifWorkerLike = WorkerLike<GifRequest, GifReply>;

/** Longest wait for one frame or the file before the worker is taken for hung. */
const GIF_WATCHDOG_MS = 30_000;

/** A client of one GIF encoder (one file). */
export class GifClient {
  private readonly client: WorkerClient<GifRequest, GifReply>;

  /** `kinds`: the workers to try in order, the last one the main-thread stand-in. */
  constructor(kinds: readonly WorkerKind<GifRequest, GifReply>[], timeoutMs = GIF_WATCHDOG_MS) {
    this.client = new WorkerClient(
      fallbackChain(kinds),
      { errorOf: (reply) => (reply.type === 'error' ? reply.message : null) },
      { timeoutMs },
    );
  }

  /** Starts the file with the palette of `reference` (RGBA, width × height; copied, not moved). */
  async start(reference: Uint8ClampedArray, width: number, height: number): Promise<void> {
    // Not moved: should this first worker turn out unable to run, the request is sent again.
    await this.client.request({
      message: (id) => ({ id, type: 'start', reference, width, height }),
    });
  }

  /** Adds a frame shown for `delay` ms; resolves once the encoder has taken it. `rgba` is moved. */
  async frame(rgba: Uint8ClampedArray, delay: number): Promise<void> {
    await this.client.request({
      message: (id) => ({ id, type: 'frame', rgba, delay }),
      transfer: () => [rgba.buffer],
    });
  }

  /** The GIF file's bytes. */
  async finish(): Promise<Uint8Array> {
    const reply = await this.client.request({ message: (id) => ({ id, type: 'finish' }) });
    if (reply.type !== 'done') throw new Error('the GIF worker gave no file');
    return reply.bytes;
  }

  /** Stops the worker (rejecting anything pending). */
  close(): void {
    this.client.dispose('the GIF export was closed');
  }
}

function moduleGifWorker(): GifWorkerLike {
  return new Worker(new URL('./gif.worker.ts', import.meta.url), {
    type: 'module',
    name: 'descent-gif',
  });
}

async function inlineGifWorker(): Promise<GifWorkerLike> {
  const { default: InlineWorker } = await import('./gif.worker.ts?worker&inline');
  return new InlineWorker();
}

/** The encoder on the main thread (gifenc in a lazy chunk), answering asynchronously like a worker. */
function mainThreadGifWorker(): GifWorkerLike {
  let session: GifSession | undefined;
  return new MainThreadWorker<GifRequest, GifReply>(async (request, post, signal) => {
    const handlers = await import('./handlers');
    session ??= new handlers.GifSession();
    if (!signal.aborted) post(session.handle(request).reply);
  });
}

/** A GIF client with the fallback chain above. */
export function createGifClient(): GifClient {
  return new GifClient([moduleGifWorker, inlineGifWorker, mainThreadGifWorker]);
}
