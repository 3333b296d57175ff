import { afterEach, describe, expect, it, vi } from 'vitest';
import { MainThreadWorker } from './mainThread';
import {
  CancelledError,
  StaleRunError,
  WorkerClient,
  WorkerCrashedError,
  fallbackChain,
} from './workerClient';
import type { WorkerKind } from './workerClient';
import { FakeWorker } from './testing/fakeWorker';

interface Req {
  readonly id: number;
  readonly n: number;
}
type Rep =
  | { readonly id: number; readonly type: 'done'; readonly value: number }
  | { readonly id: number; readonly type: 'progress'; readonly done: number }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/** A worker double whose `square(i)` answers request i with n². */
class SquaringWorker extends FakeWorker<Req, Rep> {
  square(index: number): void {
    const r = this.received[index]!;
    this.reply({ id: r.id, type: 'done', value: r.n * r.n });
  }
}

const reader = {
  isProgress: (r: Rep) => r.type === 'progress',
  errorOf: (r: Rep) => (r.type === 'error' ? r.message : null),
};

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A client over fake workers of three kinds; `workers` lists them in spawn order with their level. */
function setup(timeoutMs = 1000) {
  const workers: SquaringWorker[] = [];
  const levels: number[] = [];
  const crashes: string[] = [];
  const kind =
    (level: number): WorkerKind<Req, Rep> =>
    () => {
      const w = new SquaringWorker();
      workers.push(w);
      levels.push(level);
      return w;
    };
  const client = new WorkerClient<Req, Rep>(fallbackChain([kind(0), kind(1), kind(2)]), reader, {
    timeoutMs,
    onCrash: (reason, fallback) => crashes.push(fallback ? `fallback: ${reason}` : reason),
  });
  const ask = (n: number, key?: string, supersede?: 'stale' | 'cancel') =>
    client.request({
      message: (id) => ({ id, n }),
      ...(key !== undefined ? { key } : {}),
      ...(supersede ? { supersede } : {}),
    });
  return { client, workers, levels, crashes, ask };
}

/** Warms the client up so its worker has answered once (crashes are then not fallbacks). */
async function warm(s: ReturnType<typeof setup>): Promise<void> {
  const p = s.ask(0);
  await flush();
  s.workers.at(-1)!.square(s.workers.at(-1)!.received.length - 1);
  await p;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('generic worker client', () => {
  it('matches replies to requests by id, whatever order they come in', async () => {
    const s = setup();
    const a = s.ask(2);
    const b = s.ask(3);
    await flush();
    const w = s.workers[0]!;
    expect(w.received.map((r) => r.n)).toEqual([2, 3]);
    w.square(1);
    w.square(0);
    expect(await a).toMatchObject({ value: 4 });
    expect(await b).toMatchObject({ value: 9 });
    expect(s.client.pendingCount).toBe(0);
  });

  it("a running worker is sent a request within the caller's task, not after it", async () => {
    const s = setup();
    await warm(s);
    const w = s.workers[0]!;
    const before = w.received.length;
    // A surface pick asks from inside React's event handler: the worker must start at once,
    // not after the page's re-render that follows in the same task.
    const a = s.ask(4);
    const b = s.ask(5);
    expect(w.received.slice(before).map((r) => r.n)).toEqual([4, 5]);
    w.square(before + 1);
    w.square(before);
    expect(await a).toMatchObject({ value: 16 });
    expect(await b).toMatchObject({ value: 25 });
  });

  it('latest wins per key: a superseded reply rejects as stale, other keys are untouched', async () => {
    const s = setup();
    const old = s.ask(1, 'simulate');
    const other = s.ask(5, 'surface');
    const latest = s.ask(2, 'simulate');
    await flush();
    const w = s.workers[0]!;
    w.square(0);
    w.square(1);
    w.square(2);
    await expect(old).rejects.toBeInstanceOf(StaleRunError);
    await expect(other).resolves.toMatchObject({ value: 25 });
    await expect(latest).resolves.toMatchObject({ value: 4 });
  });

  it('streams progress before the final reply', async () => {
    const s = setup();
    const seen: number[] = [];
    const p = s.client.request({
      message: (id) => ({ id, n: 4 }),
      onProgress: (r) => seen.push(r.type === 'progress' ? r.done : -1),
    });
    await flush();
    const id = s.workers[0]!.received[0]!.id;
    s.workers[0]!.reply({ id, type: 'progress', done: 1 });
    s.workers[0]!.reply({ id, type: 'progress', done: 2 });
    s.workers[0]!.reply({ id, type: 'done', value: 16 });
    await expect(p).resolves.toMatchObject({ value: 16 });
    expect(seen).toEqual([1, 2]);
  });

  it('an error reply rejects with its message', async () => {
    const s = setup();
    const p = s.ask(1);
    await flush();
    s.workers[0]!.reply({ id: s.workers[0]!.received[0]!.id, type: 'error', message: 'bad lr' });
    await expect(p).rejects.toThrow('bad lr');
  });

  it('a crashed worker rejects every pending request and a fresh one of the same kind serves the next', async () => {
    const s = setup();
    await warm(s);
    const a = s.ask(1, 'simulate');
    const b = s.ask(2, 'surface');
    const c = s.ask(3);
    await flush();
    s.workers[0]!.emit('error', { message: 'out of memory', preventDefault: () => undefined });
    for (const p of [a, b, c]) await expect(p).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(a).rejects.toThrow('out of memory');
    expect(s.workers[0]!.terminated).toBe(true);
    expect(s.crashes).toEqual(['out of memory']);
    expect(s.client.pendingCount).toBe(0);

    const d = s.ask(4);
    await flush();
    expect(s.levels).toEqual([0, 0]);
    s.workers[1]!.square(0);
    await expect(d).resolves.toMatchObject({ value: 16 });
    // A late reply from the dead worker is ignored.
    expect(() => s.workers[0]!.square(1)).not.toThrow();
  });

  it('the watchdog terminates a hung worker and rejects what it held; progress keeps it quiet', async () => {
    vi.useFakeTimers();
    const s = setup(500);
    await warm(s);
    const streaming = s.client.request({ message: (id) => ({ id, n: 1 }) });
    const settled = streaming.catch((e: unknown) => e);
    await flush();
    const w = s.workers[0]!;
    const id = w.received[1]!.id;
    vi.advanceTimersByTime(400);
    w.reply({ id, type: 'progress', done: 1 });
    vi.advanceTimersByTime(400);
    expect(w.terminated).toBe(false);
    vi.advanceTimersByTime(101);
    const error = await settled;
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(String(error)).toMatch(/no answer within 500 ms/);
    await flush();
    expect(w.terminated).toBe(true);
    expect(s.crashes).toHaveLength(1);
  });

  it('a worker that hangs before ever answering is reported as a crash, not a silent fallback', async () => {
    vi.useFakeTimers();
    const s = setup(500);
    // Killed while its script still loads: no reply ever comes.
    const a = s.ask(3).catch((e: unknown) => e);
    await flush();
    vi.advanceTimersByTime(501);
    const error = await a;
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect(String(error)).toMatch(/no answer within 500 ms/);
    // Rejected, so the caller is told plainly and can ask again on a fresh worker.
    expect(s.crashes).toEqual(['no answer within 500 ms']);
    const b = s.ask(4);
    await flush();
    s.workers.at(-1)!.square(0);
    await expect(b).resolves.toMatchObject({ value: 16 });
  });

  it('a worker that dies before ever answering hands its requests to the next kind', async () => {
    const s = setup();
    const a = s.ask(3);
    await flush();
    s.workers[0]!.emit('error', { message: 'blocked by CSP' });
    await flush();
    expect(s.levels).toEqual([0, 1]);
    expect(s.crashes).toEqual(['fallback: blocked by CSP']);
    s.workers[1]!.square(0);
    await expect(a).resolves.toMatchObject({ value: 9 });
    expect(s.client.level).toBe(1);
  });

  it('cancel rejects the key at once, terminates the worker and re-sends the others', async () => {
    const s = setup();
    const job = s.ask(7, 'job', 'cancel');
    const other = s.ask(2, 'layer');
    await flush();
    const next = s.ask(8, 'job', 'cancel');
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(s.workers[0]!.terminated).toBe(true);
    await flush();
    const w = s.workers[1]!;
    expect(w.received.map((r) => r.n).sort()).toEqual([2, 8]);
    w.square(0);
    w.square(1);
    await expect(other).resolves.toMatchObject({ value: 4 });
    await expect(next).resolves.toMatchObject({ value: 64 });
  });

  it('reaches the main thread when new Worker throws and the inline worker cannot load either', async () => {
    const tried: string[] = [];
    const client = new WorkerClient<Req, Rep>(
      fallbackChain<Req, Rep>([
        () => {
          tried.push('module');
          // What `new Worker(url)` throws in a sandboxed iframe with origin null.
          throw new DOMException('Failed to construct Worker', 'SecurityError');
        },
        async () => {
          tried.push('inline');
          throw new Error('blob: workers refused');
        },
        () => {
          tried.push('main thread');
          return new MainThreadWorker<Req, Rep>(async (request, post) => {
            post({ id: request.id, type: 'done', value: request.n * 10 });
          });
        },
      ]),
      reader,
    );
    await expect(client.request({ message: (id) => ({ id, n: 4 }) })).resolves.toMatchObject({
      value: 40,
    });
    expect(tried).toEqual(['module', 'inline', 'main thread']);
    expect(client.level).toBe(2);
  });

  it('dispose rejects what is pending and stops the worker', async () => {
    const s = setup();
    const a = s.ask(1);
    await flush();
    s.client.dispose('closed');
    await expect(a).rejects.toThrow('closed');
    expect(s.workers[0]!.terminated).toBe(true);
    expect(s.crashes).toEqual([]);
  });
});
