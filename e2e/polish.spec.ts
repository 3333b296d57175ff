/** Small things a learner saw: cut-off names, a line that vanished in dark mode. */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { OPTIMIZER_TYPES } from '../src/engine/optimizers';
import { CLASSICS_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import { Visualizer } from './fixtures/visualizer';

/** Names whose text is wider than their field (what the reader sees cut off). */
function cutNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('.name-input')]
      .filter((input) => input.scrollWidth > input.clientWidth)
      .map((input) => input.value || input.placeholder),
  );
}

/** Options of the surface menu whose text is wider than the closed menu can show. */
function cutSurfaceNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="surface-select"]')!;
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // The closed menu's room for text: its box less padding and the arrow.
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return [...select.options]
      .filter((o) => context.measureText(o.text).width > room)
      .map((o) => o.text);
  });
}

for (const locale of ['en-US', 'zh-CN', 'zh-TW'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('every optimizer name and surface name shows whole', async ({ page }) => {
      const app = new Visualizer(page);
      await app.open();
      const add = page.getByTestId('add-optimizer');
      const which = page.locator('.add-row select');
      const presets = await which
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      // Fill the list (12) with every preset, as a learner comparing them would.
      for (const preset of presets.slice(0, 12 - (await app.scene()).optimizers.length)) {
        await which.selectOption(preset);
        await app.repaintAfter(() => add.click());
      }
      expect((await app.scene()).optimizers).toHaveLength(12);
      expect(await cutNames(page)).toEqual([]);
      expect(await cutSurfaceNames(page)).toEqual([]);
    });
  });
}

test('Adam’s colour stays visible on the dark theme', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(CLASSICS_SCENE)}&view=o:6&theme=dark`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const tab = page.getByRole('tab', { name: 'Adam' });
  await expect(tab).toBeVisible();
  const ratio = await tab.evaluate((el) => {
    const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]): number => {
      const f = (c: number): number => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const swatch = getComputedStyle(el.querySelector('.descent-formula__swatch')!).backgroundColor;
    // The first opaque background behind the tab: the dark panel.
    let node: Element | null = el.parentElement;
    let background = 'rgba(0, 0, 0, 0)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    const [a, b] = [lum(rgb(swatch)), lum(rgb(background))].sort((x, y) => y - x) as [
      number,
      number,
    ];
    return { ratio: (a + 0.05) / (b + 0.05), swatch, background };
  });
  expect(ratio.ratio, JSON.stringify(ratio)).toBeGreaterThanOrEqual(3);
});

/** The "what am I looking at" notes, by the panel they explain. */
const HELP_TOPICS = ['surface', 'optimizers', 'charts', 'formula', 'map'] as const;

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
  [390, 844],
] as const) {
  test(`at ${width}×${height} every panel's note reads as a paragraph, not a column of single words`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const app = new Visualizer(page);
    await app.open();
    for (const topic of HELP_TOPICS) {
      const help = page.getByTestId(`help-${topic}`);
      await help.locator('summary').click();
      const note = help.locator('p');
      await expect(note).toHaveText(/\w{3,} \w{3,}/);
      const measure = await note.evaluate((p) => {
        const panel = p.closest('.panel, .column-map')!;
        const style = getComputedStyle(panel);
        const inner =
          panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const box = p.getBoundingClientRect();
        const lines = Math.round(box.height / parseFloat(getComputedStyle(p).lineHeight));
        const em = parseFloat(getComputedStyle(p).fontSize);
        return {
          width: box.width,
          right: box.right,
          inner,
          em,
          charsPerLine: (p.textContent ?? '').length / lines,
        };
      });
      // As wide as its panel allows, up to a comfortable measure (30 em; the map's note stops at 60ch).
      expect(measure.width, topic).toBeGreaterThanOrEqual(
        Math.min(measure.inner * 0.9, 30 * measure.em),
      );
      expect(measure.right, topic).toBeLessThanOrEqual(width);
      // A readable measure: the surface note was 21 characters a line beside its heading at 1280.
      expect(measure.charsPerLine, topic).toBeGreaterThanOrEqual(30);
      await help.locator('summary').click();
    }
  });
}

// Every family's settings fit the controls column: Muon's ns_coefficients[1] label once widened
// its two-column row past the column's edge at 1280 px (scrollWidth 298 > 280).
for (const width of [1280, 390]) {
  test(`at ${width} px every optimizer's settings stay inside the controls column`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const app = new Visualizer(page);
    const types = [...OPTIMIZER_TYPES];
    expect(types.length).toBeGreaterThan(12);
    for (let from = 0; from < types.length; from += 12) {
      const chunk = types.slice(from, from + 12);
      const scene = { ...CLASSICS_SCENE, steps: 10, optimizers: chunk.map((type) => ({ type })) };
      await app.open(`?scene=${encodeSceneParam(scene)}`);
      // One row is open at a time: open each and measure it.
      for (let i = 0; i < chunk.length; i++) {
        const row = await app.expand(i);
        // The settings load after the click: measure once the row shows its fields.
        await expect(row.locator('[data-testid^="field-"]').first()).toBeVisible();
        const outside = await page.evaluate(() => {
          const column = document.querySelector('.column-controls')!;
          const right = column.getBoundingClientRect().right;
          const wide = [...column.querySelectorAll<HTMLElement>('*')].filter((el) => {
            // KaTeX's MathML copy is clipped to a pixel for screen readers; it is never seen.
            if (el.closest('.katex-mathml')) return false;
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > right + 0.5;
          });
          return {
            overflow: column.scrollWidth - column.clientWidth,
            wide: wide
              .slice(0, 5)
              .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 30)}`),
          };
        });
        expect(outside, chunk[i]).toEqual({ overflow: 0, wide: [] });
      }
    }
  });
}
