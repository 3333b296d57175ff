import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_CONFIG } from '../../engine/nn/labConfig';
import {
  LabClient,
  LabWorkerCrashedError,
  LandscapeCancelledError,
  StaleLabRunError,
} from './client';
import { handleLabMessage } from './handlers';
import type { LabReply, LabRequest, LandscapeResult } from './protocol';
import { FakeWorker } from '../testing/fakeWorker';

/** A worker whose replies the test releases by hand. */
class FakeLabWorker extends FakeWorker<LabRequest, LabReply> {
  /** Answers request `index` with the real handler's replies (progress ones included). */
  answer(index: number): void {
    void handleLabMessage(this.received[index]!, (reply) => this.reply(reply));
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const run = { slot: 'a' as const, config: DEFAULT_LAB_CONFIG, steps: 2, reset: true };

describe('lab worker client', () => {
  it('resolves a reply by id with the snapshot of the requested steps', async () => {
    const worker = new FakeLabWorker();
    const client = new LabClient([() => worker, () => worker]);
    const pending = client.run(run);
    await flush();
    worker.answer(0);
    const snapshot = await pending;
    expect(snapshot.step).toBe(2);
    expect(snapshot.losses).toHaveLength(2);
    expect(client.pendingCount).toBe(0);
  });

  it('drops the reply of a run superseded by a newer one of the same slot, not of the other slot', async () => {
    const worker = new FakeLabWorker();
    const client = new LabClient([() => worker, () => worker]);
    const old = client.run(run);
    const other = client.run({ ...run, slot: 'b' });
    const latest = client.run({ ...run, steps: 0 });
    await flush();
    worker.answer(0);
    worker.answer(1);
    worker.answer(2);
    await expect(old).rejects.toBeInstanceOf(StaleLabRunError);
    await expect(other).resolves.toMatchObject({ step: 2 });
    await expect(latest).resolves.toMatchObject({ step: 0 });
  });

  it('a worker error rejects what is pending and the next call spawns a fresh worker', async () => {
    const workers: FakeLabWorker[] = [];
    const crashes: string[] = [];
    const client = new LabClient(
      [
        () => {
          const w = new FakeLabWorker();
          workers.push(w);
          return w;
        },
        () => new FakeLabWorker(),
      ],
      { onCrash: (reason) => crashes.push(reason) },
    );
    const first = client.run(run);
    await flush();
    workers[0]!.answer(0);
    await first;
    const pending = client.run(run);
    await flush();
    workers[0]!.fail();
    await expect(pending).rejects.toBeInstanceOf(LabWorkerCrashedError);
    expect(workers[0]!.terminated).toBe(true);
    expect(crashes).toHaveLength(1);
    const again = client.run(run);
    await flush();
    expect(workers).toHaveLength(2);
    expect(client.inline).toBe(false);
    workers[1]!.answer(0);
    await expect(again).resolves.toMatchObject({ step: 2 });
  });

  it('a worker that dies before its first answer hands its requests to the main-thread fallback', async () => {
    const worker = new FakeLabWorker();
    const fallback = new FakeLabWorker();
    const client = new LabClient([() => worker, () => fallback]);
    const pending = client.run(run);
    await flush();
    worker.fail();
    await flush();
    expect(client.inline).toBe(true);
    expect(fallback.received).toHaveLength(1);
    await flush();
    fallback.answer(0);
    await expect(pending).resolves.toMatchObject({ step: 2 });
  });

  it('a hung worker is killed by the watchdog', async () => {
    const worker = new FakeLabWorker();
    const client = new LabClient([() => worker, () => worker], { timeoutMs: 10 });
    await expect(client.run(run)).rejects.toThrow(/no answer within 10 ms/);
    expect(worker.terminated).toBe(true);
  });

  it('falls back when new Worker throws, as in a sandboxed iframe', async () => {
    const fallback = new FakeLabWorker();
    const client = new LabClient([
      () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      () => fallback,
    ]);
    const pending = client.run(run);
    await flush();
    expect(client.inline).toBe(true);
    fallback.answer(0);
    await expect(pending).resolves.toMatchObject({ step: 2 });
  });

  it('an engine error comes back as a rejection with its message', async () => {
    const worker = new FakeLabWorker();
    const client = new LabClient([() => worker, () => worker]);
    const pending = client.run({ ...run, config: { ...DEFAULT_LAB_CONFIG, depth: 65 } });
    await flush();
    worker.answer(0);
    await expect(pending).rejects.toThrow(/layers/);
  });

  it('a landscape streams its coarse grids, and a newer one cancels it by terminating its worker', async () => {
    const workers: FakeLabWorker[] = [];
    const client = new LabClient([
      () => {
        const w = new FakeLabWorker();
        workers.push(w);
        return w;
      },
      () => new FakeLabWorker(),
    ]);
    const training = client.run({ ...run, steps: 20 });
    await flush();
    workers[0]!.answer(0);
    await training;
    const gotPath = client.path('a');
    await flush();
    workers[0]!.answer(1);
    const path = await gotPath;
    expect(path.steps[path.steps.length - 1]).toBe(20);
    const partial: LandscapeResult[] = [];
    const first = client.landscape({ paths: [path], directions: 'pca', seed: 1, side: 9 }, (p) =>
      partial.push(p),
    );
    await flush();
    workers[0]!.answer(2);
    const done = await first;
    expect(partial.length).toBeGreaterThan(1);
    expect(partial[0]!.done).toBe(0);
    expect(done.done).toBe(81);
    // A newer landscape supersedes a running one at once.
    const old = client.landscape({ paths: [path], directions: 'filter', seed: 1, side: 9 });
    await flush();
    const newer = client.landscape({ paths: [path], directions: 'none', seed: 1, side: 9 });
    await expect(old).rejects.toBeInstanceOf(LandscapeCancelledError);
    expect(workers[0]!.terminated).toBe(true);
    await flush();
    workers[1]!.answer(0);
    await expect(newer).resolves.toMatchObject({ directions: 'none', done: 81 });
  });
});
