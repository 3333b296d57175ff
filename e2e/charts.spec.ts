import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEFAULT_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { PHONE } from './fixtures/phone';

/** Opens the app on `scene` (the default one when absent) and waits until it is painted. */
async function open(page: Page, scene?: Scene): Promise<void> {
  await page.goto(scene ? `./?scene=${encodeSceneParam(scene)}` : './');
  await page.waitForFunction(
    () => (window.__descent?.paintCount() ?? 0) > 0 && window.__descent?.settled(),
  );
}

const lossChart = (page: Page) =>
  page.locator('figure.descent-chart').filter({ hasText: 'Loss per step' });
const distanceChart = (page: Page) =>
  page.locator('figure.descent-chart').filter({ hasText: 'Distance to the nearest minimum' });
const cursor = (page: Page) => page.evaluate(() => window.__descent!.cursor());

test('the loss chart draws one line per optimizer of the default scene, on a log axis', async ({
  page,
}) => {
  await open(page);
  const chart = lossChart(page);
  await expect(chart.locator('path.descent-chart__line')).toHaveCount(
    DEFAULT_SCENE.optimizers.length,
  );
  await expect(chart.locator('figcaption')).toContainText('log scale');
  await expect(chart.locator('svg[role="img"]')).toHaveAttribute('aria-label', /Adam/);
  await expect(distanceChart(page).locator('path.descent-chart__line')).toHaveCount(
    DEFAULT_SCENE.optimizers.length,
  );
});

test('clicking and dragging on the chart moves the playback cursor', async ({ page }) => {
  await open(page);
  const scrub = lossChart(page).getByRole('slider');
  // Below 1500 px the charts sit under the map (issue 10): scroll to them as a reader would.
  await scrub.scrollIntoViewIfNeeded();
  const box = (await scrub.boundingBox())!;
  const steps = DEFAULT_SCENE.steps;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(Math.abs((await cursor(page)) - steps / 2)).toBeLessThanOrEqual(2);
  // Where the chart is now: panels above it may have grown since (formulas typeset by KaTeX).
  const at = (await scrub.boundingBox())!;
  const y = at.y + at.height / 2;
  await page.mouse.move(at.x + at.width * 0.2, y);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width * 0.5, y, { steps: 4 });
  await page.mouse.move(at.x + at.width * 0.8, y, { steps: 4 });
  await page.mouse.up();
  expect(Math.abs((await cursor(page)) - steps * 0.8)).toBeLessThanOrEqual(2);
  await expect(scrub).toHaveAttribute('aria-valuenow', String(await cursor(page)));
});

test('on a phone one finger up or down over a chart scrolls the page; sideways it scrubs', async ({
  browser,
}) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await open(page);
  const scrub = lossChart(page).getByRole('slider');
  await scrub.scrollIntoViewIfNeeded();
  const cdp = await context.newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ ...at, id: 0 }] : [] });
  const box = (await scrub.boundingBox())!;
  const start = await cursor(page);
  const scrolled = await page.evaluate(() => window.scrollY);
  // A swipe up from the chart's middle: the reader scrolls on, the step stays.
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await touch('touchStart', c);
  for (let i = 1; i <= 8; i++) await touch('touchMove', { x: c.x, y: c.y - i * 15 });
  await touch('touchEnd');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 40);
  expect(await cursor(page)).toBe(start);
  // A sideways drag scrubs to where the finger is.
  const b = (await scrub.boundingBox())!;
  const y = b.y + b.height / 2;
  await touch('touchStart', { x: b.x + b.width * 0.2, y });
  for (let i = 1; i <= 6; i++) await touch('touchMove', { x: b.x + b.width * (0.2 + i * 0.1), y });
  await touch('touchEnd');
  const steps = DEFAULT_SCENE.steps;
  await expect.poll(() => cursor(page)).toBeGreaterThan(steps * 0.7);
  // A tap sets the step under it.
  await page.touchscreen.tap(b.x + b.width * 0.25, y);
  await expect.poll(() => cursor(page)).toBeLessThan(steps * 0.4);
  await context.close();
});

test('the chart slider steps one at a time from the keyboard', async ({ page }) => {
  await open(page);
  const scrub = lossChart(page).getByRole('slider');
  await scrub.focus();
  await page.keyboard.press('Home');
  expect(await cursor(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  // The app also binds → to "step"; the focused chart must take it alone (one step, not two).
  expect(await cursor(page)).toBe(1);
  // PageUp/PageDown are a clicker's: one step of playback, as everywhere on the page.
  await page.keyboard.press('PageDown');
  expect(await cursor(page)).toBe(2);
  await page.keyboard.press('PageUp');
  expect(await cursor(page)).toBe(1);
  await page.keyboard.press('End');
  expect(await cursor(page)).toBe(DEFAULT_SCENE.steps);
});

test('a diverging optimizer ends in a marker that names its last finite step', async ({ page }) => {
  const scene: Scene = {
    ...DEFAULT_SCENE,
    optimizers: [
      { type: 'sgd', lr: 0.1, label: 'Calm' },
      // y ← y − 100·2y = −199y: the loss overflows within a hundred steps.
      { type: 'sgd', lr: 100, label: 'Reckless' },
    ],
  };
  await open(page, scene);
  const runs = await page.evaluate(() => window.__descent!.trajectories());
  expect(runs[1]!.diverged).toBe(true);
  expect(runs[0]!.diverged).toBe(false);
  const lastFinite = runs[1]!.length - 1;
  const marker = lossChart(page).locator('.descent-chart__diverged');
  await expect(marker).toHaveCount(1);
  await expect(marker).toContainText(`diverged at step ${lastFinite}`);
  await expect(marker).toBeVisible();
  // The calm run keeps a readable axis: its line is not squashed to the bottom edge.
  const calm = lossChart(page).locator('path.descent-chart__line').first();
  const calmBox = (await calm.boundingBox())!;
  expect(calmBox.height).toBeGreaterThan(40);
});

test('a surface that goes negative gets a symmetric log axis and no distance chart', async ({
  page,
}) => {
  const scene: Scene = { ...DEFAULT_SCENE, surface: { id: 'saddle' }, start: [-2, 0.5], steps: 40 };
  await open(page, scene);
  await expect(lossChart(page).locator('figcaption')).toContainText('symmetric log');
  await expect(
    lossChart(page).locator('text.descent-chart__tick[text-anchor="end"]', { hasText: /^0$/ }),
  ).toHaveCount(1);
  // The saddle has no minimum, so there is nothing to measure a distance to.
  await expect(distanceChart(page)).toHaveCount(0);
});
