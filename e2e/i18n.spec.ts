/**
 * Three languages: the visualizer and the lab open in 简体中文 or 繁體中文 from `lang=` or from the
 * browser's language, show no English sentence of the catalogue, and the header's language menu
 * switches every string at once.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { enAll as en } from '../src/i18n/en-all';
import { zhCN } from '../src/i18n/zh-CN';
import { zhTW } from '../src/i18n/zh-TW';

/**
 * Each English catalogue value that both Chinese catalogues translate (the unit tests check that
 * only names and symbols stay the same), as a whole-string pattern: {x} matches anything.
 */
const ENGLISH = (Object.keys(en) as (keyof typeof en)[])
  .filter((key) => zhCN[key] !== en[key] && zhTW[key] !== en[key])
  .map((key) => en[key] as string)
  .filter((text) => /[A-Za-z]{2,}/.test(text.replace(/\{\w+\}/g, '')))
  .map((text) => ({
    text,
    pattern: new RegExp(
      `^${text
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+?')}$`,
      's',
    ),
  }));

/**
 * What a reader meets on the page: visible text nodes (KaTeX excluded: it is mathematics), the
 * options of every menu, and accessible names and tooltips (aria-label, title, placeholder).
 */
function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.katex, script, style, noscript')) continue;
      const holder = parent.closest('select') ?? parent;
      if (!holder.checkVisibility()) continue;
      const text = node.textContent?.trim() ?? '';
      if (text !== '') out.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('.katex')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** The texts that are an English sentence of the catalogue, each with the sentence it matches. */
async function englishLeft(page: Page): Promise<string[]> {
  const texts = await readableTexts(page);
  // Optimizer labels are the scene's data (the default scene names one "Momentum"), not UI text.
  const labels = new Set(
    await page.evaluate(() => window.__descent?.scene().optimizers.map((o) => o.label ?? '') ?? []),
  );
  const found = new Set<string>();
  for (const text of texts) {
    if (labels.has(text)) continue;
    const hit = ENGLISH.find((e) => e.pattern.test(text));
    if (hit) found.add(`${text}  ← en: ${hit.text}`);
  }
  return [...found];
}

/** Opens the visualizer and waits until the scene is painted and the formula panel is typeset. */
async function openVisualizer(page: Page, query: string): Promise<void> {
  await page.goto(`./${query}`);
  await page.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
  await expect(page.locator('.katex').first()).toBeVisible();
}

/** Opens the lab and waits until its first configuration has been computed. */
async function openLab(page: Page, query: string): Promise<void> {
  await page.goto(`./?page=lab${query}`);
  await expect(page.locator('[data-slot="a"] .lab-status')).toHaveAttribute('data-step', '0');
  await expect(page.locator('.katex').first()).toBeVisible();
}

for (const [lang, heading, lab, landscape, sharpness] of [
  ['zh-CN', '优化器', '梯度流实验室', '损失地形', '沿路径测量尖锐度'],
  ['zh-TW', '最佳化器', '梯度流實驗室', '損失地形', '沿路徑測量尖銳度'],
] as const) {
  test(`?lang=${lang}: the visualizer shows no English sentence and marks the page ${lang}`, async ({
    page,
  }) => {
    await openVisualizer(page, `?lang=${lang}`);
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // The settings of one optimizer are open too, so its labels are checked.
    await page.getByTestId('optimizer-0').locator('button.expand').click();
    expect(await englishLeft(page)).toEqual([]);
  });

  test(`?lang=${lang}: the lab shows no English sentence`, async ({ page }) => {
    await openLab(page, `&lang=${lang}`);
    await expect(page.getByRole('heading', { name: lab, level: 1 }).last()).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);
    // The Landscape tab too, after a few steps (→ is the lab's step key), with its sharpness chart.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-slot="a"] .lab-status')).toHaveAttribute('data-step', '3');
    await page.getByRole('tab', { name: landscape, exact: true }).click();
    await expect(page.getByTestId('landscape-map')).toHaveAttribute('data-status', 'done', {
      timeout: 30_000,
    });
    await page.getByRole('button', { name: sharpness }).click();
    await expect(page.getByTestId('sharpness-chart')).toBeVisible({ timeout: 30_000 });
    expect(await englishLeft(page)).toEqual([]);
  });
}

test('?lang=zh-TW: the lesson gallery shows no English sentence and has the language menu', async ({
  page,
}) => {
  await page.goto('./?page=lessons&lang=zh-TW');
  await expect(page.locator('header').getByTestId('language-switcher')).toHaveValue('zh-TW');
  await expect(page.getByRole('link', { name: '梯度流實驗室' })).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
});

test.describe('a browser set to Traditional Chinese (Taiwan)', () => {
  test.use({ locale: 'zh-TW' });

  test('opens the visualizer and the lab in 繁體中文 without a lang parameter', async ({
    page,
  }) => {
    await openVisualizer(page, '');
    await expect(page.getByRole('heading', { name: '最佳化器', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    expect(await englishLeft(page)).toEqual([]);

    await openLab(page, '');
    await expect(page.getByRole('button', { name: '訓練', exact: true })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);
  });
});

test('the language menu switches every string at once, keeps the scene, and the choice survives a reload', async ({
  page,
}) => {
  await openVisualizer(page, '');
  await expect(page.getByRole('heading', { name: 'Optimizers', exact: true })).toBeVisible();
  const scene = await page.evaluate(() => window.__descent!.scene());
  const menu = page.getByTestId('language-switcher');
  await expect(menu).toHaveAccessibleName('Language');

  await menu.selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '优化器', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(menu).toHaveAccessibleName('语言');
  // The formula panel's note and the charts follow without a reload.
  await expect(page.locator('.descent-formula__note')).toContainText('笔记');
  expect(await englishLeft(page)).toEqual([]);
  expect(await page.evaluate(() => window.__descent!.scene())).toEqual(scene);
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');

  await menu.selectOption('zh-TW');
  await expect(page.getByRole('heading', { name: '最佳化器', exact: true })).toBeVisible();
  await expect(page.locator('.descent-formula__note')).toContainText('筆記');

  // A plain address (no lang=) opens in the language chosen last: it was kept in storage.
  await openVisualizer(page, '');
  await expect(page.getByRole('heading', { name: '最佳化器', exact: true })).toBeVisible();

  // The lab has the same menu; switching back to English there changes its text at once.
  await openLab(page, '');
  await expect(page.getByRole('button', { name: '訓練', exact: true })).toBeVisible();
  await page.getByTestId('language-switcher').selectOption('en');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Gradient-flow lab', level: 1 }).last(),
  ).toBeVisible();
});

test('a lang= link keeps its language on the pages the navigation opens', async ({ page }) => {
  await openVisualizer(page, '?lang=zh-TW');
  await page.getByRole('link', { name: '梯度流實驗室' }).click();
  await expect(page.getByRole('button', { name: '訓練', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
});

test('an unknown lang= value is ignored: the browser language decides', async ({ page }) => {
  await openVisualizer(page, '?lang=xx-evil');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Optimizers', exact: true })).toBeVisible();
});

test('names the app wrote follow the language; the name fields say the legend’s names', async ({
  page,
}) => {
  // Review 10 (defects 12, 16): the default scene's "Momentum" stayed English on Chinese pages,
  // and the name fields said "Adam" where the legend said "Adam 2".
  await openVisualizer(page, '?lang=zh-CN');
  const key = page.getByTestId('map-key').locator('.map-key-name');
  const fields = page.getByTestId('optimizer-list').locator('.name-input');
  await expect(key).toHaveText(['SGD', '动量法', 'Adam']);
  await expect(fields.nth(1)).toHaveValue('动量法');
  // The add menu's Momentum and a second Adam: numbered in the legend and in the fields alike.
  await page.getByTestId('language-switcher').selectOption('zh-TW');
  await expect(key).toHaveText(['SGD', '動量法', 'Adam']);
  const which = page.locator('.add-row select');
  for (const preset of ['momentum', 'adam']) {
    await which.selectOption(preset);
    await page.locator('.add-row button').click();
  }
  await expect(key).toHaveText(['SGD', '動量法', 'Adam', '動量法 2', 'Adam 2']);
  await expect(fields).toHaveCount(5);
  for (const [i, name] of ['SGD', '動量法', 'Adam', '動量法 2', 'Adam 2'].entries()) {
    await expect(fields.nth(i)).toHaveValue(name);
  }
  // Back in English every one of them is English, the numbering unchanged.
  await page.getByTestId('language-switcher').selectOption('en');
  await expect(key).toHaveText(['SGD', 'Momentum', 'Adam', 'Momentum 2', 'Adam 2']);
  await expect(fields.nth(3)).toHaveValue('Momentum 2');
  // Renaming still edits the label itself.
  await fields.nth(4).fill('Fast Adam');
  await fields.nth(4).blur();
  await expect(key.nth(4)).toHaveText('Fast Adam');
});
