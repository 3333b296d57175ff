/**
 * A sandboxed embed (`sandbox="allow-scripts"`, origin null) on a plain static host that sends no
 * Access-Control-Allow-Origin header, under the README's strict CSP. Module scripts are CORS
 * requests from an opaque origin, so `?embed=1` on the app's page cannot load there; embed.html
 * (one classic script, worker inlined) must paint and post its height.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { readCanvas, SURFACE_SHARE } from './fixtures/webgl';
import type { StaticHost } from './fixtures/staticHost';
import { DIST, startStaticHost } from './fixtures/staticHost';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

const SCENE: Scene = {
  surface: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 60,
  optimizers: [{ type: 'adam', lr: 0.05, label: 'Adam' }],
};

let host: StaticHost;
let origin = '';

// A plain static server: dist/ under /descent/ with the app's CSP, the host page at /post.html.
test.beforeAll(async () => {
  expect(existsSync(join(DIST, 'embed.html')), `built embed.html in ${DIST}`).toBe(true);
  host = await startStaticHost({
    base: '/descent/',
    pages: { '/post.html': fixture('embed-host.html'), '/embed-host.js': fixture('embed-host.js') },
  });
  origin = host.origin;
});
test.afterAll(() => host.close());

interface HostWindow {
  received: { data: { context?: string; height?: number; type?: string }; origin: string }[];
}
const received = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).received);

/** Opens the host page with a `sandbox="allow-scripts"` iframe of `src` (relative to /descent/). */
async function openSandboxed(page: Page, src: string): Promise<Frame> {
  const query = new URLSearchParams({ src: `/descent/${src}`, w: '700', h: '500', sandbox: '1' });
  await page.goto(`${origin}/post.html?${query.toString()}`);
  await expect(page.locator('#embed')).toHaveAttribute('sandbox', 'allow-scripts');
  const handle = await page.locator('#embed').elementHandle();
  await expect.poll(async () => (await handle!.contentFrame())?.url() ?? '').toContain('scene=');
  return (await handle!.contentFrame())!;
}

test('a sandboxed embed.html paints from a static host with no CORS header, and posts its height', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|CORS/i.test(m.text())) {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });

  const frame = await openSandboxed(page, `embed.html?scene=${encodeSceneParam(SCENE)}`);
  // The reader sees the map painted, with its path, and the controls.
  await frame.waitForFunction(() => {
    const api = window.__descent;
    return api !== undefined && api.paintCount() > 0 && api.settled();
  });
  expect(await frame.evaluate(() => self.origin)).toBe('null');
  expect(await frame.evaluate(() => window.__descent!.trajectories()[0]!.length)).toBe(61);
  await expect(frame.locator('.map-contours path').first()).toBeAttached();
  await expect(frame.getByTestId('play')).toBeVisible();
  // The host page got the ready notice and a height notice from the null origin.
  await expect
    .poll(async () => (await received(page)).some((m) => m.data.type === 'descent:ready'))
    .toBe(true);
  const heights = (await received(page)).filter((m) => m.data.context === 'iframe.resize');
  expect(heights.length).toBeGreaterThan(0);
  expect(heights[0]!.origin).toBe('null');
  expect(heights.at(-1)!.data.height).toBeGreaterThan(200);
  // Playback runs (the engine works inside the sandbox).
  await frame.getByTestId('reset').click();
  await frame.getByTestId('step-forward').click();
  await expect(frame.getByTestId('step-readout')).toContainText('1');
  // The 3-D view draws inside the sandbox too (three.js is inlined in the classic script).
  await frame.getByTestId('view3d-toggle').click();
  const surface = frame.getByTestId('surface3d');
  await expect(surface).toHaveAttribute('data-frames', /\d+/);
  expect((await readCanvas(surface)).painted).toBeGreaterThan(SURFACE_SHARE);

  // The host really sent no CORS header, and nothing failed or was blocked.
  expect(host.served.some((s) => s.path.endsWith('.js'))).toBe(true);
  expect(host.served.every((s) => !s.headers.includes('access-control-allow-origin'))).toBe(true);
  expect(problems).toEqual([]);
});

test('on the same host, the module page (?embed=1) is what a sandbox cannot load', async ({
  page,
}) => {
  // The kind this guards against: the module script request fails as a CORS error.
  const failed = page.waitForEvent('requestfailed', (r) => /\/assets\/index-.*\.js$/.test(r.url()));
  await openSandboxed(page, `?embed=1&scene=${encodeSceneParam(SCENE)}`);
  expect((await failed).url()).toContain('/descent/assets/index-');
});

/** SCENE and a run that leaves the map: its "… left the map at step N" label is on the plot. */
const LEAVING: Scene = {
  ...SCENE,
  optimizers: [...SCENE.optimizers, { type: 'sgd', lr: 0.01, label: 'SGD' }],
};

// Both embed builds in the dark theme with their charts: embed.html once drew the charts' titles,
// key names and axis label in #222 on the dark panel (its one file lacked the theme's stylesheet),
// and the plot's "left the map" label in the dark theme's light ink on its white backing.
for (const page of ['embed.html', 'index.html?embed=1&']) {
  test(`${page.startsWith('embed') ? 'embed.html' : '?embed=1'} in the dark theme: every text of the figure and its charts is readable`, async ({
    page: tab,
  }) => {
    const join = page.includes('?') ? '' : '?';
    // Tall enough for map and charts together (a shorter frame puts the charts behind a button).
    await tab.setViewportSize({ width: 700, height: 1100 });
    await tab.goto(
      `${origin}/descent/${page}${join}controls=play,lr:0,charts&theme=dark&scene=${encodeSceneParam(LEAVING)}`,
    );
    await tab.waitForFunction(() => {
      const api = window.__descent;
      return api !== undefined && api.paintCount() > 0 && api.settled();
    });
    await expect(tab.locator('.descent-chart__title').first()).toBeVisible();
    await expect(tab.locator('.map-exit').first()).toContainText('SGD');
    // axe leaves text over the canvas undecided: the label's ink against its own backing.
    const exitContrast = await tab
      .locator('.map-exit')
      .first()
      .evaluate((el) => {
        const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = (c: number[]): number => {
          const [r, g, b] = c.slice(0, 3).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const style = getComputedStyle(el);
        const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    expect(exitContrast, 'the "left the map" label against its backing').toBeGreaterThan(4.5);
    const results = await new AxeBuilder({ page: tab }).withRules(['color-contrast']).analyze();
    const failing = results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
    expect(failing).toEqual([]);
  });
}
