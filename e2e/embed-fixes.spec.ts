/**
 * What a fresh reviewer of the embed (issue 10) saw go wrong, done again as they did it: a clicker
 * after a slider drag, a short iframe with its suggested height, a tap on the map, paths leaving a
 * narrow map, Ctrl + wheel, long slider labels, a sandboxed "Open in Descent", a phone's finger
 * on the whole app. Each check is what that person would see.
 */
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { expectWithin, frameBox, openHost, overlaps, viewport } from './fixtures/embedHost';
import type { Box } from './fixtures/embedHost';
import { Visualizer } from './fixtures/visualizer';
import { PHONE } from './fixtures/phone';

/** The ravine of the blogger's post. */
const RAVINE: Scene = {
  surface: { expr: 'x^2/100 + y^2' },
  start: [-4.5, 1.5],
  steps: 80,
  optimizers: [
    { type: 'sgd', lr: 0.9, label: 'SGD' },
    { type: 'sgd', lr: 0.5, momentum: 0.8, label: 'Momentum' },
  ],
};
/** Five optimizers that all leave the map within a few steps (the reviewer's scene). */
const LEAVERS: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 100,
  optimizers: [
    { type: 'sgd', lr: 1.2, label: 'A' },
    { type: 'sgd', lr: 1.3, label: 'B' },
    { type: 'sgd', lr: 1.5, label: 'C' },
    { type: 'sgd', lr: 2.5, label: 'D' },
    { type: 'adam', lr: 3, label: 'E' },
  ],
};

const embedSrc = (extra = '', scene: Scene = RAVINE, page = './'): string =>
  `${page}?embed=1${extra}&scene=${encodeSceneParam(scene)}`;

const cursorOf = (frame: Frame | Page) => frame.evaluate(() => window.__descent!.cursor());
const lrOf = (frame: Frame | Page, i = 0) =>
  frame.evaluate((index) => window.__descent!.scene().optimizers[index]!.lr, i);
const domainWidth = async (frame: Frame | Page) => {
  const d = await frame.evaluate(() => window.__descent!.domain());
  return d.x[1] - d.x[0];
};

/** Presses `key` in the focused frame. */
const press = (page: Page, key: string) => page.keyboard.press(key);

test.describe('a presentation clicker in an embed', () => {
  test('after the lr slider was dragged, PageDown/PageUp/→/←/Space/End play and step, and the lr stays', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('&controls=play,lr:0'), { w: 700, h: 500 });
    const iframe = (await page.locator('#embed').boundingBox())!;
    await frame.getByTestId('reset').click();
    expect(await cursorOf(frame)).toBe(0);

    // The teacher drags "lr of SGD" with the mouse.
    const slider = frame.getByTestId('embed-param-lr-0').getByRole('slider');
    const s = (await frameBox(frame, '[data-testid="embed-param-lr-0"] input'))!;
    await page.mouse.move(iframe.x + s.left + s.width * 0.4, iframe.y + s.top + s.height / 2);
    await page.mouse.down();
    await page.mouse.move(iframe.x + s.left + s.width * 0.6, iframe.y + s.top + s.height / 2, {
      steps: 4,
    });
    await page.mouse.up();
    await expect(slider).toBeFocused();
    const lr = await lrOf(frame);
    expect(lr).not.toBe(0.9);

    // Then the clicker: next, next, back, →, ←, End.
    await press(page, 'PageDown');
    await press(page, 'PageDown');
    expect(await cursorOf(frame)).toBe(2);
    await press(page, 'PageUp');
    expect(await cursorOf(frame)).toBe(1);
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowLeft');
    expect(await cursorOf(frame)).toBe(2);
    await press(page, 'End');
    expect(await lrOf(frame)).toBe(lr);
    // Space plays, and pauses again.
    await press(page, 'Space');
    await expect(frame.getByTestId('play')).toHaveAttribute('data-playing', 'true');
    await frame.waitForFunction(() => window.__descent!.cursor() > 3);
    await press(page, 'Space');
    await expect(frame.getByTestId('play')).toHaveAttribute('data-playing', 'false');
    expect(await lrOf(frame)).toBe(lr);

    // A key held down repeats (keydown with repeat set): ↑ ↓ Home End held leave the lr alone
    // too. Before, a repeated key skipped the guard and Home set the smallest lr.
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End']) {
      await page.keyboard.down(key);
      await page.keyboard.down(key);
      await page.keyboard.down(key);
      await page.keyboard.up(key);
      expect(await lrOf(frame), key).toBe(lr);
    }
    // A held → keeps stepping (its repeats are steps), as a held clicker button does.
    const at = await cursorOf(frame);
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    await page.keyboard.up('ArrowRight');
    expect(await cursorOf(frame)).toBe(at + 3);
    expect(await lrOf(frame)).toBe(lr);
  });

  test('after a click on the scrubber or the play button, PageDown steps forward, Space toggles once', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('&controls=play,lr:0'), { w: 700, h: 500 });
    const iframe = (await page.locator('#embed').boundingBox())!;
    const scrub = (await frameBox(frame, 'scrub'))!;
    await page.mouse.click(
      iframe.x + scrub.left + scrub.width * 0.3,
      iframe.y + scrub.top + scrub.height / 2,
    );
    const at = await cursorOf(frame);
    expect(at).toBeGreaterThan(10);
    expect(at).toBeLessThan(40);
    await press(page, 'PageDown');
    expect(await cursorOf(frame)).toBe(at + 1);
    await press(page, 'PageUp');
    await press(page, 'PageUp');
    expect(await cursorOf(frame)).toBe(at - 1);
    await press(page, 'Home');
    expect(await cursorOf(frame)).toBe(at - 1);

    // The play button clicked with the mouse: Space pauses (once, not pause-and-play-again).
    await frame.getByTestId('play').click();
    await expect(frame.getByTestId('play')).toHaveAttribute('data-playing', 'true');
    await press(page, 'Space');
    await expect(frame.getByTestId('play')).toHaveAttribute('data-playing', 'false');
    const paused = await cursorOf(frame);
    await press(page, 'PageUp');
    expect(await cursorOf(frame)).toBe(paused - 1);
  });

  test('a slider reached with Tab keeps its arrows; a clicker’s PageDown/PageUp still step', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('&controls=play,lr:0'), { w: 700, h: 500 });
    await frame.getByTestId('reset').click();
    const slider = frame.getByTestId('embed-param-lr-0').getByRole('slider');
    for (let i = 0; i < 12; i++) {
      if (await slider.evaluate((el) => el === document.activeElement)) break;
      await press(page, 'Tab');
    }
    await expect(slider).toBeFocused();
    const lr = await lrOf(frame);
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    await expect.poll(() => lrOf(frame)).not.toBe(lr);
    expect(await cursorOf(frame)).toBe(0);
    // The teacher advances the slide: playback steps, the lr the arrows set stays.
    const set = await lrOf(frame);
    await press(page, 'PageDown');
    await press(page, 'PageDown');
    expect(await cursorOf(frame)).toBe(2);
    await press(page, 'PageUp');
    expect(await cursorOf(frame)).toBe(1);
    expect(await lrOf(frame)).toBe(set);
    await expect(slider).toBeFocused();
  });
});

test.describe('a short embed names its paths, and asks for a height where all fits', () => {
  for (const size of [
    { w: 320, h: 240 },
    { w: 320, h: 389 },
    { w: 700, h: 300 },
    { w: 700, h: 420 },
  ]) {
    test(`at ${size.w}×${size.h} the paths' key is shown, inside the iframe`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, embedSrc('&controls=play'), size);
      const inside = viewport(size.w, size.h);
      for (const i of [0, 1]) {
        const key = frame.getByTestId(`map-key-${i}`);
        await expect(key).toBeVisible();
        await expect(key).toContainText(i === 0 ? 'SGD' : 'Momentum');
        expectWithin(await frameBox(frame, `map-key-${i}`), inside, `the key of path ${i}`);
      }
      expectWithin(await frameBox(frame, 'embed-controls'), inside, 'the controls');
    });
  }

  // The reviewer's case: two sliders and the charts button leave a short map; the key once slid
  // under the controls and the plot's top left the iframe.
  for (const size of [
    { w: 320, h: 240 },
    { w: 400, h: 260 },
    { w: 700, h: 300 },
  ]) {
    test(`at ${size.w}×${size.h} with two sliders the key, plot and controls do not overlap`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, embedSrc('&controls=play,lr:0,momentum:1,charts'), size);
      const inside = viewport(size.w, size.h);
      const controls = (await frameBox(frame, 'embed-controls'))!;
      const plot = (await frameBox(frame, 'map-plot'))!;
      expectWithin(controls, inside, 'the controls');
      expectWithin(plot, inside, 'the plot');
      expect(plot.bottom, 'the plot ends above the controls').toBeLessThanOrEqual(
        controls.top + 0.5,
      );
      expect(plot.height, 'the plot keeps a readable height').toBeGreaterThanOrEqual(60);
      for (const i of [0, 1]) {
        const key = (await frameBox(frame, `map-key-${i}`))!;
        await expect(frame.getByTestId(`map-key-${i}`)).toContainText(i === 0 ? 'SGD' : 'Momentum');
        expectWithin(key, inside, `the key of path ${i}`);
        expect(overlaps(key, controls), `the key of path ${i} is clear of the controls`).toBe(
          false,
        );
      }
    });
  }

  // The reviewer's 400 × 300: the letter-box beside the plot is 23 px, and the key covered the
  // plot's top-right corner (77 × 35 px) whatever ran through it.
  for (const size of [
    { w: 400, h: 300 },
    { w: 320, h: 240 },
    { w: 480, h: 280 },
  ]) {
    test(`at ${size.w}×${size.h} the key that cannot sit beside the plot takes a corner the paths leave free`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      // The notes' bowl (x in [-5, 5], y in [-3, 3]) from its top-right corner.
      const scene: Scene = {
        surface: { id: 'quadratic' },
        start: [4.5, 2.6],
        steps: 60,
        optimizers: [
          { type: 'sgd', lr: 0.5, label: 'SGD' },
          { type: 'sgd', lr: 0.3, momentum: 0.8, label: 'Momentum' },
        ],
      };
      const frame = await openHost(page, embedSrc('&controls=play', scene), size);
      await expect(frame.getByTestId('map-key-1')).toBeVisible();
      await expect.poll(() => frame.evaluate(() => window.__descent!.settled())).toBe(true);
      const plot = (await frameBox(frame, 'map-plot'))!;
      const key = (await frameBox(frame, '.map-key'))!;
      expectWithin(key, viewport(size.w, size.h), 'the key');
      // Every path point and the start, in the iframe's px; none under the key.
      const hidden = await frame.evaluate(
        ({ plot, key }) => {
          const api = window.__descent!;
          const d = api.domain();
          const pts = [api.scene().start as [number, number]];
          for (const tr of api.trajectories()) pts.push(...tr.points);
          return pts.filter(([x, y]) => {
            const px = plot.left + ((x - d.x[0]) / (d.x[1] - d.x[0])) * (plot.right - plot.left);
            const py = plot.top + ((d.y[1] - y) / (d.y[1] - d.y[0])) * (plot.bottom - plot.top);
            return px > key.left && px < key.right && py > key.top && py < key.bottom;
          }).length;
        },
        { plot, key },
      );
      expect(hidden, 'path points under the key').toBe(0);
    });
  }

  // 320 × 240 with two sliders: a 107 × 64 plot, and the key (100 px) over half of it, though
  // the two letter-boxes beside the centred plot were 120 px together.
  for (const size of [
    { w: 320, h: 240 },
    { w: 360, h: 260 },
  ]) {
    test(`at ${size.w}×${size.h} the map moves aside so the key sits beside the plot, not on it`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, embedSrc('&controls=play,lr:0,momentum:1'), size);
      await expect(frame.getByTestId('map-key-1')).toBeVisible();
      const inside = viewport(size.w, size.h);
      await expect
        .poll(async () => {
          const key = (await frameBox(frame, '.map-key'))!;
          return overlaps(key, (await frameBox(frame, 'map-plot'))!);
        }, 'the key overlaps the plot')
        .toBe(false);
      expectWithin(await frameBox(frame, '.map-key'), inside, 'the key');
      expectWithin(await frameBox(frame, 'map-plot'), inside, 'the plot');
      // The y axis's labels moved with the map: still left of the plot and inside the iframe.
      const axis = await frame.evaluate(() =>
        Math.min(
          ...Array.from(
            document.querySelectorAll('.map-axes text'),
            (t) => t.getBoundingClientRect().left,
          ),
        ),
      );
      expect(axis).toBeGreaterThanOrEqual(0);
    });
  }

  // The reviewer's fixed iframes with the charts: the map was 100 × 60 (its top cut off) at
  // 320 × 480, 133 × 80 at 700 × 421, and the charts were cut by the controls.
  for (const size of [
    { w: 320, h: 480 },
    { w: 640, h: 480 },
    { w: 700, h: 421 },
    { w: 800, h: 600 },
  ]) {
    test(`a fixed ${size.w}×${size.h} iframe with the charts keeps a readable map; the charts are a button away`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, embedSrc('&controls=play,lr:0,momentum:1,charts'), size);
      const inside = viewport(size.w, size.h);
      const plot = (await frameBox(frame, 'map-plot'))!;
      const controls = (await frameBox(frame, 'embed-controls'))!;
      expectWithin(plot, inside, 'the plot');
      expect(plot.bottom).toBeLessThanOrEqual(controls.top + 0.5);
      expect(plot.height, 'the map is not a thumbnail').toBeGreaterThanOrEqual(120);
      // The charts, whole, in the map's place.
      await frame.getByTestId('embed-charts-toggle').click();
      await expect(frame.getByTestId('embed-side')).toBeVisible();
      expectWithin(await frameBox(frame, 'embed-side'), inside, 'the charts');
      await frame.getByTestId('embed-charts-toggle').click();
      await expect(frame.getByTestId('map-plot')).toBeVisible();
    });
  }

  for (const width of [500, 700]) {
    test(`with the charts at ${width} px wide and the height it asks for, the map has its natural size and no chart is cut`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 1200 });
      await openHost(page, embedSrc('&controls=play,charts'), { w: width, h: 300 });
      const asked = async (): Promise<number> =>
        (
          await page.evaluate(() =>
            (window as unknown as { received: { data: { height?: number } }[] }).received.map(
              (n) => n.data.height,
            ),
          )
        )
          .filter((h): h is number => typeof h === 'number')
          .at(-1) ?? 0;
      await expect.poll(asked).toBeGreaterThan(300);
      // The host page's resizer gives it what it asks for, until it asks for no more (a short
      // iframe hides the charts, so the first answer leaves them out).
      let height = 0;
      for (let round = 0; round < 6 && Math.round(await asked()) !== height; round++) {
        height = Math.round(await asked());
        await page
          .locator('#embed')
          .evaluate((el, h) => ((el as HTMLIFrameElement).height = String(h)), height);
        await page.waitForTimeout(300);
      }
      expect(Math.round(await asked()), 'the height settles').toBe(height);
      const frame = (await (await page.locator('#embed').elementHandle())!.contentFrame())!;
      const inside = viewport(width, height);
      // The map at its natural size: across the iframe, or 400 px tall (a column beside the
      // charts drew it at half the width).
      const plot = (await frameBox(frame, 'map-plot'))!;
      expect(
        Math.max(plot.width / (0.75 * width), plot.height / 396),
        `the plot (${Math.round(plot.width)} × ${Math.round(plot.height)}) at its natural size`,
      ).toBeGreaterThanOrEqual(1);
      expectWithin(await frameBox(frame, 'embed-side'), inside, 'the charts');
      expectWithin(await frameBox(frame, 'embed-controls'), inside, 'the controls');
      // Whole: nothing scrolls inside the charts' box.
      const cut = await frame.evaluate(() => {
        const side = document.querySelector('[data-testid="embed-side"]')!;
        return side.scrollHeight - side.clientHeight;
      });
      expect(cut, 'chart height scrolled out of sight').toBeLessThanOrEqual(1);
    });
  }

  test('at 320 px wide the suggested height shows map, key and controls with no blank band', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('&controls=play'), { w: 320, h: 600 });
    const asked = await page.evaluate(() => {
      const notes = (window as unknown as { received: { data: { height?: number } }[] }).received;
      return notes.map((n) => n.data.height).filter((h): h is number => typeof h === 'number');
    });
    expect(asked.length).toBeGreaterThan(0);
    const height = Math.round(asked.at(-1)!);
    const before = (await frameBox(frame, 'map-plot'))!;
    // The blogger writes that height into the iframe.
    const sized = await openHost(page, embedSrc('&controls=play'), { w: 320, h: height });
    const inside = viewport(320, height);
    await expect(sized.getByTestId('map-key-1')).toBeVisible();
    expectWithin(await frameBox(sized, 'map-key-1'), inside, 'the key');
    const controls = (await frameBox(sized, 'embed-controls'))!;
    const plot = (await frameBox(sized, 'map-plot'))!;
    expectWithin(controls, inside, 'the controls');
    // Content from the map's top to the controls' bottom: at most a few px of slack in all.
    const slack = height - (controls.bottom - plot.top);
    expect(slack, `blank height at ${height} px`).toBeLessThan(48);
    // And the plot is as wide as at the first size (the map did not shrink to make room).
    expect(plot.width).toBeGreaterThan(before.width - 8);
  });
});

test('a tap or a tiny flick on the embedded map leaves the author’s start point', async ({
  browser,
}) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const frame = await openHost(page, embedSrc('&controls=play'), { w: 370, h: 500 });
  const iframe = (await page.locator('#embed').boundingBox())!;
  const plot = (await frameBox(frame, 'map-plot'))!;
  // Counted once the worker's full map has replaced the first frame's coarse one (one more paint).
  await frame.waitForFunction(() => window.__descent!.layerComplete());
  const painted = await frame.evaluate(() => window.__descent!.paintCount());
  const x = iframe.x + plot.left + plot.width * 0.75;
  const y = iframe.y + plot.top + plot.height * 0.7;
  await page.touchscreen.tap(x, y);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchMove',
    touchPoints: [{ x: x + 2, y: y + 1 }],
  });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // A mouse click too (a desktop reader).
  await page.mouse.click(x - 20, y - 20);
  expect(await frame.evaluate(() => window.__descent!.scene().start)).toEqual(RAVINE.start);
  expect(await frame.evaluate(() => window.__descent!.paintCount())).toBe(painted);
  await context.close();
});

/** Expects every "left the map" label inside the plot, clear of the zoom buttons, with its step. */
async function expectExitLabelsFit(frame: Frame | Page): Promise<void> {
  // A, B, C and D leave by step 60 (E, Adam, may come back in view).
  await expect(frame.getByTestId('map-exit-3')).toBeVisible();
  const ids: number[] = [];
  for (let i = 0; i < LEAVERS.optimizers.length; i++) {
    const label = frame.getByTestId(`map-exit-${i}`);
    if (i === 4 && (await label.count()) === 0) continue;
    ids.push(i);
    // Name, step and arrow all readable (not cut off by an ellipsis or the plot's edge).
    await expect(label).toHaveText(new RegExp(`${LEAVERS.optimizers[i]!.label}.*\\d+.*[↑↓←→]`));
    const fits = await label.evaluate((el) =>
      Array.from(el.querySelectorAll('*')).every((c) => c.scrollWidth <= c.clientWidth + 1),
    );
    expect(fits, `label ${i} is not cut`).toBe(true);
  }
  // One snapshot of the layout: the plot, the zoom buttons shown, the labels.
  const { plot, zoom, labels } = await frame.evaluate((shown) => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      };
    };
    return {
      plot: rect(document.querySelector('[data-testid="map-plot"]')!),
      zoom: Array.from(document.querySelectorAll('.map-zoom button'))
        .map(rect)
        .filter((r) => r.width > 0),
      labels: shown.map((i) => rect(document.querySelector(`[data-testid="map-exit-${i}"]`)!)),
    };
  }, ids);
  labels.forEach((b: Box, k) => {
    expectWithin(b, plot, `label ${ids[k]}`);
    for (const z of zoom) expect(overlaps(b, z), `label ${ids[k]} over a zoom button`).toBe(false);
  });
  // Together they leave most of the map in view.
  const covered = labels.reduce((sum, b) => sum + b.width * b.height, 0);
  expect(covered).toBeLessThan(plot.width * plot.height * 0.35);
}

test.describe('paths that leave a narrow map', () => {
  test('in the app at 320 px the labels are short, inside the plot and off the zoom buttons', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    const app = new Visualizer(page);
    await app.open(`?scene=${encodeSceneParam(LEAVERS)}&view=t:60`);
    await expectExitLabelsFit(page);
  });

  test('in a 320×240 embed the labels are short and inside the plot', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('&controls=play&view=t:60', LEAVERS), {
      w: 320,
      h: 240,
    });
    await expectExitLabelsFit(frame);
  });
});

test('Ctrl + one mouse-wheel notch zooms about as much as a plain notch; a pinch still zooms', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(RAVINE)}`);
  const plot = (await app.plot.boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
  const home = await domainWidth(page);
  const reset = async () => {
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(() => domainWidth(page)).toBeCloseTo(home, 6);
    await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
  };

  await page.mouse.wheel(0, -100);
  await expect.poll(() => domainWidth(page)).toBeLessThan(home);
  const plain = home / (await domainWidth(page));
  await reset();

  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect.poll(() => domainWidth(page)).toBeLessThan(home);
  const ctrl = home / (await domainWidth(page));
  expect(ctrl).toBeGreaterThan(plain * 0.8);
  expect(ctrl).toBeLessThan(plain * 1.25);
  await reset();

  // A trackpad pinch: many small Ctrl + wheel deltas, together a clear zoom.
  await page.keyboard.down('Control');
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -5);
  await page.keyboard.up('Control');
  await expect.poll(async () => home / (await domainWidth(page))).toBeGreaterThan(1.6);
});

test('a long slider label gives way: the colour dot and the slider keep their size', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const scene: Scene = {
    ...RAVINE,
    optimizers: [
      RAVINE.optimizers[0]!,
      { type: 'sgd', lr: 0.5, momentum: 0.8, label: 'Momentum with a very long name indeed' },
    ],
  };
  for (const size of [
    { w: 320, h: 240 },
    { w: 700, h: 500 },
  ]) {
    const frame = await openHost(page, embedSrc('&controls=momentum:1,lr:1', scene), size);
    for (const id of ['embed-param-momentum-1', 'embed-param-lr-1']) {
      const swatch = (await frameBox(frame, `[data-testid="${id}"] .embed-swatch`))!;
      expect(swatch.width, `${id} dot`).toBeGreaterThanOrEqual(9.5);
      expect(swatch.height, `${id} dot`).toBeGreaterThanOrEqual(9.5);
      const slider = (await frameBox(frame, `[data-testid="${id}"] input`))!;
      expect(slider.width, `${id} slider`).toBeGreaterThanOrEqual(99);
      expectWithin(slider, viewport(size.w, size.h), `${id} slider`);
      // The whole label stays available on hover.
      await expect(frame.locator(`[data-testid="${id}"] .embed-param-name`)).toHaveAttribute(
        'title',
        /very long name/,
      );
    }
  }
});

test('a slider label of everyday length is read whole at every iframe size, wrapping if need be', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const size of [
    { w: 320, h: 240 },
    { w: 400, h: 300 },
    { w: 700, h: 500 },
    { w: 1000, h: 600 },
  ]) {
    // "momentum of Momentum" was cut to "momentum of Moment…" at 700 × 500.
    const frame = await openHost(page, embedSrc('&controls=play,lr:0,momentum:1'), size);
    const texts = frame.locator('.embed-param-text');
    await expect(texts).toHaveCount(2);
    for (const text of await texts.all()) {
      const seen = await text.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {
          clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
          inside: r.left >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5,
        };
      });
      const what = `${await text.textContent()} at ${size.w} × ${size.h}`;
      expect(seen.clipped, what).toBe(false);
      expect(seen.inside, what).toBe(true);
    }
    // The controls still fit: the last slider is inside the iframe.
    expectWithin(
      (await frameBox(frame, '[data-testid="embed-param-momentum-1"] input'))!,
      viewport(size.w, size.h),
      `momentum slider at ${size.w} × ${size.h}`,
    );
  }
});

test('in a sandbox without popups, "Open in Descent" shows the link to copy', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const frame = await openHost(
    page,
    embedSrc('&controls=play', RAVINE, './embed.html'),
    { w: 700, h: 500 },
    {
      sandbox: '1',
    },
  );
  await frame.getByTestId('open-in-app').click();
  const link = frame.getByTestId('open-blocked-link');
  await expect(link).toBeVisible();
  await expect(link).toBeFocused();
  const href = await link.inputValue();
  expect(href).toContain('scene=');
  expect(new URL(href).searchParams.has('embed')).toBe(false);
  expectWithin(await frameBox(frame, 'open-blocked'), viewport(700, 500), 'the link to copy');
  await frame.getByTestId('open-blocked').getByRole('button').click();
  await expect(link).toHaveCount(0);
});

test('the app on a phone: one finger over the map scrolls the page, two fingers zoom the map', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(RAVINE)}`);
  const domain = await page.evaluate(() => window.__descent!.domain());
  const cdp = await context.newCDPSession(page);
  const touch = (
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    points: { x: number; y: number }[],
  ) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
  const centre = async () => {
    const b = (await app.plot.boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const hints: string[] = [];
  await page.exposeFunction('sawHint', (text: string) => hints.push(text));
  await page.evaluate(() => {
    new MutationObserver(() => {
      const hint = document.querySelector('[data-testid="map-hint"]');
      if (hint?.textContent)
        (window as unknown as { sawHint: (t: string) => void }).sawHint(hint.textContent);
    }).observe(document.body, { childList: true, subtree: true });
  });

  // The hints come with the touch handling, which loads after the first paint.
  await expect(page.locator('[data-gesture-hints="on"]')).toHaveCount(1);
  // One finger swiped up over the map: the page scrolls, the map stays.
  const c = await centre();
  await touch('touchStart', [c]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [{ x: c.x, y: c.y - i * 20 }]);
  for (let i = 0; i < 4; i++) await touch('touchMove', [{ x: c.x, y: c.y - 160 }]);
  await touch('touchEnd', []);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(60);
  expect(await page.evaluate(() => window.__descent!.domain())).toEqual(domain);
  await expect.poll(() => hints).toContainEqual(expect.stringContaining('two fingers'));

  // Two fingers spread apart: the map zooms in.
  const at = await centre();
  const pair = (d: number) => [
    { x: at.x - d, y: at.y },
    { x: at.x + d, y: at.y },
  ];
  await touch('touchStart', pair(20));
  for (let d = 30; d <= 90; d += 10) await touch('touchMove', pair(d));
  await touch('touchEnd', []);
  await expect.poll(() => domainWidth(page)).toBeLessThan((domain.x[1] - domain.x[0]) * 0.8);
  await context.close();
});

test('the app with a mouse still pans with a one-button drag', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(RAVINE)}`);
  const before = await page.evaluate(() => window.__descent!.domain());
  const b = (await app.plot.boundingBox())!;
  await page.mouse.move(b.x + b.width * 0.6, b.y + b.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * 0.6 + 80, b.y + b.height * 0.6, { steps: 4 });
  await page.mouse.up();
  await expect
    .poll(async () => (await page.evaluate(() => window.__descent!.domain())).x[0])
    .toBeLessThan(before.x[0]);
});
