/**
 * The Analyze drawer talks about the map ("the ellipse on the map"): the map stays in view while
 * the drawer is read, its labels do not cover each other, and its (lr, μ) map has axes.
 */
import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

// Near Himmelblau's saddle, with the cursor a couple of steps on: two ellipses close together,
// the picture of s18-stability-labels-zoom.png.
// (lr 0.01: the cursor has moved a few pixels; one within a pixel of the start shares its ellipse.)
const SADDLE = 'f:himmelblau;p:-0.3,-0.9;n:100;o:sgd,lr=0.01,momentum=0.9,label=Momentum';
// A bowl, where momentum SGD has a convergence region to map.
const BOWL = 'f:quadratic;p:-4,2;n:100;o:sgd,lr=0.1,momentum=0.9,label=Momentum';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height} the map stays in view while the drawer is read`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new Visualizer(page);
    await app.open(`?scene=${BOWL}&view=t:3&analysis=stability`);
    await expect(page.getByTestId('momentum-map')).toBeVisible();
    // Read to the end of the drawer, as a learner following its text would.
    // (scrolled to the bottom of the screen, below a map that stays at the top).
    await page.getByTestId('momentum-status').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await expect(page.getByTestId('momentum-status')).toBeInViewport();
    const map = (await page.getByTestId('map-plot').boundingBox())!;
    const visible = Math.min(map.y + map.height, viewport.height) - Math.max(map.y, 0);
    expect(visible / map.height).toBeGreaterThanOrEqual(viewport.width < 700 ? 0.5 : 0.9);
    // What the drawer shows is not hidden under the map, and the drawer does not cover the map.
    for (const id of ['momentum-map', 'momentum-status']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      if (box.y >= 0 && box.y + box.height <= viewport.height)
        expect(overlap(box, map), id).toBe(false);
    }
    if (viewport.width > 1180) {
      const drawer = (await page.getByTestId('analysis-drawer').boundingBox())!;
      expect(overlap(drawer, map)).toBe(false);
      expect(drawer.y + drawer.height).toBeLessThanOrEqual(viewport.height);
      // Over the side column it covers the whole of it from the top: no chart is left half
      // covered above a drawer sized to its text (1920 × 1080 showed half the loss chart).
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(drawer.y).toBeLessThanOrEqual(header.y + header.height + 16);
    }
  });
}

test('opening Analyze from below the map brings back the whole map, header too when both fit', async ({
  page,
}) => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    const app = new Visualizer(page);
    await app.open(`?scene=${BOWL}`);
    // The button sits under the playback bar: a reader scrolls down to it, then presses it.
    const button = page.getByRole('button', { name: 'Analyze' });
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await button.click();
    await expect(page.getByTestId('analysis-drawer')).toBeVisible();
    const map = page.getByTestId('map');
    await expect(map).toBeInViewport({ ratio: 1 });
    // The header fits above this map: the page goes back to its top, not 64 px short of it.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.locator('.app-header')).toBeInViewport({ ratio: 1 });
  }
});

test('the eigenvalue labels keep off the buttons over the map’s corners', async ({ page }) => {
  // The default scene starts at (-4, 2), in the 3-D button's corner: its λmax label went under it.
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  await app.open('?analysis=stability');
  const labels = page.locator('.stability-label');
  await expect(labels).toHaveCount(2);
  const buttons = await boxes(page.locator('[data-testid="view3d-toggle"], .map-zoom'));
  expect(buttons).toHaveLength(2);
  await expect
    .poll(async () => {
      const found = await boxes(labels);
      return found.filter((l) => buttons.some((b) => overlap(l, b))).length;
    })
    .toBe(0);
});

test('the eigenvalue labels of both ellipses do not cover each other', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${SADDLE}&view=t:2&analysis=stability`);
  const labels = page.locator('.stability-label');
  await expect(labels).toHaveCount(4);
  const found = await boxes(labels);
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      expect(overlap(found[i]!, found[j]!), `labels ${i} and ${j}`).toBe(false);
    }
  }
});

test('the (lr, momentum) map has labelled axes that stay off the plot', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${BOWL}&analysis=stability`);
  const axes = page.getByTestId('momentum-axes');
  await expect(axes).toBeVisible();
  await expect(axes).toContainText('learning rate');
  await expect(axes).toContainText('μ');
  const ticks = axes.locator('text');
  expect(await ticks.count()).toBeGreaterThanOrEqual(5);
  const plot = (await page.locator('.momentum-plot').boundingBox())!;
  for (const box of await boxes(ticks)) expect(overlap(box, plot)).toBe(false);
});
