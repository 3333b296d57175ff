import { describe, expect, it } from 'vitest';
import { CLASSICS_SCENE } from '../../engine/scene';
import { AnalysisCancelledError, AnalysisClient } from './client';
import type { AnalysisWorkerLike } from './client';
import { handleAnalysisRequest } from './handlers';
import type { AnalysisReply, AnalysisRequest, SweepJob } from './protocol';

/** A worker stand-in that answers with the real handlers, or stays silent, or fails. */
class FakeWorker implements AnalysisWorkerLike {
  static made: FakeWorker[] = [];
  readonly received: AnalysisRequest[] = [];
  terminated = false;
  private readonly message: ((event: MessageEvent<AnalysisReply>) => void)[] = [];
  private readonly error: ((event: Event) => void)[] = [];

  constructor(private readonly mode: 'answer' | 'silent' | 'fail') {
    FakeWorker.made.push(this);
  }

  postMessage(request: AnalysisRequest): void {
    this.received.push(request);
    if (this.mode === 'silent') return;
    queueMicrotask(() => {
      if (this.terminated) return;
      if (this.mode === 'fail') {
        for (const l of this.error) l(new Event('error'));
        return;
      }
      handleAnalysisRequest(request, (reply) => {
        for (const l of this.message) l(new MessageEvent('message', { data: reply }));
      });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  addEventListener(
    type: string,
    listener: ((event: MessageEvent<AnalysisReply>) => void) | ((event: Event) => void),
  ): void {
    if (type === 'message')
      this.message.push(listener as (event: MessageEvent<AnalysisReply>) => void);
    if (type === 'error') this.error.push(listener as (event: Event) => void);
  }
}

const sweep: SweepJob = {
  kind: 'sweep',
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 50,
  config: { type: 'sgd' },
  lrMin: 0.01,
  lrMax: 3,
  points: 9,
  criterion: { epsilon: 1e-3 },
};

describe('analysis client', () => {
  it('resolves with the worker result and reports progress on the way', async () => {
    const client = new AnalysisClient([
      () => new FakeWorker('answer'),
      () => new FakeWorker('answer'),
    ]);
    const progress: number[] = [];
    const result = await client.run(sweep, (p) => progress.push(p.done));
    expect(result.rows).toHaveLength(9);
    expect(progress.at(-1)).toBe(9);
    expect(client.busy).toBe(false);
  });

  it('a newer job cancels the running one and terminates the worker it ran on', async () => {
    FakeWorker.made = [];
    const client = new AnalysisClient([
      () => new FakeWorker(FakeWorker.made.length === 0 ? 'silent' : 'answer'),
      () => new FakeWorker('answer'),
    ]);
    const first = client.run(sweep);
    const second = client.run({ ...sweep, points: 3 });
    await expect(first).rejects.toBeInstanceOf(AnalysisCancelledError);
    expect((await second).rows).toHaveLength(3);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('falls back to the main thread when no worker can be made, or the worker dies before answering', async () => {
    const throwing = new AnalysisClient([
      () => {
        throw new Error('no workers here');
      },
      () => new FakeWorker('answer'),
    ]);
    expect((await throwing.run(sweep)).rows).toHaveLength(9);
    expect(throwing.inline).toBe(true);

    const dying = new AnalysisClient([
      () => new FakeWorker('fail'),
      () => new FakeWorker('answer'),
    ]);
    expect((await dying.run(sweep)).rows).toHaveLength(9);
    expect(dying.inline).toBe(true);
  });

  it('rejects with the handler error for a surface that does not resolve', async () => {
    const client = new AnalysisClient([
      () => new FakeWorker('answer'),
      () => new FakeWorker('answer'),
    ]);
    await expect(client.run({ ...sweep, surface: { id: 'nowhere' } })).rejects.toThrow(
      /does not resolve/,
    );
  });

  it('hosts the race on the scene it is given, ranking every optimizer', async () => {
    const client = new AnalysisClient([
      () => new FakeWorker('answer'),
      () => new FakeWorker('answer'),
    ]);
    const result = await client.run({
      kind: 'race',
      scene: { ...CLASSICS_SCENE, steps: 50 },
      criterion: { epsilon: 1e-2 },
      coarsePoints: 9,
      refineRounds: 1,
      refinePoints: 3,
    });
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
