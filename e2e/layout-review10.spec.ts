/**
 * Review of issue 10, defect 17 (minor layout): the colour bar's names keep apart at 320 px, the
 * critical-lr note stays out from under the lr input, and a start outside f's domain keeps its
 * marker in sight beside the message about it.
 */
import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

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

for (const width of [320, 390, 1280]) {
  test(`at ${width} px the colour bar's names keep a gap between them and stay on the bar`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 720 });
    const app = new Visualizer(page);
    await app.open('?scene=f:quadratic;p:-4,2;n:100;o:sgd,lr=0.1;o:adam,lr=0.1&view=t:0');
    const labels = page.locator('.map-panel .legend-labels span');
    await expect(labels.first()).toBeVisible();
    const found = await boxes(labels);
    // Two names at least, so the key still reads low → high.
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < found.length; i++)
      expect(found[i]!.x - (found[i - 1]!.x + found[i - 1]!.width), `gap ${i}`).toBeGreaterThan(3);
    const panel = (await page.locator('.map-panel').boundingBox())!;
    for (const box of found) {
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
  });
}

test('the critical-lr note stays out from under the lr input (Rosenbrock, lr 0.01)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  await app.open('?scene=f:rosenbrock;p:-1.5,2;n:200;o:sgd,lr=0.01,label=SGD&view=t:120');
  const row = await app.expand(0);
  const note = row.getByTestId('critical-lr');
  await expect(note).toContainText('0.000956');
  const input = (await row.getByTestId('field-lr').boundingBox())!;
  const text = (await note.boundingBox())!;
  expect(overlap(text, input)).toBe(false);
  // The note and the slider share their column: the note is not cut off at its edge either.
  const slider = (await row.getByTestId('slider-lr').boundingBox())!;
  expect(text.x + text.width).toBeLessThanOrEqual(input.x);
  expect(text.y).toBeGreaterThanOrEqual(slider.y + slider.height - 1);
});

for (const start of ['-1,1', '-1,-3', '-4,0'])
  test(`a start outside f's domain (${start}) keeps its marker in sight beside the message`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Visualizer(page);
    await app.open(`?scene=e:log(x)%2By%5E2;p:${start};n:100;o:sgd,lr=0.1,label=SGD`);
    const message = page.getByTestId('map-start-outside');
    await expect(message).toBeVisible();
    const marker = page.locator('[data-start-handle] circle[r="7"]');
    const box = (await marker.boundingBox())!;
    expect(overlap(box, (await message.boundingBox())!)).toBe(false);
    // Nothing else covers it either: the topmost element at its centre is the marker.
    const top = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-start-handle]') !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(top).toBe(true);
  });

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
])
  test(`at ${viewport.width}×${viewport.height} the Embed dialog fits the screen without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new Visualizer(page);
    // The first visit's scene (three optimizers), as the reviewer had it.
    await app.open();
    await page.getByTestId('embed-button').click();
    const dialog = page.getByTestId('embed-dialog');
    await expect(dialog).toBeVisible();
    const preview = dialog.locator('iframe');
    await expect(preview).toBeVisible();
    // Once the preview has its suggested height, nothing in the dialog is below its bottom edge.
    await expect
      .poll(() => dialog.evaluate((d) => d.scrollHeight - d.clientHeight))
      .toBeLessThanOrEqual(0);
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    const frame = (await preview.boundingBox())!;
    expect(frame.y + frame.height).toBeLessThanOrEqual(box.y + box.height);
  });

test('a run that explodes without overflowing leaves the top of the loss chart, not rescales it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  // SGD at lr 1.2 on x²/10 + y²: |1 − 2·1.2| = 1.4 a step, 1e29 after 100 steps, still finite.
  await app.open(
    '?scene=f:quadratic;p:-4,2;n:100;o:sgd,lr=1.2,label=Wild;o:adam,lr=0.1,label=Calm&view=t:100',
  );
  const [wild] = await app.trajectories();
  expect(wild!.diverged).toBe(false);
  const chart = page.locator('figure.descent-chart').first();
  await expect(chart).toContainText('Loss');
  // The y ticks (right-aligned left of the plot) read powers of ten: none above 10⁴, the start
  // loss (5.6) with three decades of headroom, against 10²⁹ when the wild run set the axis.
  const ticks = await chart.locator('.descent-chart__tick[text-anchor="end"]').allTextContents();
  const sup: Record<string, string> = {
    '⁻': '-',
    '⁰': '0',
    '¹': '1',
    '²': '2',
    '³': '3',
    '⁴': '4',
    '⁵': '5',
    '⁶': '6',
    '⁷': '7',
    '⁸': '8',
    '⁹': '9',
  };
  const exponents = ticks
    .filter((s) => s.startsWith('10'))
    .map((s) => Number(Array.from(s.slice(2), (c) => sup[c] ?? '').join('') || '1'));
  expect(exponents.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...exponents)).toBeLessThanOrEqual(4);
});

// The controls column spans the map's row and the charts' row: its height once went into the
// first row, leaving a 173 px empty band between the Analyze button and the charts at 1280×720.
for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`at ${viewport.width}×${viewport.height} the charts start right under the map's column, with no empty band`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new Visualizer(page);
    await app.open();
    // Every panel of both columns is in (the formula panel and the optimizer list load lazily).
    await expect(page.locator('.descent-formula__tabs')).toBeVisible();
    await expect(
      page.locator('.column-controls').getByRole('button', { name: 'Add', exact: true }),
    ).toBeVisible();
    const column = (await page.locator('.column-map').boundingBox())!;
    const side = (await page.locator('.column-side').boundingBox())!;
    // Under the map (the two-column layout), one grid gap (16 px) below its column.
    expect(side.x).toBeLessThan(column.x + column.width);
    expect(side.y - (column.y + column.height)).toBeGreaterThanOrEqual(0);
    expect(side.y - (column.y + column.height)).toBeLessThanOrEqual(24);
  });
}
