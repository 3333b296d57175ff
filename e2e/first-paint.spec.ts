/**
 * The first paint as a reader meets it: a fresh context loads the built app and the map's first
 * scene is painted (the 'scene-painted' mark) before any worker is started and without KaTeX or
 * the formula panel's chunk, and the JavaScript asked for before that mark, read from the build's
 * own files, stays within DESIGN.md's 130 KB gzip. Sizes and order only: no timing is asserted.
 */
import { expect, test } from '@playwright/test';
import type { Page, Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialJavaScript } from '../bench/browser/initial-js';

const DIST = resolve(process.env.DESCENT_DIST ?? 'dist');
const BUDGET_KB = 130;

interface Painted {
  /** The mark's time, ms since navigation start, and the page clock's origin (epoch ms). */
  readonly painted: number;
  readonly origin: number;
  /** Workers constructed before the mark. */
  readonly workersBefore: number;
  /** Paths drawn on the trajectory canvas: the scene itself is on screen. */
  readonly optimizers: number;
}

const isScript = (r: Request): boolean =>
  r.resourceType() === 'script' || /\.m?js$/.test(new URL(r.url()).pathname);

/** Loads the app cold and returns what it did before and after its first `scene-painted` mark. */
async function coldLoad(
  page: Page,
): Promise<{ first: Painted; before: string[]; after: string[] }> {
  const scripts: Request[] = [];
  // When each request was seen (epoch ms): one still in flight has no timing() yet (startTime
  // -1) and must not count as made before the mark.
  const seenAt = new Map<Request, number>();
  page.on('request', (r) => {
    if (!isScript(r)) return;
    scripts.push(r);
    seenAt.set(r, Date.now());
  });
  // Count the workers the page constructs, and note how many exist when the mark is made.
  await page.addInitScript(() => {
    const w = window as unknown as { __workers: number; __workersAtPaint?: number };
    w.__workers = 0;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workers++;
      }
    };
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'scene-painted' && w.__workersAtPaint === undefined)
        w.__workersAtPaint = w.__workers;
      return mark(name, options);
    };
  });
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('scene-painted').length > 0);
  const first = await page.evaluate((): Painted => {
    const w = window as unknown as { __workersAtPaint?: number };
    return {
      painted: performance.getEntriesByName('scene-painted')[0]!.startTime,
      origin: performance.timeOrigin,
      workersBefore: w.__workersAtPaint ?? -1,
      optimizers: window.__descent?.trajectories().length ?? 0,
    };
  });
  // After the paint the rest arrives: the formula panel renders with KaTeX, the worker starts.
  await expect(page.getByTestId('surface-tex').locator('.katex').first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __workers: number }).__workers))
    .toBeGreaterThan(0);
  const paintedAt = first.origin + first.painted;
  const startedAt = (r: Request): number =>
    r.timing().startTime > 0 ? r.timing().startTime : seenAt.get(r)!;
  const before = scripts
    .filter((r) => startedAt(r) <= paintedAt)
    .map((r) => decodeURIComponent(new URL(r.url()).pathname).replace(/^\//, ''));
  const after = scripts
    .filter((r) => startedAt(r) > paintedAt)
    .map((r) => new URL(r.url()).pathname);
  return { first, before, after };
}

test.describe('the first paint', () => {
  test('comes before any worker is started, without KaTeX or the formula panel', async ({
    page,
  }) => {
    const { first, before, after } = await coldLoad(page);
    expect(first.optimizers).toBeGreaterThan(0);
    expect(first.workersBefore).toBe(0);
    expect(before.length).toBeGreaterThan(0);
    for (const name of before) expect(name).not.toMatch(/katex|FormulaPanel|worker/i);
    // The test would be empty if those never loaded at all: they do, after the mark.
    expect(after.some((p) => /katex/i.test(p))).toBe(true);
    expect(after.some((p) => /worker/i.test(p))).toBe(true);
  });

  test('asks for at most 130 KB gzip of JavaScript before it', async ({ page }) => {
    const { before } = await coldLoad(page);
    // Size from the build's files: what the page asked for plus index.html's static imports.
    const files = new Set([...before, ...initialJavaScript(DIST).map((s) => s.file)]);
    const gzip = [...files].reduce(
      (n, file) => n + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length,
      0,
    );
    expect(gzip / 1024, [...files].join(', ')).toBeLessThanOrEqual(BUDGET_KB);
  });
});
