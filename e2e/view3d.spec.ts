/**
 * The visualizer's 3-D view (issue 13), as a reader uses it: the toggle turns the contour map into
 * a WebGL surface (read back as pixels, not just a canvas present), a drag and the arrow keys turn
 * it, scrubbing playback moves the path's cursor on it, and the toggle brings the map back. The
 * test browser has no GPU: WebGL runs on SwiftShader. Without WebGL the toggle says why and the
 * map stays.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { Visualizer } from './fixtures/visualizer';
import { readCanvas, SURFACE_SHARE, withoutWebGL } from './fixtures/webgl';

const SCENE: Scene = {
  surface: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 120,
  optimizers: [
    { type: 'adam', lr: 0.05, label: 'Adam' },
    { type: 'sgd', lr: 0.0015, momentum: 0.9, label: 'Momentum' },
  ],
};
const QUERY = `?scene=${encodeSceneParam(SCENE)}`;

/** Waits for the 3-D canvas to have drawn more frames than `since`; returns the count. */
async function framesAfter(canvas: Locator, since: number): Promise<number> {
  await expect
    .poll(async () => Number((await canvas.getAttribute('data-frames')) ?? 0))
    .toBeGreaterThan(since);
  return Number(await canvas.getAttribute('data-frames'));
}

test.describe('the 3-D view', () => {
  test('turns on, draws the surface with WebGL, turns by drag and arrows, follows playback, and turns off', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(QUERY);
    await expect(app.contourPaths.first()).toBeVisible();
    const toggle = page.getByTestId('view3d-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const canvas = page.getByTestId('surface3d');
    await expect(canvas).toBeVisible();
    let frames = await framesAfter(canvas, 0);
    // Rosenbrock's walls are thousands of times its valley: the log height scale is chosen.
    await expect(canvas).toHaveAttribute('data-scale', 'log');
    const first = await readCanvas(canvas);
    // The surface covers a good part of the picture, in many heat colours (lit relief).
    expect(first.painted).toBeGreaterThan(SURFACE_SHARE);
    expect(first.colours).toBeGreaterThan(30);
    // The view and its toggle have no serious or critical accessibility problem.
    const axe = await new AxeBuilder({ page }).include('[data-testid="map"]').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
    // Both paths' cursors are drawn inside the canvas.
    const cursors = (await canvas.getAttribute('data-cursors'))!.split(';');
    expect(cursors).toHaveLength(2);
    expect(cursors).not.toContain('none');

    // A mouse drag turns it.
    const orbit0 = await canvas.getAttribute('data-orbit');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 90, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    frames = await framesAfter(canvas, frames);
    const orbit1 = await canvas.getAttribute('data-orbit');
    expect(orbit1).not.toBe(orbit0);
    const dragged = await readCanvas(canvas);
    expect(dragged.hash).not.toBe(first.hash);

    // The arrow keys turn it too (the drag focused it), and leave the playback cursor alone.
    const playback = await app.cursor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    frames = await framesAfter(canvas, frames);
    expect(await canvas.getAttribute('data-orbit')).not.toBe(orbit1);
    expect(await app.cursor()).toBe(playback);
    const turned = await readCanvas(canvas);
    expect(turned.hash).not.toBe(dragged.hash);

    // Scrubbing playback moves the cursor markers along the paths on the surface.
    const before = await canvas.getAttribute('data-cursors');
    await page.getByTestId('scrub').fill('10');
    await expect.poll(() => app.cursor()).toBe(10);
    await expect.poll(() => canvas.getAttribute('data-cursors')).not.toBe(before);
    await framesAfter(canvas, frames);
    const scrubbed = await readCanvas(canvas);
    expect(scrubbed.hash).not.toBe(turned.hash);

    // Off: the map is back, its contours on screen, the WebGL canvas gone.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(canvas).toHaveCount(0);
    await expect(app.contourPaths.first()).toBeVisible();
    expect((await app.contourShapes()).length).toBeGreaterThan(4);
  });

  test('on a touch screen two fingers turn it and pinch to zoom (one finger is the page’s scroll)', async ({
    browser,
  }) => {
    const context = await browser.newContext({ hasTouch: true });
    const page = await context.newPage();
    const app = new Visualizer(page);
    await app.open(QUERY);
    await page.getByTestId('view3d-toggle').tap();
    const canvas = page.getByTestId('surface3d');
    await framesAfter(canvas, 0);
    // The help says what works here: two fingers (one is the page's scroll).
    await expect(page.locator('.surface3d-help')).toContainText('two fingers to turn');
    const box = (await canvas.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const orbit = async () => (await canvas.getAttribute('data-orbit'))!.split(',').map(Number);
    const [az0, , dist0] = await orbit();
    // Real touch input through the browser (Chromium's DevTools protocol), not synthetic events.
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    // Two fingers moving together sideways: the view turns.
    await touch('touchStart', [
      [cx - 30, cy],
      [cx + 30, cy],
    ]);
    for (let k = 1; k <= 6; k++)
      await touch('touchMove', [
        [cx - 30 + 15 * k, cy],
        [cx + 30 + 15 * k, cy],
      ]);
    await touch('touchEnd', []);
    await expect.poll(async () => (await orbit())[0]).not.toBe(az0);
    const [, , dist1] = await orbit();
    expect(dist1).toBeCloseTo(dist0!, 6);
    // Two fingers moving apart: closer (a smaller distance).
    await touch('touchStart', [
      [cx - 20, cy],
      [cx + 20, cy],
    ]);
    for (let k = 1; k <= 5; k++)
      await touch('touchMove', [
        [cx - 20 - 15 * k, cy],
        [cx + 20 + 15 * k, cy],
      ]);
    await touch('touchEnd', []);
    await expect.poll(async () => (await orbit())[2]).toBeLessThan(dist0!);
    await context.close();
  });

  test('a typed expression is drawn in 3-D too', async ({ page }) => {
    const scene: Scene = {
      surface: { expr: 'x^2 + 3*y^2 + sin(3*x)' },
      start: [-2, 1.5],
      steps: 60,
      optimizers: [{ type: 'adam', lr: 0.1, label: 'Adam' }],
    };
    const app = new Visualizer(page);
    await app.open(`?scene=${encodeSceneParam(scene)}`);
    await page.getByTestId('view3d-toggle').click();
    const canvas = page.getByTestId('surface3d');
    await framesAfter(canvas, 0);
    // A bowl's range is not extreme: heights stay linear.
    await expect(canvas).toHaveAttribute('data-scale', 'linear');
    expect((await readCanvas(canvas)).painted).toBeGreaterThan(SURFACE_SHARE);
  });

  test('without WebGL the toggle says why and the contour map stays', async ({ page }) => {
    await withoutWebGL(page);
    const app = new Visualizer(page);
    await app.open(QUERY);
    await page.getByTestId('view3d-toggle').click();
    await expect(page.getByTestId('view3d-unavailable')).toContainText('WebGL');
    await expect(page.getByTestId('view3d-toggle')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('surface3d')).toHaveCount(0);
    await expect(app.contourPaths.first()).toBeVisible();
  });
});
