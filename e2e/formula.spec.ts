import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEFAULT_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';

async function open(page: Page, scene?: Scene): Promise<void> {
  await page.goto(scene ? `./?scene=${encodeSceneParam(scene)}` : './');
  await page.waitForFunction(
    () => (window.__descent?.paintCount() ?? 0) > 0 && window.__descent?.settled(),
  );
}

const panel = (page: Page) => page.locator('section.descent-formula');
/** The TeX source KaTeX keeps in its MathML annotation, joined over the step's formula. */
const stepTex = (page: Page) =>
  panel(page)
    .locator('.descent-formula__step annotation[encoding="application/x-tex"]')
    .textContent();

async function cursorTo(page: Page, key: 'Home' | 'End'): Promise<void> {
  await page.locator('figure.descent-chart').first().getByRole('slider').focus();
  await page.keyboard.press(key);
}

test('the formula panel renders the selected optimizer’s rule with KaTeX', async ({ page }) => {
  await open(page);
  await expect(panel(page).locator('.katex').first()).toBeVisible();
  await expect(panel(page).getByRole('tab')).toHaveCount(DEFAULT_SCENE.optimizers.length);
  await panel(page).getByRole('tab', { name: 'Momentum' }).click();
  await expect(panel(page).getByRole('tab', { name: 'Momentum' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(panel(page).locator('h3')).toContainText('Momentum');
  await expect(panel(page)).toContainText('As note 003 writes it');
  await expect(panel(page).locator('.katex-error')).toHaveCount(0);
});

test('the first SGD step shows the gradient (-0.8, 4) and the step (0.08, -0.4)', async ({
  page,
}) => {
  await open(page);
  await panel(page).getByRole('tab', { name: 'SGD' }).click();
  await cursorTo(page, 'Home');
  await expect(panel(page)).toContainText('Step 0 → 1');
  // x²/10 + y² at (-4, 2): ∇ = (x/5, 2y) = (-0.8, 4); lr 0.1 → Δθ = (0.08, -0.4).
  await expect.poll(() => stepTex(page)).toContain('\\left(-0.8,\\ 4\\right)');
  expect(await stepTex(page)).toContain('\\left(0.08,\\ -0.4\\right)');
});

test('arrow keys move between optimizer tabs reached by keyboard', async ({ page }) => {
  const scene: Scene = {
    surface: { id: 'quadratic' },
    start: [-4, 2],
    steps: 50,
    optimizers: [
      { type: 'sgd', lr: 0.1 },
      { type: 'adam', lr: 0.1 },
    ],
  };
  await page.goto(`./?scene=${encodeSceneParam(scene)}&view=t:5`);
  await page.waitForFunction(
    () => window.__descent?.settled() && window.__descent.paintCount() > 0,
  );
  const first = panel(page).getByRole('tab').first();
  await first.click();
  // Clicked with the mouse, the tab list leaves → to playback (a clicker's key, issue 10)...
  const before = await page.evaluate(() => window.__descent!.cursor());
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => window.__descent!.cursor())).toBe(before - 1);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  // ...reached with Tab, it moves between the tabs.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const second = panel(page).getByRole('tab').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(second).toBeFocused();
});

test('a diverged run says where it stopped instead of showing NaN', async ({ page }) => {
  const scene: Scene = {
    ...DEFAULT_SCENE,
    optimizers: [
      { type: 'sgd', lr: 0.1, label: 'Calm' },
      { type: 'sgd', lr: 100, label: 'Reckless' },
    ],
  };
  await open(page, scene);
  await panel(page).getByRole('tab', { name: 'Reckless' }).click();
  await cursorTo(page, 'End');
  await expect(panel(page).locator('.descent-formula__diverged')).toContainText(
    /Reckless diverged at step \d+/,
  );
  await expect(panel(page)).not.toContainText('NaN');
});

test('KaTeX is not part of the initial script', async ({ page, request }) => {
  const html = await (await request.get('./')).text();
  const entries = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  expect(entries.length).toBeGreaterThan(0);
  for (const src of entries) {
    const js = await (
      await request.get(new URL(src, 'http://localhost/').pathname.replace(/^\//, './'))
    ).text();
    expect(js).not.toContain('KaTeX parse error');
  }
  // …and it does arrive once the panel needs it.
  const katexCss = page.waitForResponse((r) => /katex.*\.css$/.test(r.url()));
  await open(page);
  await katexCss;
  await expect(panel(page).locator('.katex').first()).toBeVisible();
});
