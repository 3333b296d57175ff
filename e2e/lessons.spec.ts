import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

const pageBackground = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test.describe('lessons and presenter mode', () => {
  test('the gallery lists lessons with previews; opening one paints its scene beside its text', async ({
    page,
  }) => {
    await page.goto('/?page=lessons');
    await expect(page.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
    const card = page.getByTestId('lesson-card-momentum-ravine');
    await expect(card.locator('svg.lesson-preview path').first()).toBeVisible();
    // A diverging path stops at the card's edge with a dot, not a block of off-picture swings:
    // every vertex of every path lies inside the picture.
    const tooLarge = page.getByTestId('lesson-card-lr-too-large').locator('svg.lesson-preview');
    await expect(tooLarge.locator('g[data-exit="left"]')).not.toHaveCount(0);
    const vertices = await tooLarge
      .locator('g > path')
      .evaluateAll((paths) =>
        paths.flatMap((p) =>
          [...(p.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
            Number(m[1]),
            Number(m[2]),
          ]),
        ),
      );
    expect(vertices.length).toBeGreaterThan(0);
    for (const [x, y] of vertices) {
      expect(x).toBeGreaterThanOrEqual(-1e-9);
      expect(x).toBeLessThanOrEqual(60 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(-1e-9);
      expect(y).toBeLessThanOrEqual(40 + 1e-9);
    }
    // Lab presets link to the lab with its own URL text.
    const labLink = page.getByTestId('lesson-card-lab-residual').getByRole('link');
    expect(await labLink.getAttribute('href')).toBe(
      './?page=lab&lab=depth:32,width:16;res:1&lesson=lab-residual',
    );

    const app = new Visualizer(page);
    await card.getByRole('link', { name: 'Momentum and NAG in a ravine' }).click();
    await app.waitForPaint(0);
    expect((await app.scene()).surface).toEqual({ expr: 'x^2/100 + y^2' });
    expect((await app.trajectories()).map((t) => t.label)).toEqual(['SGD', 'Momentum', 'NAG']);
    const panel = page.getByTestId('lesson-panel');
    await expect(
      panel.getByRole('heading', { name: 'Momentum and NAG in a ravine' }),
    ).toBeVisible();
    await expect(panel).toContainText('Momentum adds up the small');
    const url = new URL(page.url());
    expect(url.searchParams.get('lesson')).toBe('momentum-ravine');
    expect(url.searchParams.get('scene')).toContain('x^2/100');
  });

  test('the gallery names bad page parameters as the visualizer and the lab do', async ({
    page,
  }) => {
    await page.goto('/?page=lessons&theme=purple&lang=fr');
    await expect(page.getByTestId('lessons-page')).toBeVisible();
    const notice = page.getByTestId('load-errors');
    await expect(notice.locator('code', { hasText: 'theme' })).toHaveCount(1);
    await expect(notice.locator('code', { hasText: 'lang' })).toHaveCount(1);
    await expect(page.getByTestId('lesson-card-lr-too-large')).toBeVisible();
    await notice.getByRole('button').click();
    await expect(notice).toHaveCount(0);
  });

  test('a lesson link without a scene loads the lesson scene, in the chosen language', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await page.goto('/?lesson=saddle&lang=zh-TW');
    // The lesson's scene replaces the default one as soon as the catalogue has loaded.
    await expect.poll(async () => (await app.scene()).surface).toEqual({ id: 'saddle' });
    await app.waitForPaint(0);
    await expect(page.getByTestId('lesson-panel')).toContainText('鞍點上的 Adam');
    // The scene is written into the address so a copied link restores it.
    await expect.poll(() => new URL(page.url()).searchParams.get('scene')).toContain('saddle');
  });

  test('presenting shows large type, thick lines and only the lesson’s sliders; exiting restores the page', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=momentum-ravine');
    const fontBefore = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    await app.repaintAfter(() => page.getByTestId('present').click());
    await expect(page.getByTestId('presenter')).toBeVisible();
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    const root = await page.evaluate(() => ({
      font: parseFloat(getComputedStyle(document.documentElement).fontSize),
      lineScale: getComputedStyle(document.documentElement).getPropertyValue('--line-scale'),
    }));
    expect(root.font).toBeGreaterThan(fontBefore * 1.2);
    expect(Number(root.lineScale)).toBeGreaterThan(1);
    // The lesson's focus (Momentum and NAG) keeps its learning-rate sliders; nothing else.
    await expect(page.locator('[data-testid^="present-lr-"]')).toHaveCount(2);
    await expect(page.getByTestId('present-lr-1')).toBeVisible();
    await expect(page.getByTestId('surface-select')).toHaveCount(0);
    await expect(page.locator('header.app-header')).toBeHidden();
    // Dragging the kept slider re-runs that optimizer.
    const before = (await app.scene()).optimizers[1]!.lr;
    await app.repaintAfter(() => page.getByTestId('present-lr-1').fill('300'));
    expect((await app.scene()).optimizers[1]!.lr).not.toBe(before);

    await page.getByTestId('stop-presenting').click();
    await expect(page.getByTestId('presenter')).toHaveCount(0);
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
  });

  test('the keyboard alone drives a lesson: Tab with visible focus, space, arrows, R, 1, ?, P', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    // A lesson without a predict-then-run question: there, the arrows and Space reveal the answer
    // instead (e2e/predict.spec.ts), and this lesson's question code loading mid-test changed
    // what a key did (a CI run read step 1 where 12 was due).
    await app.open('?lesson=lr-too-large');
    // A lesson opens at step 0, ready to play to the class (issue 10).
    expect(await app.cursor()).toBe(0);

    // Tab reaches the play button, which shows a visible focus ring.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'play',
      );
    }
    expect(found).toBe(true);
    const ring = await page.getByTestId('play').evaluate((el) => ({
      visible: el.matches(':focus-visible'),
      outline: getComputedStyle(el).outlineStyle,
    }));
    expect(ring.visible).toBe(true);
    expect(ring.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(false);

    // Shortcuts from the page itself.
    await page.locator('body').click({ position: { x: 2, y: 700 } });
    await page.keyboard.press('r');
    expect(await app.cursor()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await app.cursor()).toBe(2);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await app.cursor()).toBe(12);
    await page.keyboard.press(' ');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(false);

    // 1 hides the first optimizer, 1 again shows it.
    await app.repaintAfter(() => page.keyboard.press('1'));
    expect((await app.trajectories())[0]!.hidden).toBe(true);
    await app.repaintAfter(() => page.keyboard.press('1'));
    expect((await app.trajectories())[0]!.hidden).toBe(false);

    // Keys typed into a text field stay there.
    const cursor = await app.cursor();
    await page.getByTestId('steps').focus();
    await page.keyboard.press('r');
    await page.keyboard.press('ArrowLeft');
    expect(await app.cursor()).toBe(cursor);
    await page.getByTestId('steps').blur();

    // ? opens the shortcuts, Esc closes them.
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // P presents, P again leaves.
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter')).toHaveCount(0);
  });
});

test.describe('lab lessons keep their text', () => {
  test('opening a lab lesson from the gallery shows its explanation and what to look at, and when', async ({
    page,
  }) => {
    await page.goto('/?page=lessons');
    await page.getByTestId('lesson-card-lab-xavier-vs-he').getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Gradient-flow lab' })).toBeVisible();
    const panel = page.getByTestId('lab-lesson-panel');
    await expect(
      panel.getByRole('heading', { name: 'Xavier vs He initialisation for ReLU' }),
    ).toBeVisible();
    await expect(panel.getByTestId('lesson-body')).toContainText('ReLU zeroes half');
    await expect(panel.getByTestId('lab-lesson-look')).toContainText('Look before you press Train');
    await page.screenshot({ path: 'test-results/lab-lesson.png' });
    // The lab's own URL writes keep the lesson; another language keeps it too.
    await page.getByTestId('language-switcher').selectOption('zh-TW');
    await expect(panel.getByTestId('lab-lesson-look')).toContainText('第 0 步');
    expect(new URL(page.url()).searchParams.get('lesson')).toBe('lab-xavier-vs-he');
    // Closing it leaves the lab.
    await panel.getByTestId('close-lesson').click();
    await expect(page.getByTestId('lab-lesson-panel')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '梯度流實驗室' })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows a dark system setting until light is chosen, and keeps the choice in the URL', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=saddle');
    expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
    const panelBg = await page
      .getByTestId('lesson-panel')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(panelBg)).toBeLessThan(0.2);
    // The map stays on light paper so every optimizer colour keeps its contrast.
    const plotBg = await app.plot.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(plotBg)).toBeGreaterThan(0.9);

    await page.getByTestId('theme-select').selectOption('light');
    await expect.poll(async () => luminance(await pageBackground(page))).toBeGreaterThan(0.9);
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('light');
    // A reload keeps the choice.
    await page.reload();
    await app.waitForPaint(0);
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.9);
  });

  test('the gallery is dark too', async ({ page }) => {
    await page.goto('/?page=lessons');
    await expect(page.getByTestId('lessons-page')).toBeVisible();
    expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
  });
});
