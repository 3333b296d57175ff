/**
 * "This step's numbers", the rule as torch runs it, the notes' box and the surface's formula fit
 * their column for every optimizer and option, at every width from a 320 px phone to a 1920 px
 * projector, in English and Chinese: measured on the rendered KaTeX, not judged by eye.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import { SURFACE_IDS } from '../src/engine/surfaces';
import type { Scene } from '../src/engine/types';
import { FORMULA_CASES } from '../src/views/formula/testCases';

const WIDTHS = [320, 390, 768, 1280, 1920] as const;
const HEIGHT = 900;

/** The notes' quadratic, where every case still has finite numbers at step 6. */
function sceneOf(index: number): Scene {
  return {
    surface: { id: 'quadratic' },
    start: [-4, 2],
    steps: 20,
    optimizers: [FORMULA_CASES[index]!],
  };
}

async function open(page: Page, scene: Scene, withStep = true): Promise<void> {
  // t:6 — step 6 → 7, where every state (momentum buffers, RAdam's rectification) is in play.
  await page.goto(`./?scene=${encodeSceneParam(scene)}&view=t:6`);
  await page.waitForFunction(
    () => (window.__descent?.paintCount() ?? 0) > 0 && window.__descent?.settled(),
  );
  if (withStep) await expect(page.locator('.descent-formula__step .katex').first()).toBeAttached();
  await expect(page.getByTestId('surface-tex').locator('.katex').first()).toBeAttached();
}

/**
 * Every formula that sticks out of its column: a scroll box wider inside than outside, or a piece
 * of KaTeX output whose right edge passes the panel's content edge or the viewport.
 */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    }
    const formulas = document.querySelectorAll(
      '.descent-formula .katex-display, [data-testid="surface-tex"] .katex-display',
    );
    formulas.forEach((display, i) => {
      const panel = display.closest('.panel')!;
      const style = getComputedStyle(panel);
      const edge =
        panel.getBoundingClientRect().right -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderRightWidth);
      const limit = Math.min(edge, doc.clientWidth);
      for (let el: Element | null = display; el && el !== panel; el = el.parentElement) {
        if (el.scrollWidth > el.clientWidth + 1) {
          problems.push(
            `formula ${i}: ${el.className} scrolls (${el.scrollWidth} > ${el.clientWidth})`,
          );
        }
      }
      let right = 0;
      display.querySelectorAll('.katex-html *').forEach((el) => {
        // KaTeX's radical and arrow SVGs are very wide and clipped by their box on purpose.
        if (!(el instanceof HTMLElement)) return;
        const r = el.getBoundingClientRect();
        if (r.width > 0) right = Math.max(right, r.right);
      });
      if (right > limit + 1) {
        problems.push(
          `formula ${i} ends at ${Math.round(right)} px, its column at ${Math.round(limit)} px`,
        );
      }
    });
    return problems;
  });
}

async function fitsAtEveryWidth(page: Page, widths: readonly number[] = WIDTHS): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT });
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    await expect
      .poll(() => overflows(page), { message: `at ${width} px`, timeout: 5_000 })
      .toEqual([]);
  }
}

test.describe('every formula fits its column', () => {
  FORMULA_CASES.forEach((config, index) => {
    const name = `${config.type} ${JSON.stringify(config).slice(0, 80)}`;
    test(name, async ({ page }) => {
      await open(page, sceneOf(index));
      await fitsAtEveryWidth(page);
    });
  });
});

test('the widest formulas still fit after the window shrinks from 1280 to 320 px', async ({
  page,
}) => {
  // Review 10: a resize (not a fresh load at 320 px) left centred RMSprop with momentum, NAdam
  // with decoupled decay, Muon and a clipped, decayed Adam a few px too wide.
  const cases = FORMULA_CASES.flatMap((config, index) =>
    (config.type === 'rmsprop' && config.centered) ||
    (config.type === 'nadam' && config.decoupled_weight_decay) ||
    config.type === 'muon' ||
    (config.type === 'adam' && config.clip_grad_norm !== undefined && config.weight_decay)
      ? [index]
      : [],
  );
  expect(cases.length).toBe(4);
  for (const index of cases) {
    await page.setViewportSize({ width: 1280, height: HEIGHT });
    await open(page, sceneOf(index));
    await fitsAtEveryWidth(page, [1280, 768, 320]);
  }
});

test.describe('every named surface’s formula fits at every width', () => {
  for (const id of SURFACE_IDS) {
    test(id, async ({ page }) => {
      // A tiny step keeps the run finite on every surface; the surface's formula is what is measured.
      await open(page, { ...sceneOf(0), surface: { id }, optimizers: [{ type: 'sgd', lr: 1e-4 }] });
      // Readable on a projector: no symbol below a first-level exponent's size (0.7 of the
      // formula's); Ackley's e^{−0.2√(0.5(x² + y²))} put the x² at half size.
      const smallest = await page.getByTestId('surface-tex').evaluate((box) => {
        const katex = box.querySelector('.katex-html')!;
        const base = parseFloat(getComputedStyle(katex).fontSize);
        let least = Infinity;
        for (const el of Array.from(katex.querySelectorAll('span'))) {
          const own = Array.from(el.childNodes).some(
            // KaTeX's struts hold a zero-width space at a tiny size: not a symbol.
            (n) => n.nodeType === Node.TEXT_NODE && /[^\s\u200b]/.test(n.textContent ?? ''),
          );
          if (own) least = Math.min(least, parseFloat(getComputedStyle(el).fontSize) / base);
        }
        return least;
      });
      expect(smallest).toBeGreaterThanOrEqual(0.69);
      await fitsAtEveryWidth(page);
    });
  }
});

for (const locale of ['zh-CN', 'zh-TW'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    for (const type of ['adam', 'nadam', 'radam', 'adadelta', 'rprop', 'muon', 'lbfgs'] as const) {
      test(`${type}'s formulas fit at every width`, async ({ page }) => {
        const index = FORMULA_CASES.findIndex((c) => c.type === type);
        await open(page, sceneOf(index));
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await fitsAtEveryWidth(page);
      });
    }
  });
}
