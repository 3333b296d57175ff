/**
 * The gradient-flow lab's time to first paint: a fresh context, the same 4× CPU throttle as the
 * visualizer's cold start, and the time (from navigation start) of the first animation frame in
 * which the per-layer gradient bars are on screen, i.e. the lab's worker has trained and measured
 * the default net and React has drawn it. Median of three. No budget in DESIGN.md: informational.
 */
import type { Browser } from '@playwright/test';
import type { BenchRow } from '../types';
import { openPage } from './session';
import { median, ms } from './stats';

const RUNS = 3;
const THROTTLE = 4;

/** The lab's cold first-paint figure. */
export async function measureLabFirstPaint(browser: Browser, base: string): Promise<BenchRow[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    console.error(`bench: lab cold load ${run + 1}/${RUNS} at ${THROTTLE}x CPU throttle ...`);
    const session = await openPage(browser, `${base}?page=lab`, (cdp) =>
      cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE }).then(() => undefined),
    );
    try {
      // Checked every animation frame in the page, so the time is the frame's, not a round trip's.
      const handle = await session.page.waitForFunction(
        () => (document.querySelector('[data-norm]') ? performance.now() : false),
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push((await handle.jsonValue()) as number);
    } finally {
      await session.close();
    }
  }
  return [
    {
      name: `browser: lab first paint (gradient bars), cold, ${THROTTLE}x CPU throttle, median of ${RUNS}`,
      value: median(times),
      unit: 'ms',
      detail: `runs ${times.map(ms).join(', ')} ms (navigation start -> first frame with the bars)`,
    },
  ];
}
