/**
 * Issue 14, "the optimizer's hidden state on the map": a learner turns the glyphs on in the
 * optimizer rows (by mouse and by keyboard), scrubs to a step, and sees each glyph drawn at that
 * step's point; the switch survives a reload through the URL.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

const K = 40;

/** Numbers of an SVG element's attributes. */
async function attrs<const N extends readonly string[]>(
  el: Locator,
  names: N,
): Promise<{ [K in keyof N]: number }> {
  const values = await Promise.all(names.map(async (n) => Number(await el.getAttribute(n))));
  return values as { [K in keyof N]: number };
}

/** Page position of optimizer `index`'s point `k` and of point `k + 1`. */
async function stepOnScreen(app: Visualizer, index: number, k: number) {
  const t = (await app.trajectories())[index]!;
  const [x0, y0] = t.points[k]!;
  const [x1, y1] = t.points[k + 1]!;
  return { from: await app.screenOf(x0, y0), to: await app.screenOf(x1, y1) };
}

async function plotOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map-plot').boundingBox();
  return { x: box!.x, y: box!.y };
}

test.describe('hidden-state glyphs', () => {
  test('Adam’s step box and heavy-ball momentum are drawn at the scrubbed step, and stay on after a reload', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    const names = await page
      .locator('.name-input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(['SGD', 'Momentum', 'Adam']);
    const scene = await app.scene();
    expect(scene.optimizers[1]).toMatchObject({ type: 'sgd' });
    expect(scene.optimizers[1]!.momentum).toBeGreaterThan(0);

    // The switch sits in the optimizer's editor. Adam by mouse; Momentum by keyboard only (Enter
    // opens its row, Tab reaches the switch, Space checks it).
    await app.expand(2);
    const adamToggle = page.getByTestId('glyph-toggle-2');
    await adamToggle.check();
    await expect(adamToggle).toBeChecked();
    await app.optimizerRow(1).locator('button.expand').focus();
    await page.keyboard.press('Enter');
    const momentumToggle = page.getByTestId('glyph-toggle-1');
    await expect(momentumToggle).toBeVisible();
    await page.keyboard.press('Tab'); // the row's remove button
    await page.keyboard.press('Tab');
    await expect(momentumToggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(momentumToggle).toBeChecked();

    await page.getByTestId('scrub').fill(String(K));
    expect(await app.cursor()).toBe(K);
    await expect(page.getByTestId('glyphs-2')).toHaveAttribute('data-k', String(K));
    await expect(page.getByTestId('glyphs-1')).toHaveAttribute('data-k', String(K));
    await expect(page.getByTestId('glyphs-0')).toHaveCount(0);

    const check = async (p: Page, a: Visualizer) => {
      const plot = await plotOrigin(p);
      // Adam (no weight decay): the box spans point k to point k + (its step, magnified by the
      // factor shown), so its corners sit on the step's ends.
      const adam = p.getByTestId('glyphs-2');
      const adamStep = await stepOnScreen(a, 2, K);
      const f2 = Number(await adam.getAttribute('data-factor'));
      const [x, y, w, h] = await attrs(adam.locator('[data-glyph="box"]'), [
        'x',
        'y',
        'width',
        'height',
      ]);
      const far = {
        x: adamStep.from.x + f2 * (adamStep.to.x - adamStep.from.x),
        y: adamStep.from.y + f2 * (adamStep.to.y - adamStep.from.y),
      };
      expect(w).toBeGreaterThan(2);
      expect(h).toBeGreaterThan(2);
      expect(plot.x + x).toBeCloseTo(Math.min(adamStep.from.x, far.x), 0);
      expect(plot.x + x + w).toBeCloseTo(Math.max(adamStep.from.x, far.x), 0);
      expect(plot.y + y).toBeCloseTo(Math.min(adamStep.from.y, far.y), 0);
      expect(plot.y + y + h).toBeCloseTo(Math.max(adamStep.from.y, far.y), 0);
      await expect(adam.locator('[data-glyph="momentum"]')).toHaveCount(1);
      await expect(adam.locator('[data-glyph="gradient"]')).toHaveCount(1);

      // Heavy-ball momentum: the step is −η b, so the momentum arrow runs along it.
      const mom = p.getByTestId('glyphs-1');
      const momStep = await stepOnScreen(a, 1, K);
      const f1 = Number(await mom.getAttribute('data-factor'));
      const [x1, y1, x2, y2] = await attrs(mom.locator('[data-glyph="momentum"]'), [
        'x1',
        'y1',
        'x2',
        'y2',
      ]);
      expect(plot.x + x1).toBeCloseTo(momStep.from.x, 0);
      expect(plot.y + y1).toBeCloseTo(momStep.from.y, 0);
      expect(plot.x + x2).toBeCloseTo(momStep.from.x + f1 * (momStep.to.x - momStep.from.x), 0);
      expect(plot.y + y2).toBeCloseTo(momStep.from.y + f1 * (momStep.to.y - momStep.from.y), 0);
      expect(Math.hypot(x2 - x1, y2 - y1)).toBeGreaterThan(10);
      await expect(mom.locator('[data-glyph="box"]')).toHaveCount(0);
    };
    await check(page, app);
    await page.screenshot({ path: 'test-results/glyphs-adam-momentum.png' });

    // The switch is view state: it reaches the address bar, and a reload keeps it.
    await expect
      .poll(() => decodeURIComponent(new URL(page.url()).searchParams.get('view') ?? ''))
      .toContain('h:1,2');
    await page.reload();
    await app.waitForPaint(0);
    await expect(page.getByTestId('glyph-toggle-1')).toBeChecked();
    await app.expand(2);
    await expect(page.getByTestId('glyph-toggle-2')).toBeChecked();
    await expect(page.getByTestId('glyphs-2')).toHaveAttribute('data-k', String(K));
    await check(page, app);

    // Off again: its glyphs leave the map.
    await page.getByTestId('glyph-toggle-2').uncheck();
    await expect(page.getByTestId('glyphs-2')).toHaveCount(0);
    await expect(page.getByTestId('glyphs-1')).toHaveCount(1);

    // Removing the row above keeps the glyphs with Momentum, now the first optimizer.
    await app.repaintAfter(() => app.optimizerRow(0).locator('button.remove').click());
    await expect(page.getByTestId('glyphs-0').locator('[data-glyph="momentum"]')).toHaveCount(1);
    await expect(page.getByTestId('glyphs-1')).toHaveCount(0);
  });

  test('NAG’s look-ahead and L-BFGS’s search direction add up to the steps they take', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    for (const preset of ['nag', 'lbfgs']) {
      await page.locator('.add-row select').selectOption(preset);
      await app.repaintAfter(() => page.getByTestId('add-optimizer').click());
    }
    const k = 3;
    await page.getByTestId('scrub').fill(String(k));
    for (const index of [3, 4]) {
      await app.expand(index);
      await page.getByTestId(`glyph-toggle-${index}`).check();
      await expect(page.getByTestId(`glyphs-${index}`)).toHaveAttribute('data-k', String(k));
    }
    const plot = await plotOrigin(page);
    const line = async (index: number, kind: string) => {
      const [x1, y1, x2, y2] = await attrs(
        page.getByTestId(`glyphs-${index}`).locator(`line[data-glyph="${kind}"]`),
        ['x1', 'y1', 'x2', 'y2'] as const,
      );
      return { x1: plot.x + x1, y1: plot.y + y1, x2: plot.x + x2, y2: plot.y + y2 };
    };

    // NAG: point k + look-ahead −ημb + gradient −ηg = point k + 1 (all magnified alike).
    const nag = await stepOnScreen(app, 3, k);
    const f3 = Number(await page.getByTestId('glyphs-3').getAttribute('data-factor'));
    const ahead = await line(3, 'momentum');
    const grad = await line(3, 'gradient');
    expect(ahead.x1).toBeCloseTo(nag.from.x, 0);
    expect(ahead.y1).toBeCloseTo(nag.from.y, 0);
    await expect(page.getByTestId('glyphs-3').locator('[data-glyph="lookahead"]')).toHaveCount(1);
    const sumX = ahead.x2 - ahead.x1 + (grad.x2 - grad.x1);
    const sumY = ahead.y2 - ahead.y1 + (grad.y2 - grad.y1);
    expect(sumX).toBeCloseTo(f3 * (nag.to.x - nag.from.x), 0);
    expect(sumY).toBeCloseTo(f3 * (nag.to.y - nag.from.y), 0);

    // L-BFGS: its last search step α·d ends at point k + 1 (scaled from where it started).
    const lbfgs = await stepOnScreen(app, 4, k);
    const f4 = Number(await page.getByTestId('glyphs-4').getAttribute('data-factor'));
    const search = await line(4, 'search');
    expect(search.x2 - search.x1).toBeCloseTo(f4 * (lbfgs.to.x - search.x1), 0);
    expect(search.y2 - search.y1).toBeCloseTo(f4 * (lbfgs.to.y - search.y1), 0);
    expect(Math.hypot(search.x2 - search.x1, search.y2 - search.y1)).toBeGreaterThan(5);
  });

  test('presenter mode draws the glyphs with thicker lines', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open('?view=h:2;t:20');
    const line = page.getByTestId('glyphs-2').locator('[data-glyph="momentum"]');
    const normal = Number(await line.getAttribute('stroke-width'));
    expect(normal).toBeGreaterThan(0);
    await app.open('?view=h:2;t:20&present=1');
    await expect
      .poll(async () => Number(await line.getAttribute('stroke-width')))
      .toBeGreaterThan(normal * 1.5);
  });
});

test.describe('glyph labels on a projector', () => {
  /** Page boxes of every glyph label, and the map plot's box. */
  async function labelBoxes(page: Page) {
    const labels = page.locator('.map-glyphs text[data-glyph-label]');
    await expect(labels.first()).toBeVisible();
    const boxes = await labels.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: e.textContent };
      }),
    );
    const plot = (await page.getByTestId('map-plot').boundingBox())!;
    const buttons = await page
      .getByTestId('map')
      .locator('button')
      .evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return {
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
            text: e.textContent,
          };
        }),
      );
    const font = await labels
      .first()
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    const axisFont = await page
      .locator('.map-axes text')
      .first()
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    return { boxes, plot, font, axisFont, buttons };
  }

  type Rect = { left: number; top: number; right: number; bottom: number; text: string | null };
  function expectInside(
    boxes: Rect[],
    plot: { x: number; y: number; width: number; height: number },
    buttons: Rect[],
  ): void {
    for (const b of boxes) {
      expect.soft(b.left, `${b.text} left`).toBeGreaterThanOrEqual(plot.x - 0.5);
      expect.soft(b.top, `${b.text} top`).toBeGreaterThanOrEqual(plot.y - 0.5);
      expect.soft(b.right, `${b.text} right`).toBeLessThanOrEqual(plot.x + plot.width + 0.5);
      expect.soft(b.bottom, `${b.text} bottom`).toBeLessThanOrEqual(plot.y + plot.height + 0.5);
    }
    // Nor do two labels cover each other, or a label the map's buttons (zoom, 3-D).
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length + buttons.length; j++) {
        const a = boxes[i]!;
        const b = j < boxes.length ? boxes[j]! : buttons[j - boxes.length]!;
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        expect.soft(overlap, `${a.text} over ${b.text}`).toBe(false);
      }
  }

  // A start in the map's top-right corner: the labels at the point would run off two edges.
  const CORNER =
    '?scene=f:quadratic;p:4.9,2.9;n:30;o:adam,lr=0.03;o:sgd,lr=0.01,momentum=0.9&view=h:0,1;t:2';

  test('labels stay inside the map at its edges, at 1280×720 and in presenter mode at 1920×1080, and grow with the screen', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Visualizer(page);
    await app.open(CORNER);
    await expect(page.getByTestId('glyphs-0')).toHaveAttribute('data-k', '2');
    const normal = await labelBoxes(page);
    // Adam's gradient, m̂ and box, Momentum's gradient and buffer, and a magnification note.
    expect(normal.boxes.length).toBeGreaterThanOrEqual(5);
    expectInside(normal.boxes, normal.plot, normal.buttons);
    // The magnification is said in words.
    await expect(page.locator('.map-glyphs')).toContainText(/drawn \d+× larger than the real step/);
    await page.screenshot({ path: 'test-results/glyph-labels-1280.png' });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open(`${CORNER}&present=1`);
    await expect(page.getByTestId('glyphs-0')).toHaveAttribute('data-k', '2');
    const shown = await labelBoxes(page);
    expectInside(shown.boxes, shown.plot, shown.buttons);
    // As large as the figure's other labels (the axes'), which presenter mode scales: about
    // twice the desk size on a 1080p projector.
    expect(shown.font).toBeCloseTo(shown.axisFont, 0);
    expect(shown.font).toBeGreaterThanOrEqual(1.8 * normal.font);
    await page.screenshot({ path: 'test-results/glyph-labels-present-1080.png' });
  });

  test('the magnification note speaks 简体 and 繁體', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`${CORNER}&lang=zh-CN`);
    await expect(page.locator('.map-glyphs')).toContainText(/按实际步长放大 \d+ 倍画出/);
    await app.open(`${CORNER}&lang=zh-TW`);
    await expect(page.locator('.map-glyphs')).toContainText(/按實際步長放大 \d+ 倍畫出/);
  });
});
