/**
 * Issue 10, the blogger: an embed with many sliders in a short iframe. Five sliders and the
 * charts in 320 × 240 pushed the map out of the iframe's top; now the sliders scroll in their own
 * list, the map and the playback stay in view, every slider can be reached, and the height the
 * embed asks for shows all of them at once.
 */
import { expect, test } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { expectWithin, frameBox, openHost, viewport } from './fixtures/embedHost';

const FIVE: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 100,
  optimizers: [
    { type: 'sgd', lr: 0.1 },
    { type: 'sgd', lr: 0.2, momentum: 0.9 },
    { type: 'adam', lr: 0.3 },
    { type: 'rmsprop', lr: 0.05 },
    { type: 'adagrad', lr: 0.5 },
  ],
};
const SLIDERS = 'lr:0,lr:1,lr:2,lr:3,lr:4';
const src = (controls: string): string =>
  `./?embed=1&controls=${controls}&scene=${encodeSceneParam(FIVE)}`;

for (const controls of [`play,${SLIDERS},charts`, `play,${SLIDERS}`, SLIDERS]) {
  for (const size of [
    { w: 320, h: 240 },
    { w: 480, h: 260 },
  ]) {
    test(`${controls} at ${size.w}×${size.h}: map, playback and every slider within reach`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, src(controls), size);
      const inside = viewport(size.w, size.h);
      const plot = (await frameBox(frame, 'map-plot'))!;
      expectWithin(plot, inside, 'the plot');
      expect(plot.height, 'the plot keeps a readable height').toBeGreaterThanOrEqual(59);
      expectWithin(await frameBox(frame, 'embed-controls'), inside, 'the controls');
      if (controls.startsWith('play')) {
        expectWithin(await frameBox(frame, '.embed-playback'), inside, 'the playback buttons');
      }
      // The last slider scrolls into the list's view and moves the lr of the last optimizer.
      const last = frame.getByRole('slider', { name: /AdaGrad/ });
      await last.scrollIntoViewIfNeeded();
      // Inside the list's visible box, not only the iframe's (the list clips what it scrolls).
      const list = (await frameBox(frame, 'embed-params'))!;
      expectWithin(list, inside, 'the sliders’ list');
      expectWithin(await frameBox(frame, '.embed-param:last-child input'), list, 'the last slider');
      await last.focus();
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => frame.evaluate(() => window.__descent!.scene().optimizers[4]!.lr))
        .not.toBe(0.5);
      // Scrolling the list never moved the map out of the iframe.
      expectWithin(await frameBox(frame, 'map-plot'), inside, 'the plot after scrolling');
    });
  }
}

test('the height the embed asks for shows all five sliders without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const controls = `play,${SLIDERS}`;
  await openHost(page, src(controls), { w: 320, h: 240 });
  const asked = await page.evaluate(() => {
    const notes = (window as unknown as { received: { data: { height?: number } }[] }).received;
    return notes.map((n) => n.data.height).filter((h): h is number => typeof h === 'number');
  });
  expect(asked.length).toBeGreaterThan(0);
  const height = Math.ceil(asked.at(-1)!);
  const sized = await openHost(page, src(controls), { w: 320, h: height });
  const inside = viewport(320, height);
  for (let i = 0; i < 5; i++) {
    expectWithin(
      await frameBox(sized, `.embed-param:nth-child(${i + 1}) input`),
      inside,
      `slider ${i + 1}`,
    );
  }
  const list = await sized
    .getByTestId('embed-params')
    .evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(list, 'slider height hidden in the list').toBeLessThanOrEqual(1);
});

// The fresh review's cases: seven sliders on Rosenbrock in 480 × 260 left a 60 px map whose tick
// labels ran together, and two sliders with charts in 320 × 240 showed half of the second one.
for (const { size, controls, scene } of [
  {
    size: { w: 480, h: 260 },
    controls: 'play,lr:0,momentum:0,dampening:0,weight_decay:0,lr:1,eps:1,weight_decay:1',
    scene: 'f:rosenbrock;p:-1.5,2;n:100;o:sgd,lr=0.001,momentum=0.9;o:adam,lr=0.05',
  },
  {
    size: { w: 320, h: 240 },
    controls: 'play,lr:0,momentum:1,charts',
    scene: 'f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1;o:sgd,lr=0.1,momentum=0.9',
  },
]) {
  test(`${controls} at ${size.w}×${size.h}: the map keeps a fair share and the list shows whole sliders`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, `./?embed=1&controls=${controls}&scene=${scene}`, size);
    const stage = (await frameBox(frame, 'embed-stage'))!;
    expect(stage.height, 'the map’s share of the iframe').toBeGreaterThanOrEqual(0.35 * size.h);
    const list = (await frameBox(frame, 'embed-params'))!;
    const rows = frame.locator('.embed-param');
    for (let i = 0; i < (await rows.count()); i++) {
      const { top, bottom } = (await frameBox(frame, `.embed-param:nth-child(${i + 1})`))!;
      const whole = top >= list.top - 1 && bottom <= list.bottom + 1;
      const hidden = bottom <= list.top + 1 || top >= list.bottom - 1;
      expect(whole || hidden, `slider ${i + 1} is not cut in half`).toBe(true);
    }
  });
}
