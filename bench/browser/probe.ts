/**
 * What the bench installs in every page before the app's own scripts: a synchronous hook on
 * `performance.mark('scene-painted')` (so a waiter learns of a paint at once and reads its exact
 * time), the timestamps of input/change events, and long-task / long-animation-frame entries.
 * Plain JavaScript text: it runs in the page, not in Node.
 */

/** An input or change event seen by the page, with the event's own timestamp. */
export interface SeenEvent {
  readonly type: string;
  readonly t: number;
}

/** A long task or long animation frame: start and duration in ms (page clock). */
export interface LongEntry {
  readonly start: number;
  readonly duration: number;
  readonly blocking: number;
}

/** The in-page recorder, at `window.__bench`. */
export interface BenchProbe {
  /** Times (page clock, ms since navigation start) of every 'scene-painted' mark. */
  readonly marks: number[];
  readonly events: SeenEvent[];
  readonly longTasks: LongEntry[];
  readonly longFrames: LongEntry[];
  /** Messages posted to workers so far, by their `type` field ('simulate', 'surface', …). */
  readonly workerRequests: Record<string, number>;
  /** Resolves with the first 'scene-painted' time later than `after`, or null after `timeoutMs`. */
  waitMark(after: number, timeoutMs: number): Promise<number | null>;
}

declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

/** The init script's source. */
export const PROBE_SCRIPT = `(() => {
  if (window.__bench) return;
  // tsx compiles page.evaluate callbacks with esbuild's keepNames, which calls __name().
  if (typeof globalThis.__name !== 'function') globalThis.__name = (f) => f;
  const marks = [];
  const waiters = [];
  const probe = {
    marks,
    events: [],
    longTasks: [],
    longFrames: [],
    workerRequests: {},
    waitMark(after, timeoutMs) {
      const found = marks.find((t) => t > after);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => {
        const waiter = { after, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) { waiters.splice(i, 1); resolve(null); }
        }, timeoutMs);
      });
    },
  };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (name === 'scene-painted') {
      marks.push(entry.startTime);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (entry.startTime > waiters[i].after) waiters.splice(i, 1)[0].resolve(entry.startTime);
      }
    }
    return entry;
  };
  // Counting what the page asks its workers shows work a gesture triggers beyond what it needs.
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    const type = message && typeof message === 'object' && typeof message.type === 'string' ? message.type : '(other)';
    probe.workerRequests[type] = (probe.workerRequests[type] ?? 0) + 1;
    return post.call(this, message, ...rest);
  };
  for (const type of ['input', 'change']) {
    document.addEventListener(type, (e) => probe.events.push({ type, t: e.timeStamp }), true);
  }
  const observe = (type, into) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          into.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration ?? Math.max(0, e.duration - 50) });
        }
      }).observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', probe.longTasks);
  observe('long-animation-frame', probe.longFrames);
  window.__bench = probe;
})();`;
