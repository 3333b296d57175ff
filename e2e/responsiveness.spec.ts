/**
 * What the rendering budgets look like to a user, without timing anything: a slider change is on
 * the map by the next frame, and during playback the charts' cursor is where the map's is.
 */
import { expect, test } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

test('a learning-rate change is painted on the map by the very next frame', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open('?scene=f:quadratic;p:-4,2;n:1000;o:sgd,lr=0.05;o:adam,lr=0.1');
  const row = await app.expand(1);
  const before = await app.trajectories();
  const slider = row.getByTestId('slider-lr');
  const seen = await slider.evaluate(async (el) => {
    const input = el as HTMLInputElement;
    const api = window.__descent!;
    const painted = api.paintCount();
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(input, String(Math.round(Number(input.max || 100) * 0.3)));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // The map's redraw was asked for while the input was handled, so it runs before this callback.
    await new Promise((done) => requestAnimationFrame(done));
    return { painted: api.paintCount() > painted, settled: api.settled() };
  });
  expect(seen).toEqual({ painted: true, settled: true });
  const after = await app.trajectories();
  expect(after[1]!.points).not.toEqual(before[1]!.points);
  expect(after[0]!.points).toEqual(before[0]!.points);
});

test('during playback the charts’ cursor shows the step the map is drawn at', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open('?scene=f:rosenbrock;p:-1.5,2;n:1000;o:adam,lr=0.05;o:rmsprop,lr=0.01');
  await page.getByTestId('scrub').fill('0');
  await page.getByTestId('play').click();
  await page.waitForFunction(() => window.__descent!.cursor() >= 30);
  // Sampled on animation frames while playing: the line's label never lags the store.
  const mismatches = await page.evaluate(async () => {
    const labels = [...document.querySelectorAll('.descent-chart__cursor-label')];
    const wrong: string[] = [];
    for (let frame = 0; frame < 20; frame++) {
      await new Promise((done) => requestAnimationFrame(done));
      const step = window.__descent!.cursor();
      for (const label of labels)
        if (label.textContent !== `step ${step}`) wrong.push(`${label.textContent} at ${step}`);
    }
    return { wrong, playing: window.__descent!.playing() };
  });
  expect(mismatches.playing).toBe(true);
  expect(mismatches.wrong).toEqual([]);
  await page.getByTestId('play').click();
  const stopped = await app.cursor();
  // Once paused, the chart's keyboard slider (which follows a few times a second) catches up.
  await expect(page.locator('.descent-chart__scrub').first()).toHaveAttribute(
    'aria-valuenow',
    String(stopped),
  );
});
