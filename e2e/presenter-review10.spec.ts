/**
 * Review of issue 10, defect 15: Esc leaves presenter mode (optimizers view, a lesson, the lab),
 * and on a 4K screen at DPR 1 the transport buttons, the lines and the map's markers grow with
 * the screen as the labels do.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { Visualizer, dragSlider } from './fixtures/visualizer';

const TWO = 'scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1;o:adam,lr=0.1&view=t:0';

const presentParam = (page: Page): string | null => new URL(page.url()).searchParams.get('present');

test.describe('Esc leaves presenter mode', () => {
  test('in the optimizers view', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`?${TWO}&present=1`);
    await expect(page.getByTestId('presenter')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter')).toBeHidden();
    await expect(page.locator('header.app-header')).toBeVisible();
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    expect(presentParam(page)).toBeNull();
  });

  test('in a lesson, after the teacher dragged its slider', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=lr-too-large&present=1');
    const slider = page.getByTestId('present-lr-1');
    await app.repaintAfter(() => dragSlider(page, slider, 0.6));
    await expect(slider).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter')).toBeHidden();
    expect(presentParam(page)).toBeNull();
    // The lesson itself stays open: Esc left presenting, not the lesson.
    expect(new URL(page.url()).searchParams.get('lesson')).toBe('lr-too-large');
  });

  test('in the lab', async ({ page }) => {
    await page.goto('/?page=lab&present=1');
    await expect(page.getByTestId('stop-presenting')).toBeVisible();
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await expect(page.getByTestId('present')).toBeVisible();
    expect(presentParam(page)).toBeNull();
  });

  test('with the shortcuts dialog open, Esc closes the dialog first', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`?${TWO}&present=1`);
    await page.keyboard.press('?');
    const dialog = page.locator('.shortcuts-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('leave presenter mode');
    // Only Esc's row says so; the dialog's own button still just closes it.
    await expect(dialog.getByRole('button')).toHaveText('Close this dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('presenter')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter')).toBeHidden();
  });
});

/** What a room sees of the presenter's figure at one screen size. */
async function measure(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  const app = new Visualizer(page);
  await app.open('?lesson=lr-too-large&present=1');
  await expect(page.getByTestId('presenter')).toBeVisible();
  const box = async (locator: Locator) => (await locator.first().boundingBox())!;
  const font = await page
    .locator('.map-axes text')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const play = await box(page.locator('.presenter .playback-buttons .play'));
  const icon = await box(page.locator('.presenter .playback-buttons .play svg'));
  const start = await box(page.locator('[data-start-handle] circle[r="7"]'));
  const minimum = await box(page.locator('.minima .map-mark'));
  const zoom = await box(page.locator('.map-zoom button'));
  // The width the trajectory canvas strokes its lines with (what drawTrajectories multiplies).
  const lines = await page.evaluate(() =>
    Number(getComputedStyle(document.documentElement).getPropertyValue('--line-scale')),
  );
  return { font, play, icon, start, minimum, zoom, lines };
}

test('at 3840×2160 (DPR 1) buttons, lines and markers grow with the screen like the labels', async ({
  page,
}) => {
  const hd = await measure(page, 1920, 1080);
  const uhd = await measure(page, 3840, 2160);
  const labels = uhd.font / hd.font;
  expect(labels).toBeGreaterThan(1.5);
  // Each grows by the labels' factor (within 15 %), not left at its 1080p size.
  const grew = (name: string, a: number, b: number): void => {
    expect(b / a, name).toBeGreaterThan(labels * 0.85);
    expect(b / a, name).toBeLessThan(labels * 1.15);
  };
  grew('play button height', hd.play.height, uhd.play.height);
  grew('play icon', hd.icon.width, uhd.icon.width);
  grew('start marker', hd.start.width, uhd.start.width);
  grew('minimum marker', hd.minimum.width, uhd.minimum.width);
  grew('zoom button', hd.zoom.width, uhd.zoom.width);
  grew('line width', hd.lines, uhd.lines);
  // The transport stays on screen at 4K.
  expect(uhd.play.y + uhd.play.height).toBeLessThanOrEqual(2160);
});

test('presenter mode without a lesson gives the side column’s room to the map; its buttons are square and grow with the type', async ({
  page,
}) => {
  const app = new Visualizer(page);
  const plotShare = async (): Promise<number> =>
    page.evaluate(() => {
      const r = document.querySelector('canvas.map-heat')!.getBoundingClientRect();
      return (r.width * r.height) / (innerWidth * innerHeight);
    });
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open('?present=1');
  // The plot alone (axes, legend and colour bar excluded); it was 37.5 % with the lesson's column.
  expect(await plotShare()).toBeGreaterThan(0.42);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(plotShare).toBeGreaterThan(0.47);
  const zoom = (await page.locator('.map-zoom button').first().boundingBox())!;
  expect(Math.abs(zoom.width - zoom.height)).toBeLessThan(1);
  const play = (await page.getByTestId('play').boundingBox())!;
  expect(play.height).toBeGreaterThanOrEqual(48);
});

// Lessons whose text, question and sliders are taller than a 1280×720 screen scrolled the whole
// page (lr-decay by 119 px): the map's top left the screen. Their column scrolls instead.
for (const lesson of ['lr-decay', 'gradient-clipping', 'local-minima']) {
  test(`presenting ${lesson} at 1280×720 keeps the whole map on screen; its column scrolls to the buttons`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Visualizer(page);
    await app.open(`?lesson=${lesson}&present=1`);
    await expect(page.getByTestId('presenter')).toBeVisible();
    const stop = page.getByTestId('stop-presenting');
    await stop.scrollIntoViewIfNeeded();
    await expect(stop).toBeInViewport();
    // Reaching the last button moved nothing but the side column: the page did not scroll.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(
      await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight),
    ).toBeLessThanOrEqual(0);
    const map = (await page.getByTestId('map-plot').boundingBox())!;
    expect(map.y).toBeGreaterThanOrEqual(0);
    expect(map.y + map.height).toBeLessThanOrEqual(720);
  });
}

test('presenting at 1280×720, the paths’ key and the colour key share one row, leaving the map the height', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  await app.open('?lesson=gradient-clipping&present=1');
  await expect(page.getByTestId('presenter')).toBeVisible();
  const key = (await page.locator('.map-legends .map-key').boundingBox())!;
  const colours = (await page.locator('.map-legends .legend').boundingBox())!;
  // One row: the colour key starts right of the paths' key, not under it.
  expect(colours.x).toBeGreaterThanOrEqual(key.x + key.width);
  expect(colours.y).toBeLessThan(key.y + key.height);
  // Its tick labels still do not run together at the projector's type size.
  const ticks = await page
    .locator('.map-legends .legend-labels span')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
  expect(ticks.length).toBeGreaterThan(2);
  for (let i = 1; i < ticks.length; i++)
    expect(ticks[i]!.left).toBeGreaterThan(ticks[i - 1]!.right);
  const map = (await page.getByTestId('map-plot').boundingBox())!;
  expect(map.y + map.height).toBeLessThanOrEqual(720);
});
