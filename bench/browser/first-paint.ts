/**
 * First scene painted, cold: a fresh context each time (empty cache), the CPU slowed 4× through
 * DevTools before navigating, and the time of the first 'scene-painted' mark, which the page's
 * clock counts from navigation start. Median of three.
 */
import type { Browser } from '@playwright/test';
import { DEFAULT_SCENE } from '../../src/engine/scene';
import type { BenchRow } from '../types';
import { firstPaint, openPage } from './session';
import { median, ms } from './stats';
import { sceneUrl } from './scenes';

const RUNS = 3;
const THROTTLE = 4;
const BUDGET_MS = 1500;

/** The cold first-paint figure. */
export async function measureFirstPaint(browser: Browser, base: string): Promise<BenchRow[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    console.error(`bench: cold load ${run + 1}/${RUNS} at ${THROTTLE}x CPU throttle ...`);
    const session = await openPage(browser, sceneUrl(base, DEFAULT_SCENE), (cdp) =>
      cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE }).then(() => undefined),
    );
    try {
      times.push(await firstPaint(session.page));
    } finally {
      await session.close();
    }
  }
  const value = median(times);
  return [
    {
      name: `browser: first scene painted, cold, ${THROTTLE}x CPU throttle, median of ${RUNS}`,
      value,
      unit: 'ms',
      budget: `<= ${BUDGET_MS} ms`,
      pass: value <= BUDGET_MS,
      detail: `runs ${times.map(ms).join(', ')} ms (navigation start -> first 'scene-painted')`,
    },
  ];
}
