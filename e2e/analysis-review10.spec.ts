/**
 * Review of issue 10, defects 10 and 11: the Analyze drawer opened from its button (below the
 * fold at 1280×720) leaves the map it talks about in view, and the stability view's eigenvalue
 * labels are drawn once each, subscripted, off every marker and each other, inside the plot.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

const BOWL =
  'f:quadratic;p:-4,2;n:100;o:sgd,lr=0.1,label=SGD;o:sgd,lr=0.1,momentum=0.9,label=Momentum';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box): boolean =>
  a.x >= outer.x - 0.5 &&
  a.y >= outer.y - 0.5 &&
  a.x + a.width <= outer.x + outer.width + 0.5 &&
  a.y + a.height <= outer.y + outer.height + 0.5;

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height}, opening Analyze from its button keeps the map in view`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new Visualizer(page);
    await app.open(`?scene=${BOWL}&view=t:0`);
    // The button sits under the playback bar: the reader scrolls down to it and clicks.
    const button = page.getByTestId('analyze-toggle');
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const drawer = page.getByTestId('analysis-drawer');
    await drawer.getByRole('tab', { name: 'Stability' }).click();
    await expect(page.getByTestId('stability-ellipses')).toBeAttached();
    const map = page.getByTestId('map-plot');
    // The whole plot is on screen (the drawer's text says "the ellipses on the map").
    await expect
      .poll(async () => {
        const box = (await map.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= viewport.height;
      })
      .toBe(true);
    const plot = (await map.boundingBox())!;
    const screen = { x: 0, y: 0, ...viewport };
    // The drawer's heading and tabs are on screen too, and nothing of the drawer covers the map.
    const tabs = (await drawer.getByRole('tablist').boundingBox())!;
    expect(inside(tabs, screen)).toBe(true);
    expect(overlap(tabs, plot)).toBe(false);
    if (viewport.width > 1180) {
      const box = (await drawer.boundingBox())!;
      expect(overlap(box, plot)).toBe(false);
      expect(inside(box, screen)).toBe(true);
    }
  });
}

/** Screen boxes of the start handle and of each shown optimizer's current marker. */
async function markers(page: Page): Promise<Box[]> {
  const plot = (await page.getByTestId('map-plot').boundingBox())!;
  const { domain, cursor, paths } = await page.evaluate(() => ({
    domain: window.__descent!.domain(),
    cursor: window.__descent!.cursor(),
    paths: window.__descent!.trajectories(),
  }));
  const toScreen = ([x, y]: [number, number]): [number, number] => [
    plot.x + ((x - domain.x[0]) / (domain.x[1] - domain.x[0])) * plot.width,
    plot.y + ((domain.y[1] - y) / (domain.y[1] - domain.y[0])) * plot.height,
  ];
  const boxes = paths
    .filter((p) => !p.hidden && p.length > 0)
    .map((p) => {
      const [x, y] = toScreen(p.points[Math.min(cursor, p.length - 1)]!);
      return { x: x - 6, y: y - 6, width: 12, height: 12 };
    });
  const start = (await page.locator('[data-start-handle] circle[r="7"]').boundingBox())!;
  return [start, ...boxes];
}

for (const [name, query, ellipses] of [
  ['at step 0, where the start and the current step coincide', `${BOWL}&view=t:0`, 1],
  [
    'near a saddle a few steps on (two ellipses side by side)',
    'f:himmelblau;p:-0.3,-0.9;n:100;o:sgd,lr=0.01,label=SGD&view=t:2',
    2,
  ],
  ['with the start in the map’s corner', 'f:quadratic;p:-4.9,2.9;n:100;o:sgd,lr=0.1&view=t:0', 1],
] as const) {
  test(`stability labels ${name}: once each, subscripted, clear of markers and each other, inside the plot`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Visualizer(page);
    await app.open(`?scene=${query}&analysis=stability`);
    const layer = page.getByTestId('stability-ellipses');
    await expect(layer.locator('.stability-ellipse')).toHaveCount(ellipses);
    const labels = layer.locator('.stability-label');
    await expect(labels).toHaveCount(2 * ellipses);
    const texts = await labels.allTextContents();
    // λ_min and λ_max of each ellipse, and no label drawn twice over another.
    expect(texts.filter((s) => s.startsWith('λmin'))).toHaveLength(ellipses);
    expect(texts.filter((s) => s.startsWith('λmax'))).toHaveLength(ellipses);
    // The subscript is set lower and smaller than the λ it follows, not an ASCII "_max".
    expect(texts.join(' ')).not.toContain('_');
    const sub = await labels.first().evaluate((text) => {
      const span = text.querySelector('tspan')!.getBoundingClientRect();
      const whole = text.getBoundingClientRect();
      return {
        spanBottom: span.bottom,
        spanHeight: span.height,
        whole: whole.bottom,
        h: whole.height,
      };
    });
    expect(sub.spanHeight).toBeLessThan(sub.h);
    expect(sub.spanBottom).toBeGreaterThanOrEqual(sub.whole - 0.5);

    const plot = (await page.getByTestId('map-plot').boundingBox())!;
    const boxes = await labels.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
      }),
    );
    const marks = await markers(page);
    for (const [i, box] of boxes.entries()) {
      expect(inside(box, plot), `${box.text} inside the plot`).toBe(true);
      for (const mark of marks) expect(overlap(box, mark), `${box.text} over a marker`).toBe(false);
      for (const other of boxes.slice(i + 1))
        expect(overlap(box, other), `${box.text} / ${other.text}`).toBe(false);
    }
  });
}
