import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { heightNotifier, REPEAT_AFTER_MS } from './resize';

/** A framed window whose parent records what it is sent. */
function framed() {
  const sent: unknown[] = [];
  const parent = { postMessage: (data: unknown) => void sent.push(data) };
  const win = { parent, setTimeout: (f: () => void, ms: number) => setTimeout(f, ms) };
  return { win: win as unknown as Window, sent };
}

describe('the height notice', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('posts each new height once, rounded up, and ignores repeats', () => {
    const { win, sent } = framed();
    const notify = heightNotifier(win);
    notify(300.2);
    notify(301);
    notify(305);
    expect(sent).toEqual([
      { context: 'iframe.resize', height: 301 },
      { context: 'iframe.resize', height: 305 },
    ]);
  });

  it('repeats the current height after the first notice, for a host that listens late', () => {
    const { win, sent } = framed();
    const notify = heightNotifier(win);
    notify(420);
    expect(sent).toHaveLength(1);
    // A host that starts listening now still hears the height, and the latest one.
    sent.length = 0;
    notify(500);
    sent.length = 0;
    vi.advanceTimersByTime(REPEAT_AFTER_MS.at(-1)!);
    expect(sent).toHaveLength(REPEAT_AFTER_MS.length);
    expect(sent.every((m) => (m as { height: number }).height === 500)).toBe(true);
    // And then stops: no timer left running.
    sent.length = 0;
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);
  });

  it('posts nothing when the page is not framed', () => {
    const win = { parent: null as unknown } as { parent: unknown };
    win.parent = win;
    expect(() => heightNotifier(win as unknown as Window)(300)).not.toThrow();
  });
});
