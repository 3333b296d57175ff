/**
 * KaTeX arrives after the first paint. Until then the surface's formula shows its TeX source; when
 * KaTeX typesets it, the optimizers' panel below must not move, or a reader already reaching for a
 * learning-rate slider misses it (it moved 26 px on the default bowl, and an e2e drag missed once).
 * KaTeX's chunk is held back until the "before" position is read, so the check cannot pass only
 * because KaTeX happened to be quick.
 */
import { expect, test } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import { CLASSICS_SCENE, DEFAULT_SCENE } from '../src/engine/scene';
import { Visualizer } from './fixtures/visualizer';

const SCENES = {
  'the default scene': DEFAULT_SCENE,
  'the notes’ classics': CLASSICS_SCENE,
  Rosenbrock: { ...DEFAULT_SCENE, surface: { id: 'rosenbrock' } },
  'the saddle': { ...DEFAULT_SCENE, surface: { id: 'saddle' } },
};

for (const [name, scene] of Object.entries(SCENES)) {
  test(`${name}: the learning-rate sliders stay put when the formula is typeset`, async ({
    page,
  }) => {
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
