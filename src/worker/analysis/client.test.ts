import { describe, expect, it } from 'vitest';
import { CLASSICS_SCENE } from '../../engine/scene';
import { AnalysisCancelledError, AnalysisClient } from './client';
import { handleAnalysisRequest } from './handlers';
import type { AnalysisReply, AnalysisRequest, SweepJob } from './protocol';
import { FakeWorker } from '../testing/fakeWorker';

/** A worker stand-in that answers with the real handlers, or stays silent, or fails. */
class FakeAnalysisWorker extends FakeWorker<AnalysisRequest, AnalysisReply> {
  static made: FakeAnalysisWorker[] = [];

  constructor(mode: 'answer' | 'silent' | 'fail') {
    super((request, worker) => {
      if (mode === 'silent') return;
      queueMicrotask(() => {
        if (worker.terminated) return;
        if (mode === 'fail') worker.fail();
        else handleAnalysisRequest(request, (reply) => worker.reply(reply));
      });
    });
    FakeAnalysisWorker.made.push(this);
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
      () => new FakeAnalysisWorker('answer'),
      () => new FakeAnalysisWorker('answer'),
    ]);
    const progress: number[] = [];
    const result = await client.run(sweep, (p) => progress.push(p.done));
    expect(result.rows).toHaveLength(9);
    expect(progress.at(-1)).toBe(9);
    expect(client.busy).toBe(false);
  });

  it('a newer job cancels the running one and terminates the worker it ran on', async () => {
    FakeAnalysisWorker.made = [];
    const client = new AnalysisClient([
      () => new FakeAnalysisWorker(FakeAnalysisWorker.made.length === 0 ? 'silent' : 'answer'),
      () => new FakeAnalysisWorker('answer'),
    ]);
    const first = client.run(sweep);
    const second = client.run({ ...sweep, points: 3 });
    await expect(first).rejects.toBeInstanceOf(AnalysisCancelledError);
    expect((await second).rows).toHaveLength(3);
    expect(FakeAnalysisWorker.made[0]!.terminated).toBe(true);
  });

  it('falls back to the main thread when no worker can be made, or the worker dies before answering', async () => {
    const throwing = new AnalysisClient([
      () => {
        throw new Error('no workers here');
      },
      () => new FakeAnalysisWorker('answer'),
    ]);
    expect((await throwing.run(sweep)).rows).toHaveLength(9);
    expect(throwing.inline).toBe(true);

    const dying = new AnalysisClient([
      () => new FakeAnalysisWorker('fail'),
      () => new FakeAnalysisWorker('answer'),
    ]);
    expect((await dying.run(sweep)).rows).toHaveLength(9);
    expect(dying.inline).toBe(true);
  });

  it('rejects with the handler error for a surface that does not resolve', async () => {
    const client = new AnalysisClient([
      () => new FakeAnalysisWorker('answer'),
      () => new FakeAnalysisWorker('answer'),
    ]);
    await expect(client.run({ ...sweep, surface: { id: 'nowhere' } })).rejects.toThrow(
      /does not resolve/,
    );
  });

  it('hosts the race on the scene it is given, ranking every optimizer', async () => {
    const client = new AnalysisClient([
      () => new FakeAnalysisWorker('answer'),
      () => new FakeAnalysisWorker('answer'),
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
