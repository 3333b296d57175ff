/**
 * Issue 10 (found by a fresh review): the Analyze drawer fits its room at every width. No tab's
 * content is wider than the drawer or the page (the stability table was cut at 1280×720 and made
 * the whole page scroll sideways at 390×844), and the stability tab's (lr, μ) map grows with the
 * drawer, its tick labels clear of each other (1.00·10⁻⁶, 1.00·10⁻⁵… collided at 218×144 px).
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

// The reviewer's scene: momentum SGD (which has a map) and Adam, on Rosenbrock's valley.
const SCENE = 'f:rosenbrock;p:-1.5,2;n:200;o:sgd,lr=0.001,momentum=0.9;o:adam,lr=0.05';

type Box = { x: number; y: number; width: number; height: number; text: string };
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Each tab and what shows once its content is there.
const TABS: [string, string][] = [
  ['race', 'race-table'],
  ['sweep', 'sweep-plot'],
  ['stability', 'momentum-map'],
  ['basins', 'basins-legend'],
  ['minibatch', 'mb-map'],
  ['step', 'step-view'],
];

/**
 * What sticks out sideways: the page or the drawer scrolling (scrollWidth > clientWidth), a
 * scroll box inside the drawer (a table that only fits by scrolling), or any shown element whose
 * box ends past the drawer's edges.
 */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth)
      found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    const drawer = document.querySelector<HTMLElement>('[data-testid="analysis-drawer"]')!;
    if (drawer.scrollWidth > drawer.clientWidth)
      found.push(`drawer ${drawer.scrollWidth} > ${drawer.clientWidth}`);
    const edge = drawer.getBoundingClientRect();
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').slice(0, 30)}"`;
    for (const el of drawer.querySelectorAll('*')) {
      if (el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5)
        found.push(
          `${name(el)} spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} in ${edge.left.toFixed(0)}–${edge.right.toFixed(0)}`,
        );
      if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'auto' || style.overflowX === 'scroll')
          found.push(`${name(el)} scrolls ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return found;
  });
}

async function tickBoxes(page: Page): Promise<Box[]> {
  return page
    .getByTestId('momentum-axes')
    .locator('text')
    .evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
      }),
    );
}

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height} every Analyze tab fits the drawer and the page`, async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize(viewport);
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const button = page.getByTestId('analyze-toggle');
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const drawer = page.getByTestId('analysis-drawer');
    for (const [tab, ready] of TABS) {
      await page.getByTestId(`analysis-tab-${tab}`).click();
      if (tab === 'basins') {
        // The smallest grid, so the basins are done soon on a shared runner.
        await drawer.getByLabel('Grid').selectOption('32');
        await expect(page.getByTestId(ready)).toHaveAttribute('data-done', 'true', {
          timeout: 30_000,
        });
      } else {
        await expect(page.getByTestId(ready)).toBeVisible({ timeout: 20_000 });
      }
      expect(await sideways(page), `${tab} tab`).toEqual([]);
      if (tab === 'stability') {
        const boxes = await tickBoxes(page);
        expect(boxes.length).toBeGreaterThanOrEqual(5);
        for (const [i, box] of boxes.entries())
          for (const other of boxes.slice(i + 1))
            expect(overlap(box, other), `"${box.text}" / "${other.text}"`).toBe(false);
        // Powers of ten as 10⁻⁶, not 1.00·10⁻⁶.
        expect(boxes.map((b) => b.text).join(' ')).not.toContain('1.00·');
      }
    }
  });
}

test('the (lr, μ) map grows with the drawer from 1280 to 1920 px, keeping its shape', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  await app.open(`?scene=${SCENE}&analysis=stability`);
  const plot = page.locator('.momentum-plot');
  await expect(plot).toBeVisible();
  const narrow = (await plot.boundingBox())!;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect
    .poll(async () => (await plot.boundingBox())!.width)
    .toBeGreaterThan(narrow.width + 40);
  const wide = (await plot.boundingBox())!;
  for (const box of [narrow, wide]) {
    expect(box.width / box.height).toBeGreaterThan(1.2);
    expect(box.width / box.height).toBeLessThan(2.2);
  }
});
