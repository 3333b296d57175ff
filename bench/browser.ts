/**
 * The browser half of `npm run bench`: builds the app, serves it on a free localhost port, drives
 * headless Chromium and reports rendering figures against DESIGN.md's budgets, each measured by
 * the browser itself (performance marks, animation-frame timing, long-task entries, DevTools CPU
 * throttling and heap metrics). Progress goes to stderr; a failing measure becomes a row saying
 * why, and the others still run.
 */
import type { Browser } from '@playwright/test';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { builtApp } from './browser/build';
import { measureFirstPaint } from './browser/first-paint';
import { measureHeap } from './browser/heap';
import { measureInitialJs } from './browser/bundle';
import { measureLabFirstPaint } from './browser/lab-first-paint';
import { measurePlayback } from './browser/playback';
import { serveStatic } from './browser/server';
import { launchChromium } from './browser/session';
import { measureSlider } from './browser/slider';
import { measureSurfaceChange } from './browser/surface';
import type { BenchRow, BenchSuite } from './types';

type Measure = (browser: Browser, base: string, distDir: string) => Promise<BenchRow[]>;

const MEASURES: readonly { name: string; run: Measure }[] = [
  { name: 'initial JavaScript', run: measureInitialJs },
  { name: 'first scene painted', run: measureFirstPaint },
  { name: 'lab first paint', run: measureLabFirstPaint },
  { name: 'slider input', run: measureSlider },
  { name: 'surface change', run: measureSurfaceChange },
  { name: 'playback', run: measurePlayback },
  { name: 'heap growth', run: measureHeap },
];

function failed(name: string, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { name: `browser: ${name} failed`, value: NaN, unit: '', detail: message };
}

/** The browser suite (see the module comment). */
export const browserBench: BenchSuite = async () => {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const started = Date.now();
  const loadStart = loadavg()[0]!;
  let app;
  try {
    app = builtApp(repoRoot);
  } catch (error) {
    return [failed('build', error)];
  }
  const rows: BenchRow[] = [];
  const server = await serveStatic(app.dir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    // BENCH_BROWSER_ONLY=slider,heap runs the measures whose names contain one of the words.
    const only = (process.env.BENCH_BROWSER_ONLY ?? '').split(',').filter(Boolean);
    for (const { name, run } of MEASURES) {
      if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
      // Other processes on this shared machine slow every figure: give the load beside each.
      const before = loadavg()[0]!;
      let measured: BenchRow[];
      try {
        measured = await run(browser, server.url, app.dir);
      } catch (error) {
        measured = [failed(name, error)];
      }
      const load = `load ${before.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}`;
      rows.push(
        ...measured.map((r) => ({ ...r, detail: r.detail ? `${load}; ${r.detail}` : load })),
      );
    }
  } finally {
    await browser?.close();
    await server.close();
    app.dispose();
  }
  const seconds = (Date.now() - started) / 1000;
  console.error(`bench: browser suite took ${seconds.toFixed(0)} s`);
  // Other processes on this 2-core machine slow every figure above: say how busy it was.
  rows.push({
    name: 'browser: machine load during the suite (1-min load average)',
    value: loadavg()[0]!,
    unit: '',
    detail: `start ${loadStart.toFixed(2)}; suite took ${seconds.toFixed(0)} s on ${availableParallelism()} cores`,
  });
  return rows;
};
