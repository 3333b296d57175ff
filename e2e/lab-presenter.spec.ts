/**
 * Issue 10, the teacher: the lab's presenter mode is one screen a room can read. At 1280×720 and
 * 1920×1080 the network, its gradient bars, the decision boundary, the loss chart and the Train
 * button are all on screen without scrolling, and the type grows with the screen.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForLabSnapshot } from './fixtures/lab';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function openPresenting(page: Page, width: number, height: number, depth = 6): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto(`./?page=lab&present=1${depth === 6 ? '' : `&lab=depth:${depth}`}`);
  await waitForLabSnapshot(page, depth === 6 ? '' : `depth:${depth}`);
  await expect(page.getByTestId('stop-presenting')).toBeVisible();
}

/** The status line's type size, which the lab's text follows. */
const statusFont = (page: Page): Promise<number> =>
  page
    .locator('[data-slot="a"] .lab-status')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

const disjoint = (a: Box, b: Box): boolean =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

for (const [width, height, depth] of [
  [1280, 720, 6],
  [1920, 1080, 6],
  // A deep net's bars pushed the boundary and loss below 720 px from depth 10.
  [1280, 720, 20],
] as const) {
  test(`at ${width}×${height}, depth ${depth}, the network and its training fit the screen`, async ({
    page,
  }) => {
    await openPresenting(page, width, height, depth);
    const slot = page.locator('[data-slot="a"]');
    const figure = {
      diagram: slot.locator('.lab-diagram'),
      bars: slot.getByRole('list', { name: 'Gradient norm per layer' }),
      boundary: slot.locator('.lab-boundary'),
      loss: slot.locator('.lab-loss'),
      train: page.getByRole('button', { name: 'Train', exact: true }),
    };
    for (const [name, locator] of Object.entries(figure)) {
      const box = (await locator.boundingBox())!;
      expect(box, name).not.toBeNull();
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(width);
      expect(box.y + box.height, name).toBeLessThanOrEqual(height);
    }
    // Nothing runs off to the side.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    // The colour legend's words and its bar do not overlap, at the projector's type size.
    const legend = slot.locator('.lab-diagram-legend > span');
    await expect(legend).toHaveCount(3);
    const [small, bar, large] = await Promise.all(
      [0, 1, 2].map(async (i) => (await legend.nth(i).boundingBox())!),
    );
    expect(disjoint(small!, bar!) && disjoint(bar!, large!)).toBe(true);
  });
}

test('the lab’s type grows with the screen in presenter mode, and not outside it', async ({
  page,
}) => {
  await openPresenting(page, 1280, 720);
  const hd = await statusFont(page);
  // A room reads it: at least the visualizer's 20 px presenter type at 720p.
  expect(hd).toBeGreaterThanOrEqual(20);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => statusFont(page)).toBeGreaterThan(hd * 1.15);
  await page.getByTestId('stop-presenting').click();
  await expect.poll(() => statusFont(page)).toBeLessThan(hd);
});
