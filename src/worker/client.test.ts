import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scene, Trajectory } from '../engine/types';
import { EngineClient, StaleRunError, WorkerCrashedError } from './client';
import type { WorkerReply, WorkerRequest } from './protocol';
import { FakeWorker } from './testing/fakeWorker';

const scene: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 3,
  optimizers: [{ type: 'sgd' }],
};

/** A worker double whose `answer` replies to a request with trajectories. */
class FakeEngineWorker extends FakeWorker<WorkerRequest, WorkerReply> {
  answer(request: WorkerRequest, trajectories: Trajectory[]): void {
    this.reply({ id: request.id, runId: request.runId, type: 'simulate', trajectories });
  }
}

function trajectory(x: number): Trajectory {
  return {
    points: new Float64Array([x, 0]),
    losses: new Float64Array([x * x]),
    length: 1,
    diverged: false,
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup(timeoutMs = 1000) {
  const workers: FakeEngineWorker[] = [];
  const levels: number[] = [];
  const crashes: string[] = [];
  const kind = (level: number) => (): FakeEngineWorker => {
    levels.push(level);
    const w = new FakeEngineWorker();
    workers.push(w);
    return w;
  };
  const client = new EngineClient([kind(0), kind(1), kind(2)], {
    timeoutMs,
    onCrash: (reason, fallback) => crashes.push(fallback ? `fallback: ${reason}` : reason),
  });
  return { client, workers, levels, crashes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('engine client', () => {
  it('resolves a request with the reply that carries its id', async () => {
    const { client, workers } = setup();
    const result = client.simulate(scene);
    await flush();
    const w = workers[0]!;
    expect(w.received[0]?.type).toBe('simulate');
    w.answer(w.received[0]!, [trajectory(7)]);
    const trajectories = await result;
    expect(trajectories[0]?.points[0]).toBe(7);
  });

  it('drops the reply of a superseded run and delivers the newest', async () => {
    const { client, workers } = setup();
    const first = client.simulate(scene);
    const second = client.simulate({ ...scene, steps: 4 });
    await flush();
    const w = workers[0]!;
    w.answer(w.received[0]!, [trajectory(1)]);
    w.answer(w.received[1]!, [trajectory(2)]);
    await expect(first).rejects.toBeInstanceOf(StaleRunError);
    expect((await second)[0]?.points[0]).toBe(2);
  });

  it('a dead worker rejects every pending call and a fresh worker serves the next one', async () => {
    const { client, workers, crashes, levels } = setup();
    const first = client.simulate(scene);
    await flush();
    workers[0]!.answer(workers[0]!.received[0]!, [trajectory(1)]);
    await first;
    const a = client.simulate(scene);
    const b = client.surfaceLayer({
      surface: { id: 'quadratic' },
      domain: { x: [-1, 1], y: [-1, 1] },
      width: 4,
      height: 4,
      spacing: 'log',
      levels: 5,
      quiver: 0,
    });
    await flush();
    workers[0]!.emit('error', { message: 'boom', preventDefault: () => undefined });
    await expect(a).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(b).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(workers[0]!.terminated).toBe(true);
    // It had answered before: not a kind this page cannot run, so the same kind is respawned.
    expect(crashes).toEqual(['boom']);
    expect(client.pendingCount).toBe(0);

    const c = client.simulate(scene);
    await flush();
    expect(workers).toHaveLength(2);
    expect(levels).toEqual([0, 0]);
    workers[1]!.answer(workers[1]!.received[0]!, [trajectory(3)]);
    expect((await c)[0]?.points[0]).toBe(3);
  });

  it('a hung worker is terminated by the watchdog and its calls rejected', async () => {
    vi.useFakeTimers();
    const { client, workers, crashes } = setup(500);
    const a = client.simulate(scene);
    const settled = a.catch((e: unknown) => e);
    await flush();
    vi.advanceTimersByTime(499);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(2);
    expect(await settled).toBeInstanceOf(WorkerCrashedError);
    await flush();
    expect(workers[0]!.terminated).toBe(true);
    expect(crashes).toHaveLength(1);
  });

  it('sends its calls to the next kind of worker when one dies before ever answering', async () => {
    const { client, workers, levels, crashes } = setup();
    const a = client.simulate(scene);
    await flush();
    workers[0]!.emit('error', { message: 'blocked' });
    await flush();
    expect(levels).toEqual([0, 1]);
    expect(crashes).toEqual(['fallback: blocked']);
    workers[1]!.answer(workers[1]!.received[0]!, [trajectory(1)]);
    expect((await a)[0]?.points[0]).toBe(1);
    expect(client.level).toBe(1);
    // A worker that has answered and then dies is respawned at the same level.
    const c = client.simulate(scene).catch(() => undefined);
    await flush();
    workers[1]!.emit('messageerror', {});
    await c;
    void client.simulate(scene).catch(() => undefined);
    await flush();
    expect(levels).toEqual([0, 1, 1]);
  });

  it('a reply for an unknown id after a crash is ignored', async () => {
    const { client, workers } = setup();
    const warm = client.simulate(scene);
    await flush();
    workers[0]!.answer(workers[0]!.received[0]!, [trajectory(0)]);
    await warm;
    const a = client.simulate(scene).catch((e: unknown) => e);
    await flush();
    const old = workers[0]!;
    const request = old.received[1]!;
    old.emit('error', { message: 'x' });
    expect(await a).toBeInstanceOf(WorkerCrashedError);
    expect(() => old.answer(request, [trajectory(1)])).not.toThrow();
    expect(client.pendingCount).toBe(0);
  });
});
