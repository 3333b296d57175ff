/**
 * The embed as a blog's reader meets it: an iframe of the size the blogger wrote, text around it,
 * a phone's finger or a mouse wheel. Every check is what that reader would see: the controls'
 * boxes inside the iframe, the map's box, the host page's scroll position.
 */
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { DEFAULT_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import type { Box } from './fixtures/embedHost';
import { expectWithin, frameBox as box, openHost, viewport } from './fixtures/embedHost';
import { Visualizer } from './fixtures/visualizer';
import { PHONE } from './fixtures/phone';

/** The ravine of the blogger's post (the momentum lesson's scene). */
const RAVINE: Scene = {
  surface: { expr: 'x^2/100 + y^2' },
  start: [-4.5, 1.5],
  steps: 80,
  optimizers: [
    { type: 'sgd', lr: 0.9, label: 'SGD' },
    { type: 'sgd', lr: 0.5, momentum: 0.8, label: 'Momentum' },
  ],
};
/** A surface whose domain is wider than tall (x in [-3, 3], y in [-2, 2]). */
const CAMEL: Scene = { ...RAVINE, surface: { id: 'six-hump-camel' }, start: [-2, 1.5] };

const embedSrc = (extra = '', scene: Scene = RAVINE): string =>
  `./?embed=1${extra}&scene=${encodeSceneParam(scene)}`;

/** What the host page records (e2e/fixtures/embed-host.js). */
interface HostWindow {
  received: { data: { context?: string; height?: number; type?: string } }[];
}

/** Expects `b` to lie inside a `w`×`h` viewport (half a pixel of rounding allowed). */
const expectInside = (b: Box | null, w: number, h: number, what: string): void =>
  expectWithin(b, viewport(w, h), what);

const SIZES = [
  { w: 320, h: 240 },
  { w: 700, h: 500 },
  { w: 390, h: 844 },
  { w: 1200, h: 800 },
] as const;
const PLAY_CONTROLS = ['reset', 'step-back', 'play', 'step-forward', 'scrub', 'step-readout'];

test.describe('an embed in an iframe of a fixed size', () => {
  for (const size of SIZES) {
    test(`at ${size.w}×${size.h} the controls stay in the iframe and the map fills what is left at its domain's aspect`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, embedSrc('', CAMEL), size);
      for (const id of [...PLAY_CONTROLS, 'open-in-app', 'map-plot']) {
        expectInside(await box(frame, id), size.w, size.h, id);
      }
      // The reader can use them: play runs the scene from the start.
      await frame.getByTestId('reset').click();
      await frame.getByTestId('play').click();
      await frame.waitForFunction(() => window.__descent!.cursor() > 0);

      // The map's plot keeps the domain's aspect (clamped to 0.6–2.2, as in the app) ...
      const plot = (await box(frame, 'map-plot'))!;
      const domain = await frame.evaluate(() => window.__descent!.domain());
      const aspect = (domain.x[1] - domain.x[0]) / (domain.y[1] - domain.y[0]);
      expect(plot.width / plot.height).toBeCloseTo(Math.min(2.2, Math.max(0.6, aspect)), 1);
      // ... and takes the room left: it reaches the stage's width or its height (letter-boxed).
      const stage = (await box(frame, 'embed-stage'))!;
      const controls = (await box(frame, 'embed-controls'))!;
      expect(plot.bottom).toBeLessThanOrEqual(controls.top + 0.5);
      const axes = { x: 48 + 12, y: 10 + 34 };
      // The keys under the map: the paths' key always, the colour key too above 420 px.
      const legend = (await box(frame, '.map-legends'))!.height;
      const widthUsed = plot.width / (stage.width - axes.x);
      const heightUsed = plot.height / (stage.height - axes.y - legend);
      expect(Math.max(widthUsed, heightUsed)).toBeGreaterThan(0.95);
      expect(Math.max(widthUsed, heightUsed)).toBeLessThanOrEqual(1.01);
      // Nothing scrolls inside the iframe (so the reader's scroll goes on to the page).
      const scroll = await frame.evaluate(() => ({
        h: document.documentElement.scrollHeight - document.documentElement.clientHeight,
        w: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(scroll).toEqual({ h: 0, w: 0 });
    });
  }

  for (const size of SIZES) {
    test(`at ${size.w}×${size.h} requested sliders and charts stay in the iframe too`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(page, embedSrc('&controls=play,lr:0,lr:1,charts'), size);
      const ids = [...PLAY_CONTROLS, 'open-in-app', 'embed-param-lr-0', 'embed-param-lr-1'];
      for (const id of [...ids, 'map-plot']) {
        expectInside(await box(frame, id), size.w, size.h, id);
      }
      const toggle = frame.getByTestId('embed-charts-toggle');
      // An iframe shorter than the height the embed asks for (map and charts whole) shows the
      // charts in the map's place on a button press, rather than squeezing the map.
      const asked = (await page.evaluate(() => (window as unknown as HostWindow).received))
        .filter((m) => m.data.context === 'iframe.resize')
        .at(-1)?.data.height;
      expect(asked).toBeDefined();
      const swapped = size.h < asked! - 1;
      if (swapped) {
        await expect(frame.getByTestId('embed-side')).toBeHidden();
        expectInside(await box(frame, 'embed-charts-toggle'), size.w, size.h, 'charts button');
        // A screen reader hears what a press shows, not a "pressed" state that names the other.
        await expect(toggle).toHaveAccessibleName(/show the charts/i);
        await expect(toggle).not.toHaveAttribute('aria-pressed');
        await toggle.click();
        await expect(frame.getByTestId('map-plot')).toBeHidden();
        await expect(toggle).toHaveAccessibleName(/show the map/i);
      } else {
        await expect(toggle).toBeHidden();
      }
      for (const id of [...ids, 'embed-side'])
        expectInside(await box(frame, id), size.w, size.h, id);
      // The charts are reachable: scrolled into view inside their own box if they do not fit.
      const chart = frame.locator('.descent-chart__svg').first();
      await chart.scrollIntoViewIfNeeded();
      const side = (await box(frame, 'embed-side'))!;
      const c = (await box(frame, '.descent-chart__svg'))!;
      expect(c.top).toBeLessThan(side.bottom);
      expect(c.bottom).toBeGreaterThan(side.top);
      if (swapped) {
        await toggle.click();
        await expect(frame.getByTestId('map-plot')).toBeVisible();
      }
      // The map keeps a readable size: never squeezed to a thumbnail by the charts.
      expect((await box(frame, 'map-plot'))!.height).toBeGreaterThanOrEqual(
        Math.min(120, size.h / 4),
      );
      // The slider works.
      const slider = frame.getByTestId('embed-param-lr-0').getByRole('slider');
      const lr = (): Promise<number> =>
        frame.evaluate(() => window.__descent!.scene().optimizers[0]!.lr ?? NaN);
      const before = await lr();
      // Reached with Tab (a slider last used with the pointer gives its arrows to playback).
      for (
        let i = 0;
        i < 20 && !(await slider.evaluate((el) => el === document.activeElement));
        i++
      )
        await frame.page().keyboard.press('Tab');
      await expect(slider).toBeFocused();
      await slider.press('ArrowLeft');
      await expect.poll(lr).toBeLessThan(before);
    });
  }

  // The reviewer's phone and small iframes: in the map's place the second chart was cut below
  // its title (its box 325 px tall, its content 536 px) and nothing brought it into view.
  for (const size of [
    { w: 390, h: 560 },
    { w: 400, h: 300 },
    { w: 320, h: 480 },
  ]) {
    test(`at ${size.w}×${size.h} the charts swapped in for the map are whole in its box`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const frame = await openHost(
        page,
        embedSrc('&controls=play,lr:0,charts', DEFAULT_SCENE),
        size,
      );
      await frame.getByTestId('embed-charts-toggle').click();
      const side = frame.getByTestId('embed-side');
      await expect(side).toBeVisible();
      const charts = frame.locator('.descent-chart__svg');
      await expect(charts).toHaveCount(2);
      // Shrunk to the box (a few px of each chart's rounding aside), not cut or scrolled.
      await expect
        .poll(() => side.evaluate((el) => el.scrollHeight - el.clientHeight))
        .toBeLessThanOrEqual(4);
      const sideBox = (await box(frame, 'embed-side'))!;
      for (let i = 0; i < 2; i++) {
        const chart = await charts.nth(i).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: r.height };
        });
        expect(chart.top, `chart ${i}`).toBeGreaterThanOrEqual(sideBox.top - 0.5);
        expect(chart.bottom, `chart ${i}`).toBeLessThanOrEqual(sideBox.bottom + 4);
        expect(chart.height, `chart ${i} keeps a readable height`).toBeGreaterThanOrEqual(48);
      }
      expectInside(sideBox, size.w, size.h, 'the charts');
    });
  }

  test('the height it asks for at 700 px wide is what the layout needs, and with it nothing is cut off', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('', CAMEL), { w: 700, h: 300 });
    const asked = async (): Promise<number> =>
      (await page.evaluate(() => (window as unknown as HostWindow).received))
        .filter((m) => m.data.context === 'iframe.resize')
        .at(-1)?.data.height ?? 0;
    await expect.poll(asked).toBeGreaterThan(300);
    const height = await asked();
    // A figure for a post: far from the 807–1131 px the square map asked for.
    expect(height).toBeLessThanOrEqual(620);
    const small = (await box(frame, 'map-plot'))!;
    await page
      .locator('#embed')
      .evaluate((el, h) => ((el as HTMLIFrameElement).height = String(h)), height);
    // At that height the map reaches its natural size: across the width, or 400 px tall at most.
    // The iframe's resize lays the embed out in more than one pass (the legend's form depends on
    // the height): wait for the size the reader ends up with, not the first larger one.
    const natural = async (): Promise<number> => {
      const plot = (await box(frame, 'map-plot'))!;
      const stage = (await box(frame, 'embed-stage'))!;
      return Math.max(plot.width / (stage.width - 48 - 12), plot.height / 400);
    };
    await expect.poll(natural).toBeGreaterThan(0.98);
    const plot = (await box(frame, 'map-plot'))!;
    expect(plot.height).toBeGreaterThan(small.height);
    // The map keeps the surface's aspect and the controls fit below it.
    const domain = await frame.evaluate(() => window.__descent!.domain());
    const aspect = (domain.x[1] - domain.x[0]) / (domain.y[1] - domain.y[0]);
    expect(plot.width / plot.height).toBeCloseTo(aspect, 1);
    expectInside(await box(frame, 'open-in-app'), 700, height, 'open-in-app');
    // Asked again at that size, it asks for the same height.
    expect(await asked()).toBe(height);
  });

  test('with the charts at 320 px wide, the height it asks for from a short iframe is the one it keeps', async ({
    page,
  }) => {
    // Short, the charts sit behind a button whose row wraps at 320 px: that row is not part of
    // the layout at the height asked for, and a host that applied the first notice saw a second.
    await page.setViewportSize({ width: 1280, height: 900 });
    const frame = await openHost(page, embedSrc('&controls=play,lr:0,lr:1,charts'), {
      w: 320,
      h: 400,
    });
    const asked = async (): Promise<number> =>
      (await page.evaluate(() => (window as unknown as HostWindow).received))
        .filter((m) => m.data.context === 'iframe.resize')
        .at(-1)?.data.height ?? 0;
    await expect(frame.getByTestId('embed-charts-toggle')).toBeVisible();
    await expect.poll(asked).toBeGreaterThan(400);
    const height = await asked();
    await page
      .locator('#embed')
      .evaluate((el, h) => ((el as HTMLIFrameElement).height = String(h)), height);
    await expect(frame.getByTestId('embed-side')).toBeVisible();
    await expect(frame.getByTestId('embed-charts-toggle')).toBeHidden();
    // Settled at that height, it asks for that height (a pixel of rounding aside).
    await expect.poll(async () => Math.abs((await asked()) - height)).toBeLessThanOrEqual(1);
    expectInside(await box(frame, 'open-in-app'), 320, height, 'open-in-app');
  });
});

test('with the charts beside the map (960 px and wider), the height asked for depends on the width only', async ({
  page,
}) => {
  // The reviewer's case: the notice said 614, then the iframe's own height (650, 800, 900),
  // because the charts' column, stretched to the row, was measured as the charts' height.
  await page.setViewportSize({ width: 1500, height: 1000 });
  const asked = async (): Promise<number[]> =>
    (await page.evaluate(() => (window as unknown as HostWindow).received))
      .filter((m) => m.data.context === 'iframe.resize')
      .map((m) => m.data.height as number);
  const heights: number[] = [];
  for (const h of [650, 900]) {
    const frame = await openHost(page, embedSrc('&controls=play,lr:0,charts'), { w: 1200, h });
    await expect.poll(async () => (await asked()).length).toBeGreaterThan(0);
    await expect(frame.getByTestId('embed-side')).toBeVisible();
    const all = await asked();
    // One height, whatever the iframe's own height was.
    expect(new Set(all.map(Math.round)).size, JSON.stringify(all)).toBe(1);
    heights.push(all[0]!);
    // Applied, it is a height where map, charts and controls are whole, and it stays asked for.
    await page
      .locator('#embed')
      .evaluate((el, height) => ((el as HTMLIFrameElement).height = String(height)), all[0]!);
    await expect
      .poll(async () => Math.abs((await asked()).at(-1)! - all[0]!))
      .toBeLessThanOrEqual(1);
    const side = frame.getByTestId('embed-side');
    await expect
      .poll(() => side.evaluate((el) => el.scrollHeight - el.clientHeight))
      .toBeLessThanOrEqual(1);
    expectInside(await box(frame, 'open-in-app'), 1200, all[0]!, 'open-in-app');
    expectInside(await box(frame, 'map-plot'), 1200, all[0]!, 'the map');
  }
  expect(Math.abs(heights[0]! - heights[1]!)).toBeLessThanOrEqual(1);
});

test('the 3-D button stays off a 320×240 embed’s tiny map, and sits inside a 700×500 one', async ({
  page,
}) => {
  let frame = await openHost(page, embedSrc(), { w: 320, h: 240 });
  await expect(frame.getByTestId('view3d-toggle')).toBeHidden();
  frame = await openHost(page, embedSrc(), { w: 700, h: 500 });
  await expect(frame.getByTestId('view3d-toggle')).toBeVisible();
  const plot = (await box(frame, 'map-plot'))!;
  const toggle = (await box(frame, 'view3d-toggle'))!;
  expectWithin(toggle, plot, 'the 3-D button');
  // It takes a corner, not the map: under a tenth of the plot's area.
  expect(toggle.width * toggle.height).toBeLessThan((plot.width * plot.height) / 10);
});

test('the buttons over the map move off the start point, so it can be seen and dragged', async ({
  page,
}) => {
  const handleClear = async (frame: Frame, id: string, what: string): Promise<void> => {
    await expect(frame.getByTestId(id)).toBeVisible();
    const control = (await box(frame, id))!;
    const handle = (await box(frame, '.start-handle'))!;
    const apart =
      control.right <= handle.left ||
      control.left >= handle.right ||
      control.bottom <= handle.top ||
      control.top >= handle.bottom;
    expect(apart, `${what} is off the start point`).toBe(true);
    expectWithin(control, (await box(frame, 'map-plot'))!, what);
  };
  // The reviewer's case: a 390 px embed of the default scene, whose start (-4, 2) sits in the
  // 3-D button's corner.
  const frame = await openHost(page, embedSrc('', DEFAULT_SCENE), { w: 390, h: 600 });
  await handleClear(frame, 'view3d-toggle', 'the 3-D button');
  // The app with the start in the zoom buttons' corner, then in the 3-D button's.
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new Visualizer(page);
  for (const [start, id, what] of [
    ['4.6,2.7', 'map-zoom-in', 'the zoom-in button'],
    ['-4.7,2.8', 'view3d-toggle', 'the 3-D button'],
  ] as const) {
    await app.open(`?scene=p:${start}`);
    await handleClear(page.mainFrame(), id, what);
  }
});

test('"Open in Descent" opens the same scene, step and language in the full app', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const frame = await openHost(
    page,
    embedSrc('&controls=play,lr:0&theme=dark&lang=zh-TW', RAVINE),
    { w: 700, h: 500 },
  );
  await frame.getByTestId('reset').click();
  for (let i = 0; i < 5; i++) await frame.getByTestId('step-forward').click();
  await expect(frame.getByTestId('step-readout')).toContainText('5');
  const scene = await frame.evaluate(() => window.__descent!.scene());

  const link = frame.getByTestId('open-in-app');
  expectInside(await box(frame, 'open-in-app'), 700, 500, 'the link');
  const [app] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await app.waitForLoadState();
  const url = new URL(app.url());
  for (const name of ['embed', 'controls', 'theme']) expect(url.searchParams.has(name)).toBe(false);
  expect(url.searchParams.get('lang')).toBe('zh-TW');
  // The whole app, not the bare embed again: its header and panels are there.
  await expect(app.locator('.app-header')).toBeVisible();
  await expect(app.getByTestId('embed')).toHaveCount(0);
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await app.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
  expect(await app.evaluate(() => window.__descent!.scene())).toEqual(scene);
  expect(await app.evaluate(() => window.__descent!.cursor())).toBe(5);
});

test.describe('the map does not trap the reader’s scroll', () => {
  /** The centre of the embed's map plot, in the host page's coordinates. */
  async function mapCentre(page: Page, frame: Frame): Promise<{ x: number; y: number }> {
    const frameBox = (await page.locator('#embed').boundingBox())!;
    const plot = (await box(frame, 'map-plot'))!;
    return {
      x: frameBox.x + (plot.left + plot.right) / 2,
      y: frameBox.y + (plot.top + plot.bottom) / 2,
    };
  }
  /**
   * Records every hint the map shows from now on (a hint stays up for a moment only, so a slow
   * machine could miss it by looking once).
   */
  const watchHints = (frame: Frame) =>
    frame.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { hintsSeen: string[] }).hintsSeen = seen;
      new MutationObserver(() => {
        const hint = document.querySelector('[data-testid="map-hint"]');
        if (hint?.textContent && seen.at(-1) !== hint.textContent) seen.push(hint.textContent);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  const hintsSeen = (frame: Frame) =>
    frame.evaluate(() => (window as unknown as { hintsSeen: string[] }).hintsSeen);
  const domainOf = (frame: Frame) => frame.evaluate(() => window.__descent!.domain());
  const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
  /** Waits until the page's scroll position holds still for a few frames. */
  const settled = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<void>((done) => {
          let last = -1;
          let still = 0;
          const tick = (): void => {
            still = window.scrollY === last ? still + 1 : 0;
            last = window.scrollY;
            if (still >= 5) done();
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );

  test('on desktop the wheel over the map scrolls the page and says how to zoom; Ctrl + wheel zooms', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const frame = await openHost(page, embedSrc(), { w: 700, h: 500 });
    await watchHints(frame);
    const domain = await domainOf(frame);
    const centre = await mapCentre(page, frame);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, 240);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(100);
    await expect
      .poll(() => hintsSeen(frame))
      .toContainEqual(expect.stringContaining('scroll to zoom'));
    expect(await domainOf(frame)).toEqual(domain);
    // The hint is drawn over the 3-D button in the corner, not under it.
    if (await frame.getByTestId('map-hint').isVisible()) {
      const onTop = await frame.evaluate(() => {
        const b = document.querySelector('[data-testid="view3d-toggle"]')!.getBoundingClientRect();
        // The hint lets pointers through (pointer-events: none); for this look it takes them.
        const hint = document.querySelector<HTMLElement>('[data-testid="map-hint"]')!;
        hint.style.pointerEvents = 'auto';
        const el = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        hint.style.pointerEvents = '';
        return el?.closest('[data-testid="map-hint"]') !== null;
      });
      expect(onTop).toBe(true);
    }

    // Ctrl + wheel over the map zooms it, and the page stays where it is.
    const where = await mapCentre(page, frame);
    await page.mouse.move(where.x, where.y);
    const before = await scrollY(page);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect
      .poll(async () => {
        const d = await domainOf(frame);
        return d.x[1] - d.x[0];
      })
      .toBeLessThan(domain.x[1] - domain.x[0]);
    expect(await scrollY(page)).toBe(before);
    // A mouse drag still pans (it cannot trap a scroll).
    const zoomed = await domainOf(frame);
    await page.mouse.move(where.x, where.y);
    await page.mouse.down();
    await page.mouse.move(where.x + 60, where.y + 10, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await domainOf(frame)).x[0]).toBeLessThan(zoomed.x[0]);
  });

  test('a map too short for zoom buttons still offers the reset once Ctrl + wheel has zoomed it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const frame = await openHost(page, embedSrc(), { w: 320, h: 240 });
    await expect(frame.getByTestId('map-zoom-in')).toBeHidden();
    await expect(frame.getByTestId('map-zoom-reset')).toBeHidden();
    const domain = await domainOf(frame);
    const where = await mapCentre(page, frame);
    await page.mouse.move(where.x, where.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await domainOf(frame)).x[1]).toBeLessThan(domain.x[1]);
    // The way back is on the map, inside the iframe, and off the paths' key.
    const reset = frame.getByTestId('map-zoom-reset');
    await expect(reset).toBeVisible();
    await expect(frame.getByTestId('map-zoom-in')).toBeHidden();
    const r = (await box(frame, 'map-zoom-reset'))!;
    expectInside(r, 320, 240, 'the reset button');
    const key = (await box(frame, '.map-key'))!;
    expect(
      r.right <= key.left || r.left >= key.right || r.bottom <= key.top || r.top >= key.bottom,
    ).toBe(true);
    await reset.click();
    await expect.poll(() => domainOf(frame)).toEqual(domain);
    await expect(reset).toBeHidden();
  });

  test('in 3-D the help says Ctrl + wheel, as the view does: a plain wheel scrolls the page', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const frame = await openHost(page, embedSrc(), { w: 700, h: 500 });
    await frame.getByTestId('view3d-toggle').click();
    const canvas = frame.getByTestId('surface3d');
    await expect(canvas).toHaveAttribute('data-frames', /[1-9]/);
    // What the reader is told: a mouse or two fingers turn it, Ctrl (⌘) + wheel zooms.
    const help = frame.locator('.surface3d-help');
    await expect(help).toContainText('Ctrl + wheel');
    await expect(help).not.toContainText(/^Drag to turn, wheel/);
    await expect(canvas).toHaveAttribute('aria-label', /Ctrl \+ wheel/);
    const distance = async (): Promise<number> =>
      Number((await canvas.getAttribute('data-orbit'))!.split(',')[2]);
    const before = await distance();
    const centre = await mapCentre(page, frame);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, 240);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(100);
    expect(await distance()).toBe(before);
    // And what it says works.
    const where = await mapCentre(page, frame);
    await page.mouse.move(where.x, where.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect.poll(distance).toBeLessThan(before);
  });

  test('on a phone one finger on the map scrolls the page; two fingers zoom the map', async ({
    browser,
  }) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const frame = await openHost(page, embedSrc(), { w: 370, h: 500 });
    await watchHints(frame);
    const domain = await domainOf(frame);
    const cdp = await context.newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
      });

    // One finger, swiped up across the map: the page scrolls, the map does not move.
    const c = await mapCentre(page, frame);
    await touch('touchStart', [c]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [{ x: c.x, y: c.y - i * 20 }]);
    // The finger rests before it lifts, so the page does not fling on.
    for (let i = 0; i < 4; i++) await touch('touchMove', [{ x: c.x, y: c.y - 160 }]);
    await touch('touchEnd', []);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(60);
    await settled(page);
    expect(await domainOf(frame)).toEqual(domain);
    await expect
      .poll(() => hintsSeen(frame))
      .toContainEqual(expect.stringContaining('two fingers'));

    // Two fingers spread apart on the map: it zooms in, and the page stays put.
    const at = await mapCentre(page, frame);
    const before = await scrollY(page);
    const pair = (d: number) => [
      { x: at.x - d, y: at.y },
      { x: at.x + d, y: at.y },
    ];
    await touch('touchStart', pair(20));
    for (let d = 30; d <= 90; d += 10) await touch('touchMove', pair(d));
    await touch('touchEnd', []);
    await expect
      .poll(async () => {
        const d = await domainOf(frame);
        return d.x[1] - d.x[0];
      })
      .toBeLessThan((domain.x[1] - domain.x[0]) * 0.8);
    expect(await scrollY(page)).toBe(before);
    await context.close();
  });
});
