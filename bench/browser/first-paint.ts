/**
 * First scene painted, cold, as a reader meets it: a fresh context each time (empty cache), the
 * CPU slowed 4× through DevTools before navigating, the time of the first 'scene-painted' mark
 * (page clock, from navigation start), and every script the page and its workers asked for before
 * that mark, lazy chunks and workers included, gzipped. Median of three; the same measure as
 * `npx tsx bench/browser/cold-load.ts <url>`, which reproduces it by hand.
 */
import type { Browser } from '@playwright/test';
import { DEFAULT_SCENE } from '../../src/engine/scene';
import type { BenchRow } from '../types';
import { coldLoad, loadText } from './cold-load';
import type { ColdLoad } from './cold-load';
import { median, ms } from './stats';
import { sceneUrl } from './scenes';

const RUNS = 3;
const THROTTLE = 4;
const BUDGET_MS = 1000;
const BUDGET_KB = 130;
const KB = 1024;

const short = (path: string): string => path.replace(/^.*\//, '');

/** The cold first-paint figure and the JavaScript fetched before it. */
export async function measureFirstPaint(browser: Browser, base: string): Promise<BenchRow[]> {
  const loads: ColdLoad[] = [];
  const loadsText: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    console.error(`bench: cold load ${run + 1}/${RUNS} at ${THROTTLE}x CPU throttle ...`);
    loadsText.push(loadText());
    loads.push(await coldLoad(browser, sceneUrl(base, DEFAULT_SCENE), THROTTLE));
  }
  const times = loads.map((l) => l.paintedMs);
  const value = median(times);
  const kbs = loads.map((l) => l.gzipTotal / KB);
  const kb = median(kbs);
  // The run whose script set weighs the median, listed script by script.
  const typical = loads[kbs.indexOf(kb)] ?? loads[0]!;
  return [
    {
      name: `browser: first scene painted, cold, ${THROTTLE}x CPU throttle, median of ${RUNS}`,
      value,
      unit: 'ms',
      budget: `<= ${BUDGET_MS} ms`,
      pass: value <= BUDGET_MS,
      detail: `runs ${times.map(ms).join(', ')} ms (navigation start -> first 'scene-painted'); ${loadsText.join(' / ')}`,
    },
    {
      name: `browser: JavaScript requested before the first paint (gzip, all scripts and workers), median of ${RUNS}`,
      value: kb,
      unit: 'KB',
      budget: `<= ${BUDGET_KB} KB`,
      pass: kb <= BUDGET_KB,
      detail: `runs ${kbs.map((k) => k.toFixed(1)).join(', ')} KB; ${typical.scripts.length} script(s): ${typical.scripts
        .map(
          (s) =>
            `${short(s.path)} ${(s.gzip / KB).toFixed(1)}${Number.isNaN(s.end) ? ' (unfinished)' : ''}`,
        )
        .join(', ')}`,
    },
  ];
}
