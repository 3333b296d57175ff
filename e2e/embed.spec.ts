/**
 * Embed mode as a blog post uses it: a parent page (e2e/fixtures/embed-parent.html) puts the app
 * in an iframe, same-origin or sandboxed, drives it with postMessage and sizes it from the height
 * notices. Waits on messages and the paint mark, never on time.
 */
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { allowCors } from './fixtures/cors';

interface Received {
  readonly data: { type?: string; context?: string; height?: number; step?: number } & Record<
    string,
    unknown
  >;
  readonly origin: string;
}

declare global {
  interface Window {
    received: Received[];
    send(message: unknown): void;
    sendFromOther(message: unknown): void;
  }
}

const PARENT = readFileSync(
  fileURLToPath(new URL('./fixtures/embed-parent.html', import.meta.url)),
  'utf8',
);

const SCENE: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 60,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD' },
    { type: 'adam', lr: 0.1, label: 'Adam' },
  ],
};

const embedSrc = (extra = '', scene: Scene = SCENE): string =>
  `./?embed=1${extra}&scene=${encodeSceneParam(scene)}`;

/** Serves the parent page at /__parent.html (vite preview serves only the built app). */
async function routeParent(page: Page): Promise<void> {
  await page.route('**/__parent.html*', (route) =>
    route.fulfill({ contentType: 'text/html', body: PARENT }),
  );
}

/** Opens the parent page with an embed of `src`; waits for the embed's ready message. */
async function openParent(
  page: Page,
  src: string,
  options: { width?: string; sandbox?: boolean } = {},
): Promise<Frame> {
  await routeParent(page);
  const query = new URLSearchParams({ src, width: options.width ?? '720px' });
  if (options.sandbox) query.set('sandbox', '1');
  await page.goto(`/__parent.html?${query.toString()}`);
  await waitForMessage(page, 'descent:ready');
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  expect(frame).toBeDefined();
  return frame!;
}

function waitForMessage(page: Page, type: string, step?: number): Promise<unknown> {
  return page.waitForFunction(
    ([t, n]) =>
      window.received.some((m) => m.data?.type === t && (n === null || m.data.step === n)),
    [type, step ?? null] as const,
  );
}

const received = (page: Page): Promise<Received[]> => page.evaluate(() => window.received);
const send = (page: Page, message: unknown): Promise<void> =>
  page.evaluate((m) => window.send(m), message);

/** Waits until the embed has painted a scene newer than `since` that matches its current scene. */
async function waitForEmbedPaint(frame: Frame, since = 0): Promise<void> {
  await frame.waitForFunction((n) => {
    const api = window.__descent;
    return api !== undefined && api.paintCount() > n && api.settled();
  }, since);
}

test.describe('embed mode', () => {
  test('shows the map and playback without the app chrome, says ready, and sizes its iframe', async ({
    page,
  }) => {
    const frame = await openParent(page, embedSrc());
    await waitForEmbedPaint(frame);
    await expect(frame.getByTestId('map-plot')).toBeVisible();
    await expect(frame.getByTestId('play')).toBeVisible();
    await expect(frame.getByTestId('scrub')).toBeVisible();
    await expect(frame.locator('.app-header')).toHaveCount(0);
    await expect(frame.getByTestId('optimizer-list')).toHaveCount(0);
    await expect(frame.getByTestId('steps')).toHaveCount(0);

    const messages = await received(page);
    const ready = messages.filter((m) => m.data.type === 'descent:ready');
    expect(ready).toHaveLength(1);
    // The height notice arrived and the parent applied it: the whole embed fits, no inner scroll.
    const heights = messages.filter((m) => m.data.context === 'iframe.resize');
    expect(heights.length).toBeGreaterThan(0);
    const last = heights.at(-1)!.data.height!;
    await expect
      .poll(() => page.locator('#embed').evaluate((el) => el.getBoundingClientRect().height))
      .toBe(last);
    const inner = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.client);
  });

  test('controls= picks the controls: a learning-rate slider only, or none', async ({ page }) => {
    const frame = await openParent(page, embedSrc('&controls=lr:1'));
    await waitForEmbedPaint(frame);
    await expect(frame.getByTestId('play')).toHaveCount(0);
    const slider = frame.getByTestId('embed-param-lr-1').getByRole('slider');
    await expect(slider).toBeVisible();
    const before = await frame.evaluate(() => window.__descent!.paintCount());
    await slider.focus();
    await slider.press('ArrowLeft');
    await waitForEmbedPaint(frame, before);
    const lr = await frame.evaluate(() => window.__descent!.scene().optimizers[1]!.lr);
    expect(lr).toBeLessThan(0.1);

    const bare = await openParent(page, embedSrc('&controls=none'));
    await waitForEmbedPaint(bare);
    await expect(bare.getByTestId('map-plot')).toBeVisible();
    await expect(bare.getByRole('slider')).toHaveCount(0);
    await expect(bare.getByTestId('play')).toHaveCount(0);
  });

  test('the parent drives it: set-scene, reset, step, seek, play and pause; subscribers get step events with the step numbers', async ({
    page,
  }) => {
    const frame = await openParent(page, embedSrc());
    await waitForEmbedPaint(frame);

    await send(page, { type: 'descent:subscribe', events: ['step'] });
    await waitForMessage(page, 'descent:step', 60);

    await send(page, { type: 'descent:reset' });
    await waitForMessage(page, 'descent:step', 0);
    await send(page, { type: 'descent:step', delta: 5 });
    await waitForMessage(page, 'descent:step', 5);
    const atFive = (await received(page)).find(
      (m) => m.data.type === 'descent:step' && m.data.step === 5,
    )!.data as { optimizers: { point: [number, number]; loss: number }[] };
    const paths = await frame.evaluate(() => window.__descent!.trajectories());
    expect(atFive.optimizers).toHaveLength(2);
    expect(atFive.optimizers[0]!.point).toEqual(paths[0]!.points[5]);
    await expect(frame.getByTestId('step-readout')).toContainText('5');

    await send(page, { type: 'descent:seek', step: 42 });
    await waitForMessage(page, 'descent:step', 42);

    const before = await frame.evaluate(() => window.__descent!.paintCount());
    const next: Scene = { ...SCENE, steps: 30, optimizers: [{ type: 'sgd', lr: 0.05 }] };
    await send(page, { type: 'descent:set-scene', scene: next });
    await waitForEmbedPaint(frame, before);
    expect(await frame.evaluate(() => window.__descent!.scene().steps)).toBe(30);
    expect(await frame.evaluate(() => window.__descent!.trajectories().length)).toBe(1);

    await send(page, { type: 'descent:play' });
    await frame.waitForFunction(() => window.__descent!.playing());
    await waitForMessage(page, 'descent:step', 30);
    // Playback ran to the end on its own; play again and pause at once.
    await send(page, { type: 'descent:play' });
    await send(page, { type: 'descent:pause' });
    await frame.waitForFunction(() => !window.__descent!.playing());

    await send(page, { type: 'descent:get-state' });
    await waitForMessage(page, 'descent:state');
    const state = (await received(page)).find((m) => m.data.type === 'descent:state')!;
    expect(state.data.playing).toBe(false);
    expect((state.data.scene as Scene).steps).toBe(30);
    // Replies are addressed to the parent's origin, never broadcast.
    expect(state.origin).toBe(new URL(page.url()).origin);
  });

  test('hostile messages are ignored with a warning and do not change the scene', async ({
    page,
  }) => {
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' && m.text().includes('[descent embed]')) warnings.push(m.text());
    });
    const frame = await openParent(page, embedSrc());
    await waitForEmbedPaint(frame);
    const scene = await frame.evaluate(() => window.__descent!.scene());

    // From another frame of the page, and from the embed's own window: not the parent.
    await page.evaluate(() =>
      window.sendFromOther({ type: 'descent:set-scene', scene: { steps: 5 } }),
    );
    await frame.evaluate(() => window.postMessage({ type: 'descent:reset' }, '*'));
    // From the parent: an unknown command, and a scene with a negative learning rate.
    await send(page, { type: 'descent:format-disk' });
    await send(page, {
      type: 'descent:set-scene',
      scene: { ...scene, optimizers: [{ type: 'sgd', lr: -1 }] },
    });
    // Other widgets' chatter: not ours, ignored silently.
    await send(page, { type: 'resize', height: 10 });

    await expect.poll(() => warnings.length).toBe(4);
    expect(warnings.join('\n')).toContain('optimizers[0].lr');
    expect(warnings.join('\n')).toContain('descent:format-disk');
    // Both refusals from the parent were answered; the wrong-source ones were not.
    await expect
      .poll(
        async () => (await received(page)).filter((m) => m.data.type === 'descent:error').length,
      )
      .toBe(2);
    const errors = (await received(page)).filter((m) => m.data.type === 'descent:error');
    expect(JSON.stringify(errors)).toContain('optimizers[0].lr');
    expect(await frame.evaluate(() => window.__descent!.scene())).toEqual(scene);
    expect(await frame.evaluate(() => window.__descent!.cursor())).toBe(scene.steps);
  });

  test('the height notices follow the width', async ({ page }) => {
    const frame = await openParent(page, embedSrc(), { width: '800px' });
    await waitForEmbedPaint(frame);
    const lastHeight = async (): Promise<number> =>
      (await received(page)).filter((m) => m.data.context === 'iframe.resize').at(-1)!.data.height!;
    const wide = await lastHeight();
    await page.locator('#embed').evaluate((el) => (el.style.width = '360px'));
    await expect.poll(lastHeight).toBeLessThan(wide - 100);
    await page.locator('#embed').evaluate((el) => (el.style.width = '800px'));
    await expect.poll(lastHeight).toBe(wide);
  });

  test('at 320 px wide nothing scrolls sideways', async ({ page }) => {
    const frame = await openParent(page, embedSrc('&controls=play,lr:0,charts'), {
      width: '320px',
    });
    await waitForEmbedPaint(frame);
    await expect(frame.getByTestId('embed-param-lr-0')).toBeVisible();
    const widths = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.client).toBe(320);
    expect(widths.scroll).toBeLessThanOrEqual(320);
  });

  test('theme=dark colours the embed dark', async ({ page }) => {
    const frame = await openParent(page, embedSrc('&theme=dark'));
    await waitForEmbedPaint(frame);
    const colours = await frame.evaluate(() => ({
      theme: document.documentElement.dataset.theme,
      background: getComputedStyle(document.querySelector('.embed')!).backgroundColor,
    }));
    expect(colours.theme).toBe('dark');
    const [r, g, b] = colours.background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
  });

  test('in a sandboxed iframe (origin null) it paints, says ready and answers its parent', async ({
    page,
    context,
  }) => {
    await allowCors(context);
    const frame = await openParent(page, embedSrc(), { sandbox: true });
    await waitForEmbedPaint(frame);
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    const ready = (await received(page)).find((m) => m.data.type === 'descent:ready')!;
    expect(ready.origin).toBe('null');

    await send(page, { type: 'descent:subscribe', events: ['step'] });
    await send(page, { type: 'descent:seek', step: 7 });
    await waitForMessage(page, 'descent:step', 7);
    await send(page, { type: 'descent:get-state' });
    await waitForMessage(page, 'descent:state');
    await expect(frame.getByTestId('engine-error')).toHaveCount(0);
  });
});

test.describe('the embed-code dialog', () => {
  test('writes an iframe for the current scene and chosen controls, with a live preview', async ({
    page,
  }) => {
    await page.goto(`./?scene=${encodeSceneParam(SCENE)}`);
    await page.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
    await page.getByTestId('embed-button').click();
    const dialog = page.getByTestId('embed-dialog');
    await expect(dialog).toBeVisible();

    await dialog.getByTestId('embed-lr-0').check();
    await dialog.getByTestId('embed-theme').selectOption('dark');
    const code = dialog.getByTestId('embed-code');
    await expect(code).toHaveValue(/controls=play,lr:0/);
    const text = await code.inputValue();
    expect(text).toMatch(/^<iframe src="[^"]+" width="100%" height="\d+"/);
    expect(text).toContain('loading="lazy"');
    expect(text).toContain('title="');
    expect(text).toContain('theme=dark');
    const src = text.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    expect(src).toContain(`scene=${encodeSceneParam(SCENE)}`);

    // The preview is that embed, painted, with the chosen slider; its height notice sets the height.
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await expect(preview.getByTestId('embed-param-lr-0')).toBeVisible();
    const previewFrame = page.frames().find((f) => f.url().includes('controls=play,lr:0'))!;
    await waitForEmbedPaint(previewFrame);
    // The suggested height is what the layout needs at the preview's width (a figure, not the
    // 807–1131 px a square map asked for), and the code carries it.
    await expect
      .poll(async () => Number(await dialog.getByTestId('embed-height').inputValue()))
      .toBeGreaterThan(300);
    const suggested = Number(await dialog.getByTestId('embed-height').inputValue());
    expect(suggested).toBeLessThanOrEqual(640);
    await expect(code).toHaveValue(new RegExp(`height="${suggested}"`));
    // The preview is not cut off: its box is inside the window, and its controls inside it.
    const frameBox = (await page.getByTestId('embed-preview').boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(frameBox.y).toBeGreaterThanOrEqual(0);
    expect(frameBox.y + frameBox.height).toBeLessThanOrEqual(viewport.height);
    for (const id of ['play', 'scrub', 'open-in-app', 'embed-param-lr-0', 'map-plot']) {
      const inside = await previewFrame.evaluate((testId) => {
        const r = document.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      }, id);
      expect(inside, `${id} inside the preview`).toBe(true);
    }

    await expect(dialog.getByTestId('embed-script')).toHaveValue(/iframe\.resize/);
    await dialog.getByTestId('embed-close').click();
    await expect(dialog).toHaveCount(0);
  });

  test('with every control on a short laptop screen, the preview is the whole embed at the code’s height, shrunk to fit, nothing cut', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./');
    await page.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
    await page.getByTestId('embed-button').click();
    const dialog = page.getByTestId('embed-dialog');
    const count = (await page.evaluate(
      () => window.__descent!.scene().optimizers.length,
    )) as number;
    for (let i = 0; i < count; i++) await dialog.getByTestId(`embed-lr-${i}`).check();
    await dialog.getByTestId('embed-charts').check();
    await expect.poll(() => page.frames().some((f) => f.url().includes('charts'))).toBe(true);
    const previewFrame = page.frames().find((f) => f.url().includes('charts'))!;
    await waitForEmbedPaint(previewFrame);
    // The height settles on what the layout needs with the charts; the preview frame is exactly
    // that tall inside (as on the blog), and nothing in it scrolls or is cut.
    const height = dialog.getByTestId('embed-height');
    const settled = async (): Promise<boolean> => {
      const suggested = Number(await height.inputValue());
      return previewFrame.evaluate(
        (h) =>
          innerHeight === h &&
          [...document.querySelectorAll('.embed-side, body')].every(
            (el) => el.scrollHeight <= el.clientHeight + 1,
          ),
        suggested,
      );
    };
    await expect.poll(settled).toBe(true);
    const suggested = Number(await height.inputValue());
    expect(suggested).toBeGreaterThan(600);
    await expect(dialog.getByTestId('embed-code')).toHaveValue(new RegExp(`height="${suggested}"`));
    // Shown whole in the window: shrunk, not cut.
    const box = (await page.getByTestId('embed-preview').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(box.height).toBeLessThan(suggested);
  });
});
