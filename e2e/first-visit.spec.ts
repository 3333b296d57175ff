/**
 * A first visit is calm: a few optimizers at their start, an invitation to the lessons, and a
 * "what am I looking at" note on every main panel, in each language.
 */
import { expect, test } from '@playwright/test';
import { CLASSICS_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import { Visualizer } from './fixtures/visualizer';

const TOPICS = ['map', 'surface', 'optimizers', 'charts', 'formula'] as const;

test('the app opens on a few optimizers at step 0 and invites to the lessons', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open();
  const scene = await app.scene();
  expect(scene.optimizers.length).toBeGreaterThanOrEqual(2);
  expect(scene.optimizers.length).toBeLessThanOrEqual(3);
  expect(await app.cursor()).toBe(0);
  await expect(page.getByTestId('step-readout')).toContainText('0 / 200');
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  // The invitation is on screen without scrolling on a laptop.
  const box = (await welcome.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  await welcome.getByRole('link', { name: /lessons/i }).click();
  await expect(page).toHaveURL(/[?&]page=lessons/);
  await expect(page.getByRole('link', { name: 'Lessons' })).toHaveAttribute('aria-current', 'page');
});

test('closing the welcome is remembered; a shared link never shows it', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open();
  await page.getByTestId('welcome').getByRole('button', { name: 'Explore on my own' }).click();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await app.open();
  await expect(page.getByTestId('welcome')).toHaveCount(0);

  await page.evaluate(() => localStorage.clear());
  await app.open(`?scene=${encodeSceneParam(CLASSICS_SCENE)}`);
  expect((await app.scene()).optimizers).toHaveLength(7);
  // A link keeps its own cursor: whole paths, at the end.
  expect(await app.cursor()).toBe(CLASSICS_SCENE.steps);
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('a fresh visitor who opens a lesson link sees the lesson, not the welcome for another surface', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?lesson=momentum-ravine');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  // Its text starts on screen at a laptop's height, with nothing pushed above it.
  const body = (await page.getByTestId('lesson-panel').boundingBox())!;
  expect(body.y).toBeLessThan(page.viewportSize()!.height);
  // Not shown is not closed: a later visit without a lesson still gets its welcome.
  expect(await page.evaluate(() => localStorage.getItem('descent.welcome.dismissed'))).toBeNull();
});

test('every main panel explains itself behind a small “?”', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open();
  for (const topic of TOPICS) {
    const help = page.getByTestId(`help-${topic}`);
    await expect(help.locator('p')).toBeHidden();
    await help.locator('summary').click();
    await expect(help.locator('p')).toBeVisible();
    expect((await help.locator('p').textContent())!.length).toBeGreaterThan(60);
    await expect(help.locator('summary')).toHaveAttribute('aria-label', 'What am I looking at?');
    // The keyboard closes it again.
    await help.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(help.locator('p')).toBeHidden();
  }
});

test('a note opened before the later texts arrive fills in when they do', async ({ page }) => {
  // The notes' texts load after the first paint (i18n/en-more): hold them back, open a note.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/en-more-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const app = new Visualizer(page);
  await app.open();
  const help = page.getByTestId('help-map');
  await help.locator('summary').click();
  release();
  await expect(help.locator('p')).toHaveText(/contour lines/);
});

for (const locale of ['zh-CN', 'zh-TW'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('the welcome and every panel note are in Chinese', async ({ page }) => {
      const app = new Visualizer(page);
      await app.open();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const texts = [await page.getByTestId('welcome').innerText()];
      for (const topic of TOPICS) {
        const help = page.getByTestId(`help-${topic}`);
        await help.locator('summary').click();
        texts.push(await help.locator('p').innerText());
      }
      for (const text of texts) {
        // Chinese sentences; Latin only in formulas and names (x²/10 + y², torch.optim, ▸).
        expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
        expect(text).not.toMatch(/\b(the|and|with|what|start|press)\b/i);
      }
    });
  });
}
