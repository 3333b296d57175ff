/**
 * Surface change → contours painted: pick the next named surface in the app's picker, as a user
 * does, and time from the select's event to the next 'scene-painted' mark (which the app sets only
 * once the new surface's contours and the new trajectories are both on screen).
 */
import type { Browser } from '@playwright/test';
import { DEFAULT_SCENE } from '../../src/engine/scene';
import type { BenchRow } from '../types';
import { eventCount, firstPaint, latencySince, LatencySamples, openPage } from './session';
import { ms, median, percentile } from './stats';
import { SURFACE_IDS, sceneUrl } from './scenes';
import { surfacePicker } from './ui';

const CHANGES = 24;
const BUDGET_MS = 100;

/** The surface-change figure. */
export async function measureSurfaceChange(browser: Browser, base: string): Promise<BenchRow[]> {
  const session = await openPage(browser, sceneUrl(base, DEFAULT_SCENE));
  try {
    const { page } = session;
    await firstPaint(page);
    const picker = await surfacePicker(page);
    const offered = await picker.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
    const known: readonly string[] = SURFACE_IDS;
    const cycle = offered.filter((v) => known.includes(v) && v !== 'quadratic');
    if (cycle.length < 2) throw new Error(`the surface picker offers too few named surfaces (${offered.join(', ')})`);
    cycle.push('quadratic');
    console.error(`bench: ${CHANGES} surface changes ...`);
    const samples = new LatencySamples();
    for (let i = 0; i < CHANGES; i++) {
      const since = await eventCount(page);
      await picker.selectOption(cycle[i % cycle.length]!);
      samples.add(await latencySince(page, since));
    }
    const p95 = percentile(samples.ms, 95);
    const enough = samples.ms.length >= 20;
    return [
      {
        name: 'browser: surface change -> contours painted (256 grid), p95',
        value: p95,
        unit: 'ms',
        budget: `<= ${BUDGET_MS} ms`,
        pass: enough && p95 <= BUDGET_MS,
        detail: [
          `${samples.ms.length} changes over ${cycle.length} surfaces, median ${ms(median(samples.ms))} ms, max ${ms(Math.max(...samples.ms))} ms`,
          enough ? '' : 'fewer than 20 samples',
          samples.misses(),
        ]
          .filter(Boolean)
          .join('; '),
      },
    ];
  } finally {
    await session.close();
  }
}
