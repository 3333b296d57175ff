/**
 * Issue 10, the teacher: what a teacher does in front of a class (a clicker after a slider drag,
 * presenter mode on a projector, a run that diverges) and what the room then sees.
 * Scenes are loaded by URL so these tests do not depend on the default scene.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

/** Quadratic bowl, SGD and Adam, 60 steps, shown from step 0. */
const TWO = 'scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1;o:adam,lr=0.1&view=t:0';

/** Drags a range input's thumb with the mouse from its middle to `fraction` of its width. */
async function dragSlider(page: Page, slider: Locator, fraction: number): Promise<void> {
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fraction, y, { steps: 4 });
  await page.mouse.up();
}

const lrOf = async (app: Visualizer, index: number): Promise<number | undefined> =>
  (await app.scene()).optimizers[index]!.lr;

test.describe('keyboard: a clicker drives playback whatever the pointer touched last', () => {
  test('after dragging the lr slider, → and PageDown step playback and leave the lr alone', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?${TWO}`);
    const row = await app.expand(0);
    const slider = row.getByTestId('slider-lr');
    await app.repaintAfter(() => dragSlider(page, slider, 0.3));
    await expect(slider).toBeFocused();
    const lr = await lrOf(app, 0);
    expect(lr).not.toBe(0.1);
    const start = await app.cursor();

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await app.cursor()).toBe(start + 3);
    await page.keyboard.press('PageUp');
    expect(await app.cursor()).toBe(start + 2);
    expect(await lrOf(app, 0)).toBe(lr);
    await expect(slider).toHaveAttribute('aria-valuetext', String(lr));
    await expect(page.getByTestId('step-readout')).toContainText(`${start + 2}`);

    // Space plays, 2 hides the second optimizer, R rewinds, P presents: all from the slider.
    await page.keyboard.press(' ');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(false);
    await page.keyboard.press('2');
    expect((await app.scene()).optimizers[1]!.hidden).toBe(true);
    await page.keyboard.press('r');
    expect(await app.cursor()).toBe(0);
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter')).toBeVisible();
    expect(await lrOf(app, 0)).toBe(lr);
  });

  test('a slider reached with Tab keeps its arrows; dragging it hands them back', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?${TWO}`);
    const row = await app.expand(0);
    const slider = row.getByTestId('slider-lr');
    // Click the lr text box (after the slider), then Shift+Tab back onto the slider.
    await row.getByTestId('field-lr').click();
    await page.keyboard.press('Shift+Tab');
    await expect(slider).toBeFocused();
    const before = Number(await slider.inputValue());
    const cursor = await app.cursor();
    await app.repaintAfter(() => page.keyboard.press('ArrowRight'));
    expect(Number(await slider.inputValue())).toBe(before + 1);
    expect(await lrOf(app, 0)).not.toBe(0.1);
    expect(await app.cursor()).toBe(cursor);

    // The same slider, now dragged: arrows go back to playback.
    await app.repaintAfter(() => dragSlider(page, slider, 0.6));
    const dragged = await lrOf(app, 0);
    await page.keyboard.press('ArrowRight');
    expect(await app.cursor()).toBe(cursor + 1);
    expect(await lrOf(app, 0)).toBe(dragged);
  });

  test('a button or menu used with the mouse does not swallow Space, arrows or PageDown', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?${TWO}`);
    await page.getByTestId('step-forward').click();
    expect(await app.cursor()).toBe(1);
    // Space after clicking "step forward" plays, it does not press the button again.
    await page.keyboard.press(' ');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(false);
    const at = await app.cursor();

    // The speed menu, opened and closed with the mouse, keeps neither arrows nor PageDown.
    const speed = page.getByTestId('speed');
    const speedBefore = await speed.inputValue();
    await speed.click();
    await page.keyboard.press('Escape');
    await expect(speed).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('PageDown');
    expect(await speed.inputValue()).toBe(speedBefore);
    expect(await app.cursor()).toBe(at + 1);

    // The chart's step slider, scrubbed with the mouse, then PageDown: one step forward.
    const scrub = page.locator('.descent-chart__scrub').first();
    const box = (await scrub.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    const scrubbed = await app.cursor();
    await page.keyboard.press('PageDown');
    expect(await app.cursor()).toBe(scrubbed + 1);
  });
});
