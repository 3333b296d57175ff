/**
 * The 3-D view's axes (issue 13): a reader can read values off the surface. Each axis (x, y and
 * loss) has its name and round tick numbers drawn over the canvas where its ticks land, and the
 * canvas's accessible description says the axes' ranges.
 */
import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';

const SCENE: Scene = {
  surface: { id: 'quadratic' },
  start: [-1.5, 1],
  steps: 40,
  optimizers: [{ type: 'sgd', lr: 0.05, label: 'SGD' }],
};

/** The label spans of one axis (ticks or title), as text and the box they are drawn in. */
async function labels(axes: Locator, axis: string, kind: 'tick' | 'title') {
  const spans = axes.locator(`span[data-axis="${axis}"][data-kind="${kind}"]`);
  const out: { text: string; box: { x: number; y: number } }[] = [];
  for (const span of await spans.all()) {
    if (!(await span.isVisible())) continue;
    const box = (await span.boundingBox())!;
    out.push({ text: (await span.textContent())!, box: { x: box.x + box.width / 2, y: box.y } });
  }
  return out;
}

test('the 3-D view has x, y and loss axes with named, numbered ticks', async ({ page }) => {
  await page.goto(`./?scene=${encodeSceneParam(SCENE)}&view=d:-2,2,-2,2;3d:1`);
  const canvas = page.getByTestId('surface3d');
  await expect(canvas).toHaveAttribute('data-frames', /\d+/, { timeout: 15_000 });
  await expect(canvas).toHaveAccessibleDescription(
    /^Axes: x along the front edge \(−2 … 2\), y along the left edge \(−2 … 2\), loss up the back corner \(\d+ … \d+\)\.$/,
  );
  const axes = page.getByTestId('surface3d-axes');
  const frame = (await canvas.boundingBox())!;
  for (const [axis, name] of [
    ['x', 'x'],
    ['y', 'y'],
    ['loss', 'loss'],
  ] as const) {
    const title = await labels(axes, axis, 'title');
    expect(title.map((l) => l.text)).toEqual([name]);
    const ticks = await labels(axes, axis, 'tick');
    expect(ticks.length, axis).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) {
      // A number (− as the minus sign), inside the picture.
      expect(tick.text).toMatch(/^−?\d+(\.\d+)?$/);
      expect(tick.box.x).toBeGreaterThan(frame.x);
      expect(tick.box.x).toBeLessThan(frame.x + frame.width);
      expect(tick.box.y).toBeGreaterThan(frame.y);
      expect(tick.box.y).toBeLessThan(frame.y + frame.height);
    }
  }
  // x ticks run left to right in order from the first camera; loss ticks go up as they grow.
  const x = await labels(axes, 'x', 'tick');
  // Every round value of the domain −2 … 2, the near corner's too (it was below the picture).
  expect(x.map((l) => l.text)).toEqual(['−2', '−1', '0', '1', '2']);
  const y = await labels(axes, 'y', 'tick');
  expect(y.map((l) => l.text).sort()).toEqual(['−1', '−2', '0', '1', '2'].sort());
  const xs = x.map((l) => l.box.x);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  const loss = await labels(axes, 'loss', 'tick');
  const ys = loss.map((l) => l.box.y);
  expect([...ys].sort((a, b) => b - a)).toEqual(ys);

  // Turning the view moves the labels with the picture.
  const before = await axes.locator('span[data-axis="x"][data-kind="title"]').boundingBox();
  await canvas.focus();
  await canvas.press('ArrowLeft');
  await expect
    .poll(
      async () => (await axes.locator('span[data-axis="x"][data-kind="title"]').boundingBox())!.x,
    )
    .not.toBe(before!.x);
});
