import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps page-wide state: each test loads a fresh copy.
async function fresh() {
  vi.resetModules();
  return import('./afterFirstPaint');
}

describe('after the first paint', () => {
  let observers: ((names: string[]) => void)[] = [];
  let marks: string[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    observers = [];
    marks = [];
    vi.stubGlobal('performance', {
      getEntriesByName: (name: string) => marks.filter((m) => m === name),
      now: () => 0,
    });
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        constructor(private readonly callback: (list: unknown) => void) {}
        observe(): void {
          observers.push((names) =>
            this.callback({ getEntriesByName: (n: string) => names.filter((m) => m === n) }),
          );
        }
        disconnect(): void {}
      },
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const mark = (name: string): void => {
    marks.push(name);
    for (const o of observers) o([name]);
  };

  it('waits for the scene-painted mark, then runs each callback once, in the next task', async () => {
    const { afterFirstPaint } = await fresh();
    const ran: string[] = [];
    afterFirstPaint(() => ran.push('a'));
    afterFirstPaint(() => ran.push('b'));
    mark('something-else');
    vi.advanceTimersByTime(10);
    expect(ran).toEqual([]);
    mark('scene-painted');
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a', 'b']);
    afterFirstPaint(() => ran.push('c'));
    expect(ran).toEqual(['a', 'b', 'c']);
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs at once on a page without a map, and after the fallback time when no mark comes', async () => {
    const first = await fresh();
    const ran: string[] = [];
    first.noSceneToPaint();
    first.afterFirstPaint(() => ran.push('lab'));
    expect(ran).toEqual(['lab']);

    const second = await fresh();
    second.afterFirstPaint(() => ran.push('late'));
    vi.advanceTimersByTime(second.FALLBACK_MS - 1);
    expect(ran).toEqual(['lab']);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['lab', 'late']);
  });
});
