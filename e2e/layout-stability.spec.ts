/**
 * KaTeX arrives after the first paint. Until then the surface's formula shows its TeX source; when
 * KaTeX typesets it, the optimizers' panel below must not move, or a reader already reaching for a
 * learning-rate slider misses it (it moved 26 px on the default bowl, and an e2e drag missed once).
 * KaTeX's chunk is held back until the "before" position is read, so the check cannot pass only
 * because KaTeX happened to be quick. Every named surface, in a window and on a phone: the long
 * ones (Rastrigin, Ackley, the six-hump camel…) grew the box by 30–80 px when typeset on rows.
 */
import { expect, test } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import { CLASSICS_SCENE, DEFAULT_SCENE } from '../src/engine/scene';
import { NAMED_SURFACES } from '../src/engine/surfaces';
import { Visualizer } from './fixtures/visualizer';

const SCENES = {
  'the default scene': DEFAULT_SCENE,
  'the notes’ classics': CLASSICS_SCENE,
  ...Object.fromEntries(
    Object.keys(NAMED_SURFACES)
      .filter((id) => id !== 'quadratic')
      .map((id) => [id, { ...DEFAULT_SCENE, surface: { id } }]),
  ),
};
const PHONE = { width: 390, height: 844 };
const WINDOW = { width: 1280, height: 720 };

const cases = [
  ...Object.entries(SCENES).map(([name, scene]) => ({ name, scene, size: WINDOW })),
  // On a phone the panel is wider than the 1280 px side column: the longest formulas only.
  ...['rastrigin', 'ackley', 'six-hump-camel', 'beale'].map((id) => ({
    name: `${id} on a phone`,
    scene: { ...DEFAULT_SCENE, surface: { id } },
    size: PHONE,
  })),
];

for (const { name, scene, size } of cases) {
  test(`${name}: the learning-rate sliders stay put when the formula is typeset`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    let release: () => void = () => undefined;
    const katexHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/katex-[^/]*\.js$/, async (route) => {
      await katexHeld;
      await route.continue();
    });
    const app = new Visualizer(page);
    await app.open(`?scene=${encodeSceneParam(scene)}`);
    const slider = (await app.expand(0)).getByTestId('slider-lr');
    await expect(page.getByTestId('surface-tex').locator('code')).toBeVisible();
    const before = (await slider.boundingBox())!;

    release();
    await expect(page.getByTestId('surface-tex').locator('.katex')).toBeVisible();
    // Fonts and the fitting pass settle within a frame or two of the typeset.
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const after = (await slider.boundingBox())!;
    expect(Math.abs(after.y - before.y), 'vertical move of the lr slider').toBeLessThanOrEqual(1);
    expect(Math.abs(after.x - before.x), 'horizontal move of the lr slider').toBeLessThanOrEqual(1);
  });
}
