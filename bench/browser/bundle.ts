/**
 * Initial JavaScript (gzip), read from the build: the scripts the built index.html loads up front
 * and their static imports, gzipped with node:zlib. This is a floor of what a reader fetches
 * before the first paint (first-paint.ts counts what a real load asks for, workers included). A real page load cross-checks it: every .js the page fetched
 * before its first 'scene-painted' mark is listed, and those outside the static set (lazy chunks
 * the first screen asks for at once, the worker) are named in the detail.
 */
import type { Browser } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SCENE } from '../../src/engine/scene';
import type { BenchRow } from '../types';
import { initialJavaScript } from './initial-js';
import { firstPaint, openPage } from './session';
import { sceneUrl } from './scenes';

const BUDGET_KB = 130;
const KB = 1024;

/** Paths inside dist of the .js files the page finished fetching before its first paint. */
async function scriptsBeforeFirstPaint(browser: Browser, base: string): Promise<string[]> {
  const session = await openPage(browser, sceneUrl(base, DEFAULT_SCENE));
  try {
    const painted = await firstPaint(session.page);
    const urls = await session.page.evaluate(
      (painted) =>
        performance
          .getEntriesByType('resource')
          .map((e) => e as PerformanceResourceTiming)
          .filter((e) => e.responseEnd <= painted && /\.m?js(?:$|\?)/.test(e.name))
          .map((e) => e.name),
      painted,
    );
    return urls.map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, ''));
  } finally {
    await session.close();
  }
}

const gzipKb = (distDir: string, file: string): number =>
  existsSync(join(distDir, file))
    ? gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length / KB
    : NaN;

/** The initial-JavaScript figure. */
export async function measureInitialJs(
  browser: Browser,
  base: string,
  distDir: string,
): Promise<BenchRow[]> {
  const scripts = initialJavaScript(distDir);
  const gzip = scripts.reduce((n, s) => n + s.gzip, 0) / KB;
  const raw = scripts.reduce((n, s) => n + s.bytes, 0) / KB;
  const listed = new Set(scripts.map((s) => s.file));
  const fetched = await scriptsBeforeFirstPaint(browser, base);
  const extra = fetched.filter((f) => !listed.has(f));
  const short = (file: string): string => file.replace(/^assets\//, '');
  return [
    {
      name: 'browser: initial JavaScript from the build (static imports of index.html, gzip)',
      value: gzip,
      unit: 'KB',
      budget: `<= ${BUDGET_KB} KB`,
      pass: scripts.length > 0 && gzip <= BUDGET_KB,
      detail: [
        `${scripts.length} file(s) from index.html and their static imports, ${raw.toFixed(1)} KB raw: ${scripts
          .map((s) => `${short(s.file)} ${(s.gzip / KB).toFixed(1)}`)
          .join(', ')}`,
        `page load fetched ${fetched.length} .js before first paint${
          extra.length > 0
            ? `, lazy or worker ones too: ${extra.map((f) => `${short(f)} ${gzipKb(distDir, f).toFixed(1)}`).join(', ')}`
            : ''
        }`,
      ].join('; '),
    },
  ];
}
