/** Browser, context and page plumbing shared by the measures. */
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { PROBE_SCRIPT } from './probe';

/** The projector size the app is designed for. */
export const VIEWPORT = { width: 1280, height: 720 } as const;

/** Headless Chromium: the system one (CHROMIUM_PATH, default /usr/bin/chromium) when present. */
export async function launchChromium(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    ...(existsSync(path) ? { executablePath: path } : {}),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context (own cache and storage) with one probed page and its DevTools session. */
export interface ProbedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  close(): Promise<void>;
}

/** Opens a fresh context and page with the probe installed; `before` runs before navigating. */
export async function openPage(
  browser: Browser,
  url: string,
  before?: (cdp: CDPSession) => Promise<void>,
): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (before) await before(cdp);
  await page.goto(url, { waitUntil: 'commit' });
  return { context, page, cdp, close: () => context.close() };
}

/** Time (ms since navigation start) of the first 'scene-painted' mark; throws if none comes in time. */
export async function firstPaint(page: Page, timeoutMs = 30_000): Promise<number> {
  const t = await page.evaluate((timeout) => window.__bench!.waitMark(-1, timeout), timeoutMs);
  if (t === null) throw new Error(`no 'scene-painted' mark within ${timeoutMs} ms of loading`);
  return t;
}

/**
 * Latency from the first input/change event recorded after index `since` to the next
 * 'scene-painted' mark; 'no-input' when the gesture changed nothing, 'timeout' when nothing painted.
 */
export type Latency =
  { readonly kind: 'ok'; readonly ms: number } | { readonly kind: 'no-input' | 'timeout' };

/** Number of input/change events the page has seen (pass to `latencySince`). */
export function eventCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__bench!.events.length);
}

/** See Latency. */
export function latencySince(page: Page, since: number, timeoutMs = 5_000): Promise<Latency> {
  return page.evaluate(
    async ({ since, timeoutMs }): Promise<Latency> => {
      const probe = window.__bench!;
      // A gesture's event is normally recorded before the gesture call returns; allow a few frames.
      for (let tries = 0; tries < 10 && probe.events.length <= since; tries++) {
        await new Promise((done) => requestAnimationFrame(done));
      }
      const event = probe.events[since];
      if (!event) return { kind: 'no-input' };
      const painted = await probe.waitMark(event.t, timeoutMs);
      return painted === null ? { kind: 'timeout' } : { kind: 'ok', ms: painted - event.t };
    },
    { since, timeoutMs },
  );
}

/** Collects the samples of `Latency` results and counts the misses. */
export class LatencySamples {
  readonly ms: number[] = [];
  timeouts = 0;
  noInput = 0;
  add(result: Latency): void {
    if (result.kind === 'ok') this.ms.push(result.ms);
    else if (result.kind === 'timeout') this.timeouts++;
    else this.noInput++;
  }
  /** Misses as text for the detail column ('' when none). */
  misses(): string {
    const parts: string[] = [];
    if (this.timeouts > 0) parts.push(`${this.timeouts} without a paint`);
    if (this.noInput > 0) parts.push(`${this.noInput} without an input event`);
    return parts.join(', ');
  }
}

/** Worker requests by type since the last call (pass the previous snapshot). */
export async function workerRequests(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...window.__bench!.workerRequests }));
}

/** `after - before` per request type, as text like 'simulate 60, surface 60'. */
export function requestDelta(
  before: Record<string, number>,
  after: Record<string, number>,
): string {
  return Object.keys(after)
    .map((type) => [type, (after[type] ?? 0) - (before[type] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
}
