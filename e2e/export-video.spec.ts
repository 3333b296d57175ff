/**
 * Video export for slides and posts: the Export menu's WebM and MP4 (H.264) items give a file the
 * browser plays, at the map's on-screen size or fitted to 1080p, as long as the run (30 fps, last
 * frame held), showing the trajectories' colours. Checked by decoding the downloaded file in the
 * page; the MP4's boxes and track are also read back in Node with Mediabunny.
 */
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { readFile } from 'node:fs/promises';
import { Visualizer } from './fixtures/visualizer';

// 48 steps: 49 frames at 30 fps plus the last frame held 1.5 s.
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

/** Plays the file in a <video>: its size, duration and the colours of its last frame. */
function probe(page: Page, bytes: Buffer, type = 'video/webm') {
  return page.evaluate(
    async ({ b64, type }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([data], { type }));
      await new Promise((ok, fail) => {
        video.onloadeddata = ok;
        video.onerror = () => fail(new Error('the browser cannot play the file'));
      });
      // WebM written without cues may report Infinity until the end is reached.
      if (!Number.isFinite(video.duration)) {
        video.currentTime = 1e6;
        await new Promise((ok) => (video.ondurationchange = ok));
      }
      video.currentTime = video.duration - 0.5;
      await new Promise((ok) => (video.onseeked = ok));
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d')!;
      let blue = 0;
      let orange = 0;
      // 'seeked' can fire before the sought frame is presented (drawImage then gives a blank
      // frame): read the frame again on the next animation frames until it shows, at most 60.
      for (let attempt = 0; attempt < 60 && blue + orange === 0; attempt++) {
        if (attempt > 0) await new Promise((ok) => requestAnimationFrame(ok));
        ctx.drawImage(video, 0, 0);
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const near = (i: number, r: number, g: number, b: number): boolean =>
          Math.abs(pixels[i]! - r) + Math.abs(pixels[i + 1]! - g) + Math.abs(pixels[i + 2]! - b) <
          60;
        for (let i = 0; i < pixels.length; i += 4) {
          if (near(i, 0x00, 0x72, 0xb2)) blue++;
          if (near(i, 0xd5, 0x5e, 0x00)) orange++;
        }
      }
      return {
        width: video.videoWidth,
        height: video.videoHeight,
        duration: video.duration,
        blue,
        orange,
      };
    },
    { b64: bytes.toString('base64'), type },
  );
}

/** The MP4's top-level boxes in file order (type names), as a player reads them. */
function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(at);
    if (size === 1) size = Number(bytes.readBigUInt64BE(at + 8));
    else if (size === 0) size = bytes.length - at;
    boxes.push(bytes.subarray(at + 4, at + 8).toString('latin1'));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

/** Reads the MP4 back with Mediabunny: container, the video track's codec, size and frames. */
async function readMp4(bytes: Buffer) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const format = await input.getFormat();
  const tracks = await input.getTracks();
  const video = await input.getPrimaryVideoTrack();
  if (!video) throw new Error('the MP4 has no video track');
  const stats = await video.computePacketStats();
  return {
    format: format.name,
    mimeType: format.mimeType,
    tracks: tracks.length,
    codec: video.codec,
    codecString: await video.getCodecParameterString(),
    width: video.displayWidth,
    height: await video.getDisplayHeight(),
    frames: stats.packetCount,
    duration: await video.computeDuration(),
  };
}

test.describe('video export', () => {
  test('WebM at the view size plays as long as the run and shows the paths', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const plot = (await app.plot.boundingBox())!;
    const download = await exportAs(page, 'webm');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.webm');
    const bytes = await readFile(await download.path());
    // EBML magic, and the "webm" doc type.
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(bytes.subarray(0, 64).toString('latin1')).toContain('webm');
    const video = await probe(page, bytes);
    // The map with its axes' margins (48 left, 12 right), rounded to even pixels.
    expect(Math.abs(video.width - (plot.width + 60))).toBeLessThanOrEqual(2);
    expect(video.width % 2).toBe(0);
    expect(video.height % 2).toBe(0);
    expect(video.duration).toBeGreaterThan(49 / 30 + 1.5 - 0.2);
    expect(video.duration).toBeLessThan(49 / 30 + 1.5 + 0.2);
    expect(video.blue).toBeGreaterThan(50);
    expect(video.orange).toBeGreaterThan(50);
    await expect(page.getByTestId('export-status')).toContainText('descent-rosenbrock.webm');
  });

  test('WebM at 1080p is 1920 × 1080, the map fitted in it', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const download = await exportAs(page, 'webm1080');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.1080p.webm');
    const video = await probe(page, await readFile(await download.path()));
    // What a slide program expects of "1080p", whatever the map's aspect.
    expect([video.width, video.height]).toEqual([1920, 1080]);
    expect(video.blue).toBeGreaterThan(200);
  });

  test('MP4 at the view size is H.264 in MP4, plays as long as the run and shows the paths', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const plot = (await app.plot.boundingBox())!;
    const download = await exportAs(page, 'mp4');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.mp4');
    const bytes = await readFile(await download.path());
    // An ISO BMFF file: ftyp first; the index (moov) before the media (mdat), for fast start.
    const boxes = topLevelBoxes(bytes);
    expect(boxes[0]).toBe('ftyp');
    expect(boxes).toContain('moov');
    expect(boxes).toContain('mdat');
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    const file = await readMp4(bytes);
    expect(file.mimeType).toMatch(/^video\/mp4/);
    expect(file.tracks).toBe(1);
    expect(file.codec).toBe('avc');
    expect(file.codecString).toMatch(/^avc1\.[0-9a-f]{6}$/i);
    // 49 frames (steps 0 to 48) at 30 fps, the last one held 1.5 s.
    expect(file.frames).toBe(49);
    expect(file.duration).toBeGreaterThan(48 / 30 + 1.5 - 0.05);
    expect(file.duration).toBeLessThan(48 / 30 + 1.5 + 0.05);
    expect(Math.abs(file.width - (plot.width + 60))).toBeLessThanOrEqual(2);
    expect(file.width % 2).toBe(0);
    expect(file.height % 2).toBe(0);
    const video = await probe(page, bytes, 'video/mp4');
    expect(video.width).toBe(file.width);
    expect(video.height).toBe(file.height);
    expect(video.duration).toBeGreaterThan(49 / 30 + 1.5 - 0.2);
    expect(video.duration).toBeLessThan(49 / 30 + 1.5 + 0.2);
    expect(video.blue).toBeGreaterThan(50);
    expect(video.orange).toBeGreaterThan(50);
    await expect(page.getByTestId('export-status')).toContainText('descent-rosenbrock.mp4');
  });

  test('MP4 at 1080p is 1920 × 1080 at an H.264 level that allows it', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    const download = await exportAs(page, 'mp4_1080');
    expect(download.suggestedFilename()).toBe('descent-rosenbrock.1080p.mp4');
    const bytes = await readFile(await download.path());
    expect(topLevelBoxes(bytes)[0]).toBe('ftyp');
    const file = await readMp4(bytes);
    expect(file.codec).toBe('avc');
    expect(file.frames).toBe(49);
    expect([file.width, file.height]).toEqual([1920, 1080]);
    // Level 4.0 (0x28) or above holds 1920 × 1080 frames.
    expect(parseInt(file.codecString!.slice(-2), 16)).toBeGreaterThanOrEqual(0x28);
    const video = await probe(page, bytes, 'video/mp4');
    expect(video.width).toBe(file.width);
    expect(video.blue).toBeGreaterThan(200);
  });

  test('MP4 where the browser has no H.264 encoder says so and saves nothing', async ({ page }) => {
    // A browser whose WebCodecs encodes VP9/VP8 but not H.264 (as some Linux builds).
    await page.addInitScript(() => {
      const original = VideoEncoder.isConfigSupported.bind(VideoEncoder);
      VideoEncoder.isConfigSupported = (config) =>
        config.codec.startsWith('avc')
          ? Promise.resolve({ supported: false, config })
          : original(config);
    });
    const app = new Visualizer(page);
    await app.open(`?scene=${SCENE}`);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-mp4').click();
    await expect(page.getByTestId('export-status')).toContainText('no WebCodecs H.264 encoder');
    await expect(page.getByTestId('export-status')).toContainText('try WebM');
    expect(downloads).toBe(0);
  });
});
