/**
 * One cold load of Descent as a reader meets it, in plain Playwright, so the bench's first-paint
 * figure can be reproduced by hand:
 *
 *   npx vite build && npx vite preview --port 4300 &
 *   npx tsx bench/browser/cold-load.ts http://127.0.0.1:4300/ [--throttle 4] [--runs 1]
 *
 * Each run opens a fresh browser context (empty cache), slows the CPU through DevTools
 * (`Emulation.setCPUThrottlingRate`), loads the page and waits for the first `scene-painted`
 * performance mark. It prints the mark's time (ms since navigation start, the page's own clock)
 * and every script the page or its workers asked for before the mark (request start earlier than
 * the mark, whether or not it had finished), with each body's gzip size (node:zlib level 9: the
 * local server sends plain bytes). Needs only @playwright/test and the system Chromium.
 */
import { chromium } from '@playwright/test';
import type { Browser, Request } from '@playwright/test';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';

/** A script requested before the first paint. */
export interface ScriptBeforePaint {
  /** Path of the URL, e.g. `/assets/index-abc.js`. */
  readonly path: string;
  /** Request start, ms since navigation start (page clock). */
  readonly start: number;
  /** Response end, ms since navigation start; NaN if it had not finished by the mark. */
  readonly end: number;
  /** Bytes as served and gzip-compressed. */
  readonly bytes: number;
  readonly gzip: number;
}

/** One cold load: the mark's time and the scripts asked for before it. */
export interface ColdLoad {
  readonly paintedMs: number;
  readonly scripts: readonly ScriptBeforePaint[];
  /** Sum of `gzip` over `scripts`, bytes. */
  readonly gzipTotal: number;
}

const isScript = (request: Request): boolean =>
  request.resourceType() === 'script' || /\.m?js(?:$|\?)/.test(new URL(request.url()).pathname);

/** Headless system Chromium (CHROMIUM_PATH, default /usr/bin/chromium) when present. */
export function launch(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    ...(existsSync(path) ? { executablePath: path } : {}),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * Loads `url` once in a fresh 1280 × 720 context with the CPU slowed `throttle` times; resolves
 * when the first 'scene-painted' mark is made (throws after `timeoutMs` without one).
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  throttle = 4,
  timeoutMs = 30_000,
): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    // Every script request of the page and of its dedicated workers (Chromium reports both to
    // the page), with the browser's own wall-clock start.
    const requests: Request[] = [];
    // When each request was seen (epoch ms): a request still in flight has no timing() yet
    // (startTime -1), and must not count as one made before the mark.
    const seenAt = new Map<Request, number>();
    page.on('request', (request) => {
      if (!isScript(request)) return;
      requests.push(request);
      seenAt.set(request, Date.now());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(url, { waitUntil: 'commit' });
    // Page code as text: tsx would wrap a function's inner arrows in esbuild's __name helper.
    const mark = (await page.evaluate(`new Promise((resolve) => {
      const done = () => {
        const entry = performance.getEntriesByName('scene-painted')[0];
        if (!entry) return false;
        resolve({ painted: entry.startTime, origin: performance.timeOrigin });
        return true;
      };
      if (done()) return;
      new PerformanceObserver((_list, observer) => {
        if (done()) observer.disconnect();
      }).observe({ type: 'mark', buffered: true });
      setTimeout(() => resolve(null), ${timeoutMs});
    })`)) as { painted: number; origin: number } | null;
    if (mark === null) throw new Error(`no 'scene-painted' mark within ${timeoutMs} ms`);
    const paintedAt = mark.origin + mark.painted;
    const scripts: ScriptBeforePaint[] = [];
    const seen = new Set<string>();
    for (const request of requests) {
      const timing = request.timing();
      // timing.startTime is the browser's wall clock (ms since the epoch) when the request began;
      // without it (still in flight), when Playwright saw the request, which is no earlier.
      const startedAt = timing.startTime > 0 ? timing.startTime : seenAt.get(request)!;
      const start = startedAt - mark.origin;
      if (!(startedAt <= paintedAt)) continue;
      const path = new URL(request.url()).pathname;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await request.response();
      const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      const endAbs = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : NaN;
      scripts.push({
        path,
        start,
        end: endAbs <= paintedAt ? endAbs - mark.origin : NaN,
        bytes: body.length,
        gzip: body.length > 0 ? gzipSync(body, { level: 9 }).length : 0,
      });
    }
    scripts.sort((a, b) => a.start - b.start);
    return {
      paintedMs: mark.painted,
      scripts,
      gzipTotal: scripts.reduce((n, s) => n + s.gzip, 0),
    };
  } finally {
    await context.close();
  }
}

/** The load as text for a printed figure: '1-min load 2.31 (5-min 1.90) on this machine'. */
export function loadText(): string {
  const [one, five] = loadavg();
  return `load ${one!.toFixed(2)} (5-min ${five!.toFixed(2)})`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = args.find((a) => !a.startsWith('--'));
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  if (!url) {
    console.error('usage: npx tsx bench/browser/cold-load.ts <url> [--throttle 4] [--runs 1]');
    process.exit(2);
  }
  const throttle = option('throttle', 4);
  const runs = option('runs', 1);
  const browser = await launch();
  try {
    for (let run = 1; run <= runs; run++) {
      const before = loadText();
      const load = await coldLoad(browser, url, throttle);
      console.log(
        `cold load ${run}/${runs} at ${throttle}x CPU throttle: 'scene-painted' at ${load.paintedMs.toFixed(0)} ms; ` +
          `${load.scripts.length} script(s) requested before it, ${(load.gzipTotal / 1024).toFixed(1)} KB gzip; ${before}`,
      );
      for (const s of load.scripts) {
        const end = Number.isNaN(s.end) ? 'unfinished' : `done ${s.end.toFixed(0)} ms`;
        console.log(
          `  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB gzip  ${(s.bytes / 1024).toFixed(1).padStart(6)} KB raw  ` +
            `asked ${s.start.toFixed(0).padStart(5)} ms, ${end}  ${s.path}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

// Run as a script (`npx tsx bench/browser/cold-load.ts`), not when imported by the bench.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  await main();
}
