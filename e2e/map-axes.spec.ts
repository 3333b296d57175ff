/**
 * Issue 10 review: in a short map the top y tick label ran into the axis name "y" ("200" over it).
 * Whatever the map's size and the ticks' widths, no tick label overlaps an axis name; a tick
 * label gives way only where it would.
 */
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { openHost } from './fixtures/embedHost';
import { Visualizer } from './fixtures/visualizer';

const SCENE = 'f:quadratic;p:-4,2;n:100;o:sgd,lr=0.1';

interface AxisText {
  text: string;
  name: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

const axisTexts = (where: Page | Frame): Promise<AxisText[]> =>
  where.evaluate(() =>
    Array.from(document.querySelectorAll('.map-axes text')).map((el) => {
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        name: el.classList.contains('axis-name'),
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
      };
    }),
  );

/**
 * Whether two labels' ink overlaps: a text box's height includes the font's ascent and descent
 * (a digit over an "x" right below it overlaps there, not on screen), so each box is taken
 * without its top and bottom fifth.
 */
const overlap = (a: AxisText, b: AxisText): boolean => {
  const [at, ab] = [a.y + 0.2 * a.h, a.y + 0.8 * a.h];
  const [bt, bb] = [b.y + 0.2 * b.h, b.y + 0.8 * b.h];
  return a.x < b.x + b.w && b.x < a.x + a.w && at < bb && bt < ab;
};

function expectNamesClear(texts: AxisText[]): void {
  const names = texts.filter((t) => t.name);
  expect(names.map((t) => t.text).sort()).toEqual(['x', 'y']);
  for (const name of names)
    for (const tick of texts.filter((t) => !t.name))
      expect(overlap(name, tick), `tick "${tick.text}" over the name "${name.text}"`).toBe(false);
  // Nor do tick labels run into each other ("−2−1 0 1 2" in a 60 px map).
  const ticks = texts.filter((t) => !t.name);
  for (let i = 0; i < ticks.length; i++)
    for (let j = i + 1; j < ticks.length; j++)
      expect(overlap(ticks[i]!, ticks[j]!), `"${ticks[i]!.text}" and "${ticks[j]!.text}"`).toBe(
        false,
      );
}

for (const [w, h, domain, sliders] of [
  [320, 240, '-5,5,-250,250', ''],
  [320, 240, '-5,5,-3.5,3.5', ''],
  [400, 260, '-5,5,-1e5,1e5', ''],
  // Four sliders leave a map about 70 px wide: its x labels ran together.
  [480, 260, '-2,2,-1,3', ',lr:0,momentum:0,dampening:0,weight_decay:0'],
] as const) {
  test(`a ${w}×${h} embed${sliders ? ' with sliders' : ''} with y in [${domain.split(',').slice(2).join(', ')}]: no tick label over an axis name`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(
      page,
      `./?embed=1&controls=play${sliders}&scene=${SCENE}&view=d:${domain}`,
      {
        w,
        h,
      },
    );
    const texts = await axisTexts(frame);
    expectNamesClear(texts);
    // The axis still has numbers: at most the top one gave way.
    const yAxis = frame.locator('.map-axes g:nth-of-type(2)');
    const ticks = await yAxis.locator(':scope > g').count();
    expect(await yAxis.locator(':scope > g:has(text)').count()).toBeGreaterThanOrEqual(ticks - 1);
  });
}

test('the full app keeps every y tick label where nothing collides', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${SCENE}&view=d:-5,5,-250,250`);
  const texts = await axisTexts(page);
  expectNamesClear(texts);
  const yAxis = page.locator('.map-axes').first().locator('g:nth-of-type(2)');
  const ticks = await yAxis.locator(':scope > g').count();
  expect(ticks).toBeGreaterThan(2);
  expect(await yAxis.locator(':scope > g:has(text)').count()).toBe(ticks);
});
