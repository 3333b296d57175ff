/**
 * Issue 10, the teacher: what a teacher does in front of a class (a clicker after a slider drag,
 * presenter mode on a projector, a run that diverges) and what the room then sees.
 * Scenes are loaded by URL so these tests do not depend on the default scene.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import { Visualizer, dragSlider } from './fixtures/visualizer';

/** Quadratic bowl, SGD and Adam, 60 steps, shown from step 0. */
const TWO = 'scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1;o:adam,lr=0.1&view=t:0';

const lrOf = async (app: Visualizer, index: number): Promise<number | undefined> =>
  (await app.scene()).optimizers[index]!.lr;

/** A chart label lies in the plot (what the clip path keeps), clear of every tick label. */
async function expectInsidePlotClearOfTicks(chart: Locator, label: Locator): Promise<void> {
  const clip = (await chart.locator('clipPath rect').boundingBox())!;
  const box = (await label.boundingBox())!;
  expect(inside(box, clip)).toBe(true);
  for (const tick of await chart.locator('.descent-chart__tick').all()) {
    expect(overlaps(box, (await tick.boundingBox())!)).toBe(false);
  }
}

/** The two-optimizer scene, opened, with the first optimizer's lr slider dragged by the mouse. */
async function dragFirstLr(page: Page) {
  const app = new Visualizer(page);
  await app.open(`?${TWO}`);
  const row = await app.expand(0);
  const slider = row.getByTestId('slider-lr');
  await app.repaintAfter(() => dragSlider(page, slider, 0.3));
  return { app, row, slider, lr: await lrOf(app, 0) };
}

test.describe('keyboard: a clicker drives playback whatever the pointer touched last', () => {
  test('after dragging the lr slider, → and PageDown step playback and leave the lr alone', async ({
    page,
  }) => {
    const { app, slider, lr } = await dragFirstLr(page);
    await expect(slider).toBeFocused();
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

  test('after a switch to the slides and back (Alt+Tab), the dragged slider still leaves → to playback', async ({
    page,
  }) => {
    const { app, row, slider, lr } = await dragFirstLr(page);
    // Alt+Tab away and back, as the browser reports it: Alt pressed in the page, the window's
    // blur (the slider keeps document focus), then focus given back to the same slider. Headless
    // Chromium never blurs a page, so the window's events are dispatched as the browser sends them.
    await page.keyboard.down('Alt');
    await page.evaluate(() => {
      const el = document.activeElement!;
      el.dispatchEvent(new FocusEvent('blur'));
      el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      window.dispatchEvent(new FocusEvent('blur'));
    });
    await page.keyboard.up('Alt');
    await page.evaluate(() => {
      const el = document.activeElement!;
      el.dispatchEvent(new FocusEvent('focus'));
      el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      window.dispatchEvent(new FocusEvent('focus'));
    });
    await expect(slider).toBeFocused();
    const start = await app.cursor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    expect(await app.cursor()).toBe(start + 2);
    expect(await lrOf(app, 0)).toBe(lr);

    // Tab onto the slider, away and back: it keeps its arrows, as it was reached by keyboard.
    await row.getByTestId('field-lr').click();
    await page.keyboard.press('Shift+Tab');
    await expect(slider).toBeFocused();
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
    await page.evaluate(() =>
      document.activeElement!.dispatchEvent(new FocusEvent('focusin', { bubbles: true })),
    );
    const before = Number(await slider.inputValue());
    await app.repaintAfter(() => page.keyboard.press('ArrowRight'));
    expect(Number(await slider.inputValue())).toBe(before + 1);
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

/** Pixels of the trajectory canvas within `tolerance` of colour `hex`, and the canvas's size. */
async function colourPixels(page: Page, hex: string, tolerance = 40): Promise<number> {
  return page.evaluate(
    ([hex, tolerance]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.map-trajectories')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const want = [1, 3, 5].map((i) => parseInt((hex as string).slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 128) continue;
        const d =
          Math.abs(data[i]! - want[0]!) +
          Math.abs(data[i + 1]! - want[1]!) +
          Math.abs(data[i + 2]! - want[2]!);
        if (d <= (tolerance as number)) count++;
      }
      const dpr = window.devicePixelRatio || 1;
      return count / (dpr * dpr);
    },
    [hex, tolerance] as const,
  );
}

const inside = (
  inner: { x: number; y: number; width: number; height: number },
  outer: { x: number; y: number; width: number; height: number },
): boolean =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe('divergence reads as divergence, not as a glitch', () => {
  // The "learning rate too large" lesson: SGD at 0.95 converges, at 1.05 it swings out of the map.
  const TOO_LARGE =
    'scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.95,color=009e73;o:sgd,lr=1.05,color=d55e00';

  test('a path that leaves the map stops at the edge, with "left the map at step 5" on the map', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?${TOO_LARGE}&view=t:3`);
    // Before it leaves: no label.
    await expect(page.getByTestId('map-exit-1')).toHaveCount(0);
    await app.open(`?${TOO_LARGE}&view=t:60`);
    const label = page.getByTestId('map-exit-1');
    await expect(label).toHaveText(/SGD 2 left the map at step 5 ↓/);
    await expect(page.getByTestId('map-exit-0')).toHaveCount(0);
    const plot = (await app.plot.boundingBox())!;
    expect(inside((await label.boundingBox())!, plot)).toBe(true);
    // The diverging run is five strokes, not a block: its colour covers under 2% of the map
    // (about 1%; drawn whole, its 55 swings off the map painted a solid bar of 4.5%).
    const orange = await colourPixels(page, '#d55e00');
    expect(orange).toBeGreaterThan(200);
    expect(orange / (plot.width * plot.height)).toBeLessThan(0.02);
    // The converging run stays fully visible beside it.
    expect(await colourPixels(page, '#009e73')).toBeGreaterThan(1000);
  });

  test('a start far off the map is named on the map, and a path that walks in loses its label', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    // The reviewer's start: nothing of either run is ever in view.
    await app.open('?scene=f:quadratic;p:1e9,-1e9;n:50;o:sgd,lr=0.1;o:adam,lr=0.1&view=t:50');
    const plot = (await app.plot.boundingBox())!;
    for (const [i, name] of [
      [0, 'SGD'],
      [1, 'Adam'],
    ] as const) {
      const label = page.getByTestId(`map-exit-${i}`);
      await expect(label).toHaveText(`${name} is off the map for the whole run ↘`);
      expect(inside((await label.boundingBox())!, plot)).toBe(true);
    }
    // From (−9, 0), left of the view, SGD at lr 0.5 walks in at step 6 (x shrinks ×0.9 a step).
    const late = 'scene=f:quadratic;p:-9,0;n:30;o:sgd,lr=0.5';
    await app.open(`?${late}&view=t:2`);
    await expect(page.getByTestId('map-exit-0')).toHaveText('SGD is off the map until step 6 ←');
    await app.open(`?${late}&view=t:6`);
    await expect(page.getByTestId('map-exit-0')).toHaveCount(0);
    // In Chinese too, with the name and the step kept.
    await app.open(`?${late}&view=t:2&lang=zh-CN`);
    await expect(page.getByTestId('map-exit-0')).toHaveText('SGD 在第 6 步之前都在地图之外 ←');
  });

  test('the loss chart lets a diverging line leave the top and keeps its label off the axes', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await app.open('?scene=f:quadratic;p:-4,2;n:300;o:sgd,lr=3;o:adam,lr=0.1&view=t:300');
    const sgd = (await app.trajectories())[0]!;
    expect(sgd.diverged).toBe(true);
    const chart = page.locator('.descent-chart').first();
    const marker = chart.locator('.descent-chart__diverged text');
    await expect(marker).toHaveText(`diverged at step ${sgd.length - 1}`);
    await expectInsidePlotClearOfTicks(chart, marker);
    // SGD's line rises past the top edge (and is clipped there); it never runs flat along it.
    const d = (await chart.locator('.descent-chart__line').first().getAttribute('d'))!;
    const ys = [...d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    const top = Number(await chart.locator('clipPath rect').getAttribute('y'));
    expect(ys.some((y) => y < top - 50)).toBe(true);
    const flatAtTop = ys.filter(
      (y, i) => i > 0 && Math.abs(y - top) < 3 && Math.abs(ys[i - 1]! - y) < 0.5,
    );
    expect(flatAtTop.length).toBeLessThan(3);
  });

  test('a finite run that climbs off the loss and distance charts is marked where it leaves', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    // lr 1.05 on x²/10 + y²: y ← −1.1·y, so the loss grows 1.21× a step and stays finite to the
    // end (1e17 at step 200), far above the axis the converging Adam keeps.
    await app.open('?scene=f:quadratic;p:-4,2;n:200;o:sgd,lr=1.05;o:adam,lr=0.1&view=t:200');
    const [sgd] = await app.trajectories();
    expect(sgd!.diverged).toBe(false);
    for (const chart of await page.locator('.descent-chart').all()) {
      const marker = chart.locator('.descent-chart__off-chart');
      await expect(marker).toHaveCount(1);
      const text = (await marker.locator('text').textContent())!;
      const step = Number(/off the chart from step (\d+) ↑/.exec(text)?.[1]);
      // The step named is where the drawn line meets the top of the plot (the clip path starts
      // 2 px above it, so a line's stroke is not cut at the edge).
      const top = Number(await chart.locator('clipPath rect').getAttribute('y')) + 2;
      const d = (await chart.locator('.descent-chart__line').first().getAttribute('d'))!;
      const points = [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      const firstAbove = points.findIndex(([, y]) => y! < top);
      expect(firstAbove).toBeGreaterThan(0);
      expect(step).toBeGreaterThan(5);
      // (The path's points are rounded to 0.1 px: a point on the edge may fall either side.)
      expect(Math.abs(step - firstAbove)).toBeLessThanOrEqual(1);
      await expectInsidePlotClearOfTicks(chart, marker.locator('text'));
    }
  });

  test('a start outside the function’s domain says so, not "lower the learning rate"', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(
      `?scene=${encodeSceneParam({
        surface: { expr: 'log(x) + y^2' },
        start: [-1, 1],
        steps: 50,
        optimizers: [{ type: 'sgd', lr: 0.1 }],
      })}`,
    );
    await expect(page.getByTestId('map-start-outside')).toContainText(
      "outside the function's domain",
    );
    await expect(page.getByTestId('diverged-0')).toHaveText(
      "no path: the start is outside f's domain",
    );
    await expect(page.getByTestId('formula-outside')).toContainText('Move the start point');
    await expect(page.locator('body')).not.toContainText('lower the learning rate');
    // Moving the start into the domain clears the message and draws a path.
    await app.repaintAfter(async () => {
      await page.getByLabel('start x').fill('2');
      await page.getByLabel('start x').press('Enter');
    });
    await expect(page.getByTestId('map-start-outside')).toHaveCount(0);
    expect((await app.trajectories())[0]!.length).toBeGreaterThan(1);
  });
});

test('a step out of the function’s domain is named as that, not as divergence', async ({
  page,
}) => {
  const app = new Visualizer(page);
  // √x + y² from x = 0.5 at lr 2: the first step lands at x ≈ −0.91, where √x is not defined.
  await app.open('?scene=e:sqrt(x)%2By^2;p:0.5,1;n:50;o:sgd,lr=2&view=t:50');
  const [run] = await app.trajectories();
  expect(run!.diverged).toBe(true);
  expect(run!.length).toBe(1);
  await expect(page.getByTestId('diverged-0')).toHaveText("left f's domain after step 0");
  await expect(page.locator('.descent-chart__legend').first()).toContainText(
    "left f's domain after step 0",
  );
  await expect(page.locator('.descent-formula__diverged')).toContainText("left f's domain");
  await expect(page.locator('body')).not.toContainText('diverged at step');
  // The optimizer's "why this path" note ends with the domain, not an overflow.
  await app.expand(0);
  await expect(page.locator('body')).toContainText("After step 0 the path left f's domain");
  await expect(page.locator('body')).not.toContainText('overflowed');
});

test.describe('a legend on the figure in every view', () => {
  /** Two Adams (one would be "Adam" twice) and an SGD, on the quadratic. */
  const TWINS = 'scene=f:quadratic;p:-4,2;n:40;o:adam,lr=0.1;o:sgd,lr=0.1;o:adam,lr=0.3';
  const VIEWS = [
    { name: 'normal view', query: `?${TWINS}` },
    { name: 'presenter mode', query: `?${TWINS}&present=1` },
    { name: 'a lesson', query: `?lesson=momentum-ravine&${TWINS}` },
    { name: 'an embed', query: `?embed=1&${TWINS}` },
  ];
  for (const view of VIEWS) {
    test(`${view.name}: each path named with its colour and dash, twins told apart`, async ({
      page,
    }) => {
      const app = new Visualizer(page);
      await app.open(view.query);
      const key = page.getByTestId('map-key');
      await expect(key).toBeVisible();
      const plot = (await app.plot.boundingBox())!;
      const box = (await key.boundingBox())!;
      // On the figure: right under the plot, as wide as it at most.
      expect(box.y).toBeGreaterThanOrEqual(plot.y + plot.height);
      expect(box.y).toBeLessThan(plot.y + plot.height + 80);
      const names = await key.locator('.map-key-name').allTextContents();
      expect(names).toEqual(['Adam', 'SGD', 'Adam 2']);
      // Each entry's line is its path's colour and dash on the map (the palette by position).
      const lines = await key.locator('li').evaluateAll((items) =>
        items.map((li) => {
          const line = li.querySelectorAll('line')[1]!;
          return [line.getAttribute('stroke'), line.getAttribute('stroke-dasharray')];
        }),
      );
      expect(lines).toEqual([
        ['#0072b2', null],
        ['#d55e00', '9 4'],
        ['#009e73', '2 3'],
      ]);
      // The current learning rates are read live, next to the names.
      await expect(page.getByTestId('map-key-2')).toContainText('0.3');
    });
  }

  test('presenter sliders are named without values; the legend follows a drag', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=lr-too-large&present=1');
    const slider = page.getByTestId('present-lr-1');
    const before = await slider.evaluate((el) => el.getAttribute('aria-labelledby'));
    const name = async (): Promise<string> =>
      slider.evaluate((el) => {
        const id = el.getAttribute('aria-labelledby')!;
        return document.getElementById(id)!.textContent ?? '';
      });
    expect(before).not.toBeNull();
    expect(await name()).toBe('Learning rate of SGD 2');
    await app.repaintAfter(() => dragSlider(page, slider, 0.2));
    const lr = (await app.scene()).optimizers[1]!.lr!;
    expect(lr).not.toBe(1.05);
    // The name is unchanged (no number in it); the value is the slider's and the legend's.
    expect(await name()).toBe('Learning rate of SGD 2');
    await expect(slider).toHaveAttribute('aria-valuetext', String(lr));
    await expect(page.getByTestId('map-key-1')).toContainText(String(lr));
    // No label anywhere on the page still carries the lesson's old rate.
    const labels = await page
      .locator('[aria-label], label, .map-key-name')
      .evaluateAll((els) =>
        els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()),
      );
    expect(labels.filter((l) => l.includes('1.05'))).toEqual([]);
  });
});

/** Font size in px of the first element matching `selector`. */
const fontPx = (page: Page, selector: string): Promise<number> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test.describe('the map is the hero', () => {
  const THREE =
    'scene=f:quadratic;p:-4,2;n:100;o:sgd,lr=0.1;o:sgd,lr=0.1,momentum=0.9;o:adam,lr=0.1';

  test('at 1280 × 720 the map takes at least half the screen, the playback bar in view', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Visualizer(page);
    await app.open(`?${THREE}`);
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(map.width * map.height).toBeGreaterThanOrEqual(0.5 * 1280 * 720);
    expect(map.y + map.height).toBeLessThanOrEqual(720);
    const play = (await page.getByTestId('play').boundingBox())!;
    expect(play.y + play.height).toBeLessThanOrEqual(720);
    // Its legend is on screen too.
    const key = (await page.getByTestId('map-key').boundingBox())!;
    expect(key.y + key.height).toBeLessThanOrEqual(720);
  });

  for (const surface of [
    { name: 'the ravine', scene: 'scene=e:x^2/100%2By^2;p:-4.5,1.5;n:100;o:sgd,lr=0.9' },
    { name: 'Rosenbrock', scene: 'scene=f:rosenbrock;p:-1.5,2;n:100;o:adam,lr=0.05' },
  ]) {
    for (const presenting of [false, true]) {
      test(`${surface.name}${presenting ? ' in presenter mode' : ''} uses the space, not a thin strip`, async ({
        page,
      }) => {
        await page.setViewportSize({ width: 1280, height: 720 });
        const app = new Visualizer(page);
        await app.open(`?${surface.scene}${presenting ? '&present=1' : ''}`);
        const plot = (await app.plot.boundingBox())!;
        // The plot is as tall as the screen allows (more than 55% of it), whatever the domain.
        expect(plot.height).toBeGreaterThan(0.55 * 720);
        expect(plot.width * plot.height).toBeGreaterThan(0.35 * 1280 * 720);
        expect(plot.y + plot.height).toBeLessThanOrEqual(720);
      });
    }
  }

  test('presenter mode: every label on the figure scales with the screen; the bottom is used', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    const sizes: Record<string, Record<string, number>> = {};
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await app.open('?lesson=lr-too-large&present=1');
      await expect(page.getByTestId('presenter')).toBeVisible();
      sizes[h] = {
        tick: await fontPx(page, '.map-axes text'),
        colourBar: await fontPx(page, '.legend-labels span'),
        key: await fontPx(page, '.map-key-name'),
      };
      const playback = (await page.locator('.presenter .playback').boundingBox())!;
      expect(playback.y + playback.height).toBeGreaterThan(0.93 * h);
      expect(playback.y + playback.height).toBeLessThanOrEqual(h);
      const plot = (await app.plot.boundingBox())!;
      expect(plot.y + plot.height).toBeGreaterThan(0.7 * h);
    }
    // Readable from the back of a room at 1080p: at least 2% of the screen's height (≥ 21.6 px),
    // against 12–14 px before; and they grow with the screen.
    for (const label of ['tick', 'colourBar', 'key']) {
      expect(sizes[1080]![label]!, label).toBeGreaterThanOrEqual(0.02 * 1080);
      expect(sizes[1080]![label]! / sizes[720]![label]!, label).toBeGreaterThan(1.3);
    }
    // The colour bar's labels never run together at that size.
    const boxes = await page
      .locator('.legend-labels span')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.left).toBeGreaterThan(boxes[i - 1]!.right);
  });
});

test.describe('lessons a class can follow', () => {
  test('in a lesson, the optimizer panel’s lr slider spans the lesson too; outside one it spans torch’s range', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    /** Where the slider's thumb sits, as a fraction of its track. */
    const fractionOf = async (slider: Locator): Promise<number> => {
      const min = Number(await slider.getAttribute('min'));
      const max = Number(await slider.getAttribute('max'));
      return (Number(await slider.inputValue()) - min) / (max - min);
    };
    await page.goto('/?page=lessons');
    await app.repaintAfter(() =>
      page
        .getByTestId('lesson-card-lr-too-large')
        .getByRole('link', { name: 'Learning rate too large' })
        .click(),
    );
    const row = await app.expand(1);
    const slider = row.getByTestId('slider-lr');
    const at = await fractionOf(slider);
    // 0.9 → 1.1 is a fifth of the track: drag by a tenth and the lr moves by about 0.1.
    await app.repaintAfter(() => dragSlider(page, slider, at - 0.1, at));
    const lr = (await app.scene()).optimizers[1]!.lr!;
    expect(lr).toBeGreaterThan(0.9);
    expect(lr).toBeLessThan(1.0);

    // Closing the lesson gives the slider torch's whole range back.
    await page.getByTestId('close-lesson').click();
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    const wide = (await app.expand(1)).getByTestId('slider-lr');
    const max = Number(await wide.getAttribute('max'));
    const min = Number(await wide.getAttribute('min'));
    // Five decades: 0.1 of lr is well under a hundredth of the track.
    expect(max - min).toBeGreaterThan(0);
    const before = Number(await wide.inputValue());
    await page
      .getByTestId('optimizer-1')
      .getByTestId('field-lr')
      .fill(String(lr + 0.1));
    await page.getByTestId('optimizer-1').getByTestId('field-lr').press('Enter');
    await expect.poll(async () => Number(await wide.inputValue())).not.toBe(before);
    expect(Math.abs(Number(await wide.inputValue()) - before) / (max - min)).toBeLessThan(0.02);
  });

  test('a lesson from the gallery opens at step 0 and plays slowly; its slider spans the lesson', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await page.goto('/?page=lessons');
    await app.repaintAfter(() =>
      page
        .getByTestId('lesson-card-lr-too-large')
        .getByRole('link', { name: 'Learning rate too large' })
        .click(),
    );
    expect(await app.cursor()).toBe(0);
    await expect(page.getByTestId('speed')).toHaveValue('5');
    await page.getByTestId('present').click();
    // The "too large" slider: 0.9 → 1.1 is a fifth of its track, not 2 px.
    const slider = page.getByTestId('present-lr-1');
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const lr = Number(await slider.getAttribute('aria-valuetext'));
    const pos = Number(await slider.inputValue());
    // 1.05 sits well inside the track, and a tenth of the track moves the rate by under 0.15.
    const fraction = (pos - min) / (max - min);
    expect(lr).toBe(1.05);
    expect(fraction).toBeGreaterThan(0.3);
    expect(fraction).toBeLessThan(0.8);
    const before = (await app.scene()).optimizers[1]!.lr!;
    await app.repaintAfter(() => dragSlider(page, slider, fraction + 0.1));
    const after = (await app.scene()).optimizers[1]!.lr!;
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThan(0.15);
  });
});

test.describe('the lab has the same keys and a presenter mode', () => {
  test('after dragging a lab slider, → and PageDown train one step each; Space trains; P presents', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?page=lab');
    const slot = page.locator('.lab-slot').first();
    // The lab's first set-up (data, network, a forward pass in its worker) took over 5 s at a
    // load of 8 here: wait for it as for a page load, not as for a reaction to a key.
    await expect(slot).toContainText('Step 0 ·', { timeout: 20_000 });
    const slider = page.locator('.lab-controls input[type="range"]').first();
    await dragSlider(page, slider, 0.7);
    await expect(slider).toBeFocused();
    const value = await slider.inputValue();
    await expect(slot).toContainText('Step 0 ·');

    await page.keyboard.press('ArrowRight');
    await expect(slot).toContainText('Step 1 ·');
    await page.keyboard.press('PageDown');
    await expect(slot).toContainText('Step 2 ·');
    expect(await slider.inputValue()).toBe(value);

    const train = page.locator('.lab-controls .lab-primary');
    await page.keyboard.press(' ');
    await expect(train).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press(' ');
    await expect(train).toHaveAttribute('aria-pressed', 'false');

    const fontBefore = await fontPx(page, 'html');
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(page.locator('header.app-header')).toBeHidden();
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    expect(await fontPx(page, 'html')).toBeGreaterThan(fontBefore * 1.1);
    // The network and its training stay; the calculator waits for the end of the lesson.
    await expect(slot).toBeVisible();
    await expect(page.getByTestId('stop-presenting')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.locator('header.app-header')).toBeVisible();
  });
});

test.describe('the lab trains at a pace a class can follow', () => {
  const stepOf = async (page: Page): Promise<number> =>
    Number(await page.locator('[data-slot="a"] .lab-status').getAttribute('data-step'));

  test('in presenter mode Space trains at 30 steps a second, and a chosen speed is kept to', async ({
    page,
  }) => {
    await page.goto('/?page=lab&present=1');
    await expect(page.locator('.lab-slot').first()).toContainText('Step 0 ·', { timeout: 20_000 });
    // The menu says the pace presenter mode trains at; without presenter mode it is the fastest.
    await expect(page.getByTestId('lab-speed')).toHaveValue('30');
    // At 1280×720 the figures a class watches are on screen without scrolling: the network, the
    // gradient norm of every layer and the decision boundary (the cards' explanations step aside).
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const name of ['Network diagram', 'Gradient norm per layer', 'Decision boundary'])
      await expect(page.getByRole('heading', { name })).toBeInViewport();
    await expect(page.locator('ol.lab-bars > li').last()).toBeInViewport();
    // A pace is an upper bound (a busy machine may train slower, never faster): steps over the
    // wall time measured around the run.
    const trainFor = async (ms: number): Promise<{ steps: number; seconds: number }> => {
      const from = await stepOf(page);
      const t0 = Date.now();
      await page.keyboard.press(' ');
      await expect(page.locator('.lab-controls .lab-primary')).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBeGreaterThan(from + 5);
      await page.waitForTimeout(ms);
      await page.keyboard.press(' ');
      await expect(page.locator('.lab-controls .lab-primary')).toHaveAttribute(
        'aria-pressed',
        'false',
      );
      const seconds = (Date.now() - t0) / 1000;
      // The answer of a round already asked for may still arrive.
      await page.waitForTimeout(300);
      return { steps: (await stepOf(page)) - from, seconds };
    };
    const present = await trainFor(1500);
    expect(present.steps).toBeLessThanOrEqual(30 * (present.seconds + 0.3) + 3);
    await page.getByTestId('lab-speed').selectOption('10');
    const slow = await trainFor(1500);
    expect(slow.steps).toBeLessThanOrEqual(10 * (slow.seconds + 0.3) + 1);
    // Leaving presenter mode keeps the chosen pace; a fresh lab trains as fast as it can.
    await page.keyboard.press('p');
    await expect(page.getByTestId('lab-speed')).toHaveValue('10');
    await page.goto('/?page=lab');
    await expect(page.getByTestId('lab-speed')).toHaveValue('max');
  });
});
