/**
 * Hosting: the built folder served from a sub-path (/blog/descent/) under the strict policy the
 * README recommends, by a small static server started here. The app and an embed must paint,
 * KaTeX must render with its fonts from 'self', and nothing may be blocked or logged as an error.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { readCanvas, SURFACE_SHARE } from './fixtures/webgl';
import type { StaticHost } from './fixtures/staticHost';
import { DIST, startStaticHost } from './fixtures/staticHost';

const BASE = '/blog/descent/';

const SCENE: Scene = {
  surface: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 80,
  optimizers: [{ type: 'adam', lr: 0.05, label: 'Adam' }],
};
const sceneQuery = `scene=${encodeSceneParam(SCENE)}`;

/** A blog post that embeds the scene (no scripts of its own). */
const POST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head>
<body><p>A post.</p><iframe src="${BASE}?embed=1&amp;${sceneQuery.replace(/&/g, '&amp;')}" width="100%" height="520" style="border:0" loading="lazy" title="Descent"></iframe></body></html>`;

let host: StaticHost;
let origin = '';

// DIST under BASE and the post at /blog/post.html, every response with the CSP.
test.beforeAll(async () => {
  expect(existsSync(join(DIST, 'index.html')), `built app in ${DIST}`).toBe(true);
  host = await startStaticHost({
    base: BASE,
    pages: { '/blog/post.html': POST },
    cspOnPages: true,
  });
  origin = host.origin;
});
test.afterAll(() => host.close());

declare global {
  interface Window {
    __violations?: string[];
  }
}

/** Records CSP violations (every frame), console errors and failed requests. */
async function watch(
  page: Page,
): Promise<{ problems: string[]; violations: () => Promise<string[]> }> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations!.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const violations = async (): Promise<string[]> => {
    const all: string[] = [];
    for (const frame of page.frames()) {
      all.push(...((await frame.evaluate(() => window.__violations ?? [])) as string[]));
    }
    return all;
  };
  return { problems, violations };
}

test('under a strict CSP on a sub-path, the app paints and KaTeX renders with its own fonts', async ({
  page,
}) => {
  const { problems, violations } = await watch(page);
  await page.goto(`${origin}${BASE}?${sceneQuery}`);
  await page.waitForFunction(() => {
    const api = window.__descent;
    return api !== undefined && api.paintCount() > 0 && api.settled();
  });
  expect(await page.evaluate(() => window.__descent!.trajectories()[0]!.length)).toBe(81);
  await expect(page.locator('.map-contours path').first()).toBeAttached();

  const formula = page.locator('.katex').first();
  await expect(formula).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'),
      ),
    )
    .toBe(true);
  const fonts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('KaTeX')),
  );
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((url) => url.startsWith(`${origin}${BASE}assets/`))).toBe(true);

  // The 3-D view (three.js, WebGL) loads and draws under the same policy: no eval, no blob.
  await page.getByTestId('view3d-toggle').click();
  const surface = page.getByTestId('surface3d');
  await expect(surface).toHaveAttribute('data-frames', /\d+/);
  expect((await readCanvas(surface)).painted).toBeGreaterThan(SURFACE_SHARE);

  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});

test('under the same CSP, a post embedding the scene shows it painted', async ({ page }) => {
  const { problems, violations } = await watch(page);
  await page.goto(`${origin}/blog/post.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('map-plot')).toBeVisible();
  const embed = page.frames().find((f) => f.url().includes('embed=1'))!;
  await embed.waitForFunction(() => {
    const api = window.__descent;
    return api !== undefined && api.paintCount() > 0 && api.settled();
  });
  expect(await embed.evaluate(() => window.__descent!.scene().surface)).toEqual({
    id: 'rosenbrock',
  });
  await expect(frame.getByTestId('play')).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});
