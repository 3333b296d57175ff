/**
 * The Export menu, checked on the files a user gets: the PNG's size and colours, the SVG parses and
 * carries each trajectory, the GIF has one frame per sampled step, the CSV and JSON hold every
 * step, and the PyTorch script holds the scene's numbers (from the clipboard, or as a download
 * when the clipboard refuses).
 */
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Visualizer } from './fixtures/visualizer';

// A small scene with numbers that appear nowhere by accident.
const SCENE =
  'f:rosenbrock;p:-1.25,1.75;n:48;o:sgd,lr=0.00137,momentum=0.9,label=Heavy;o:adam,lr=0.0421';

async function exportAs(page: Page, format: string): Promise<Download> {
  await page.getByTestId('export-button').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${format}`).click(),
  ]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Counts the image descriptors of a GIF by walking its blocks. */
function gifFrames(gif: Buffer): number {
  expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  let at = 13;
  const flags = gif[10]!;
  if (flags & 0x80) at += 3 * 2 ** ((flags & 7) + 1);
  const skipSubBlocks = (): void => {
    while (gif[at]! !== 0) at += gif[at]! + 1;
    at += 1;
  };
  let frames = 0;
  while (at < gif.length) {
    const block = gif[at]!;
    if (block === 0x3b) return frames;
    if (block === 0x21) {
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const local = gif[at + 9]!;
      at += 10;
      if (local & 0x80) at += 3 * 2 ** ((local & 7) + 1);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${block.toString(16)} at ${at}`);
    }
  }
  throw new Error('GIF has no trailer');
}

test.describe('export', () => {
  test('PNG is the map at twice its on-screen size and shows the trajectories in their colours', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const plot = (await app.plot.boundingBox())!;
    const download = await exportAs(page, 'png');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.png');
    const png = await bytesOf(download);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // Plot plus the axes' margins (48 left, 12 right), at device-pixel ratio 2.
    expect(width).toBe(Math.round(plot.width + 60) * 2);
    expect(height).toBeGreaterThan(plot.height * 2);

    // Decoded by the browser: the first optimizer's blue (#0072b2) and Adam's orange (#d55e00) are there.
    const counts = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, image.width, image.height).data;
      const near = (i: number, r: number, g: number, b: number): boolean =>
        Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 30;
      let blue = 0;
      let orange = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, 0x00, 0x72, 0xb2)) blue++;
        if (near(i, 0xd5, 0x5e, 0x00)) orange++;
      }
      return { blue, orange };
    }, png.toString('base64'));
    expect(counts.blue).toBeGreaterThan(200);
    expect(counts.orange).toBeGreaterThan(200);
  });

  test('SVG parses and holds each trajectory up to the cursor, the contours and the axes', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    await page.getByTestId('scrub').fill('28');
    await expect(page.getByTestId('step-readout')).toContainText('28');
    const download = await exportAs(page, 'svg');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.svg');
    const text = (await bytesOf(download)).toString('utf8');
    const summary = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const strokes = (color: string): number[] =>
        [...doc.querySelectorAll('g.trajectories path')]
          .filter((p) => p.getAttribute('stroke') === color)
          .map((p) => (p.getAttribute('d') ?? '').split(/[ML]/).length - 1);
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        contours: doc.querySelectorAll('g.contours path').length,
        ticks: doc.querySelectorAll('g.axes text').length,
        heat: doc.querySelector('image.heat')?.getAttribute('href')?.slice(0, 22) ?? null,
        blue: strokes('#0072b2'),
        orange: strokes('#d55e00'),
        key: [...doc.querySelectorAll('g.key-item text')].map((t) => t.textContent),
      };
    }, text);
    expect(summary.error).toBeNull();
    expect(summary.root).toBe('svg');
    expect(summary.contours).toBeGreaterThan(5);
    expect(summary.contours).toBe(await app.contourPaths.count());
    expect(summary.ticks).toBeGreaterThan(4);
    expect(summary.heat).toBe('data:image/png;base64,');
    // Drawn to step 28: 29 points (the path may be cut where it leaves the plot, never longer).
    expect(Math.max(...summary.blue)).toBeLessThanOrEqual(29);
    expect(Math.max(...summary.blue)).toBeGreaterThan(5);
    expect(Math.max(...summary.orange)).toBeGreaterThan(5);
    expect(summary.key).toEqual(['Heavy', 'Adam']);
  });

  test('with the hidden-state glyphs on, the SVG and PNG show them as the map does', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    const withGlyphs = `?scene=${SCENE}&view=h:0,1;t:20`;
    await app.open(withGlyphs);
    await expect(page.getByTestId('glyphs-1')).toHaveAttribute('data-k', '20');
    const onScreen = await page
      .locator('.map-glyphs text[data-glyph-label]')
      .evaluateAll((els) => els.map((e) => e.textContent));
    const text = (await bytesOf(await exportAs(page, 'svg'))).toString('utf8');
    const found = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const glyphs = doc.querySelector('g.plot g.glyphs');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        heavy: [...(glyphs?.querySelectorAll('[data-testid="glyphs-0"] [data-glyph]') ?? [])].map(
          (e) => e.getAttribute('data-glyph'),
        ),
        adam: [...(glyphs?.querySelectorAll('[data-testid="glyphs-1"] [data-glyph]') ?? [])].map(
          (e) => e.getAttribute('data-glyph'),
        ),
        labels: [...(glyphs?.querySelectorAll('text') ?? [])].map((e) => e.textContent),
      };
    }, text);
    expect(found.error).toBeNull();
    expect(found.heavy).toEqual(expect.arrayContaining(['gradient', 'momentum']));
    expect(found.adam).toEqual(expect.arrayContaining(['box', 'momentum', 'gradient']));
    expect(found.labels).toEqual(onScreen);

    // The PNG too: the same picture with the glyphs off differs around them.
    const pixels = async (): Promise<string> =>
      (await bytesOf(await exportAs(page, 'png'))).toString('base64');
    const on = await pixels();
    await app.open(`?scene=${SCENE}&view=t:20`);
    await expect(page.locator('.map-glyphs')).toHaveCount(0);
    const off = await pixels();
    const changed = await page.evaluate(
      async ([a, b]) => {
        const data = async (b64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${b64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(image, 0, 0);
          return ctx.getImageData(0, 0, image.width, image.height).data;
        };
        const [x, y] = [await data(a!), await data(b!)];
        let n = 0;
        for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i]! - y[i]!) > 40) n++;
        return n;
      },
      [on, off],
    );
    expect(changed).toBeGreaterThan(500);
  });

  test('GIF of the run has a frame per sampled step and shows its progress', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const download = await exportAs(page, 'gif');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.gif');
    const gif = await bytesOf(download);
    // 48 steps: all 49 points fit under the 60-frame budget.
    expect(gifFrames(gif)).toBe(49);
    expect(gif.readUInt16LE(6)).toBeLessThanOrEqual(640);
    await expect(page.getByTestId('export-status')).toContainText('descent-rosenbrock.gif');
  });

  test('CSV has a header and one row per step; JSON holds the scene and every point', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const csvDownload = await exportAs(page, 'csv');
    expect(csvDownload.suggestedFilename()).toBe('descent-rosenbrock.csv');
    const rows = (await bytesOf(csvDownload)).toString('utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(48 + 1 + 1);
    expect(rows[0]).toBe('step,Heavy x,Heavy y,Heavy loss,adam 2 x,adam 2 y,adam 2 loss');
    expect(rows[1]!.split(',').slice(0, 3)).toEqual(['0', '-1.25', '1.75']);

    const jsonDownload = await exportAs(page, 'json');
    expect(jsonDownload.suggestedFilename()).toBe('descent-rosenbrock.json');
    const doc = JSON.parse((await bytesOf(jsonDownload)).toString('utf8')) as {
      scene: unknown;
      trajectories: { points: [number, number][] }[];
    };
    expect(doc.scene).toEqual(await app.scene());
    expect(doc.trajectories).toHaveLength(2);
    expect(doc.trajectories[1]!.points).toEqual((await app.trajectories())[1]!.points);
  });

  test('Copy as PyTorch puts a script with the scene’s numbers on the clipboard', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-pytorch').click();
    await expect(page.getByTestId('export-status')).toContainText('PyTorch');
    const script = await page.evaluate(() => navigator.clipboard.readText());
    expect(script).toContain('torch.optim.SGD(params, lr=0.00137, momentum=0.9)');
    expect(script).toContain('torch.optim.Adam(params, lr=0.0421)');
    expect(script).toContain('START = (-1.25, 1.75)');
    expect(script).toContain('STEPS = 48');
  });

  test('Copy as PyTorch downloads the script when the clipboard is refused', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
    });
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const download = await exportAs(page, 'pytorch');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.py');
    const script = (await bytesOf(download)).toString('utf8');
    expect(script).toContain('STEPS = 48');
    expect(script).toContain('lr=0.0421');
    await expect(page.getByTestId('export-status')).toContainText('descent-rosenbrock.py');
  });

  test('the menu is keyboard-operable and Escape closes it back onto its button', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const button = page.getByTestId('export-button');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('export-png')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-png')).toBeHidden();
    await expect(button).toBeFocused();
  });
});
