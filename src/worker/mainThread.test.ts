import { describe, expect, it } from 'vitest';
import { MainThreadWorker } from './mainThread';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main-thread worker stand-in', () => {
  it('answers each request asynchronously, like a worker, and can stream several replies', async () => {
    const worker = new MainThreadWorker<number, string>(async (n, post) => {
      for (let i = 0; i < n; i++) post(`reply ${i}`);
    });
    const got: string[] = [];
    worker.addEventListener('message', (event: MessageEvent<string>) => got.push(event.data));
    worker.postMessage(2);
    expect(got).toEqual([]);
    await tick();
    expect(got).toEqual(['reply 0', 'reply 1']);
  });

  it('delivers nothing after terminate, and a long handler sees the flag', async () => {
    let sawAbort = false;
    const worker = new MainThreadWorker<number, number>(async (n, post, signal) => {
      post(n);
      await tick();
      sawAbort = signal.aborted;
      post(n + 1);
    });
    const got: number[] = [];
    worker.addEventListener('message', (event: MessageEvent<number>) => got.push(event.data));
    worker.postMessage(1);
    await Promise.resolve();
    worker.terminate();
    worker.postMessage(10);
    await tick();
    await tick();
    expect(sawAbort).toBe(true);
    expect(got).toEqual([1]);
  });
});
