import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextScenePaint } from './afterFirstPaint';

describe('after the next scene paint', () => {
  let observers: { names: (names: string[]) => void; live: boolean }[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    observers = [];
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        private readonly entry: { names: (names: string[]) => void; live: boolean };
        constructor(callback: (list: unknown) => void) {
          this.entry = {
            live: false,
            names: (names) =>
              callback({ getEntriesByName: (n: string) => names.filter((m) => m === n) }),
          };
        }
        observe(): void {
          this.entry.live = true;
          observers.push(this.entry);
        }
        disconnect(): void {
          this.entry.live = false;
        }
      },
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const mark = (name: string): void => {
    for (const o of observers) if (o.live) o.names([name]);
  };

  it('calls back in the task after the map paints, once, and not for other marks', () => {
    const calls: number[] = [];
    afterNextScenePaint(() => calls.push(1), 300);
    mark('something-else');
    vi.advanceTimersByTime(10);
    expect(calls).toEqual([]);
    mark('scene-painted');
    expect(calls).toEqual([]); // not inside the painting task
    vi.advanceTimersByTime(0);
    expect(calls).toEqual([1]);
    mark('scene-painted');
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([1]);
  });

  it('calls back after the fallback time when the map never paints', () => {
    const calls: number[] = [];
    afterNextScenePaint(() => calls.push(1), 300);
    vi.advanceTimersByTime(299);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([1]);
  });

  it('a cancelled call never comes (a newer surface replaced the value)', () => {
    const calls: number[] = [];
    const cancel = afterNextScenePaint(() => calls.push(1), 300);
    cancel();
    mark('scene-painted');
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
  });

  it('without PerformanceObserver the fallback still calls back', () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const calls: number[] = [];
    afterNextScenePaint(() => calls.push(1), 50);
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([1]);
  });
});
