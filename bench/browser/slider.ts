/**
 * Slider input → repainted trajectories: real mouse drags on the learning-rate slider of a scene
 * with twelve optimizers × 10,000 steps (DESIGN.md's budget), each move timed from the slider's input event to
 * the app's next 'scene-painted' mark. Then the baseline in the same page and with the same drags:
 * the app's handlers are kept from seeing the input, and a bare listener repaints the same
 * polylines with plain canvas calls on the next animation frame.
 */
import type { Browser, Page } from '@playwright/test';
import { resolveSurface } from '../../src/engine/surfaces';
import { simulate } from '../../src/engine/simulate';
// The baseline's paths run here in Node: every family, the lazily loaded ones included.
import '../../src/engine/optimizers/all';
import type { BenchRow } from '../types';
import {
  eventCount,
  firstPaint,
  latencySince,
  LatencySamples,
  openPage,
  requestDelta,
  workerRequests,
} from './session';
import { ms, median, percentile } from './stats';
import { SLIDER_SCENE, sceneUrl } from './scenes';
import { learningRateSlider } from './ui';

const GESTURES = 6;
/** Pixel offsets of one drag from where it starts: out and back, so the rate stays in a sane range. */
const MOVES = [4, 8, 12, 16, 20, 16, 12, 8, 4, 0] as const;
const BUDGET_MS = 16.7;

interface Thumb {
  readonly x: number;
  readonly y: number;
}

async function thumbCentre(page: Page): Promise<Thumb> {
  const slider = await learningRateSlider(page);
  // Mid-screen, as a reader drags it: at the window's bottom edge (where the side panel's length
  // may put it) the drags after the first missed the thumb.
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await slider.boundingBox();
  if (!box) throw new Error('the learning-rate slider has no box on screen');
  const fraction = await slider.evaluate((el) => {
    const input = el as HTMLInputElement;
    const min = input.min === '' ? 0 : Number(input.min);
    const max = input.max === '' ? 100 : Number(input.max);
    return (Number(input.value) - min) / (max - min);
  });
  // Chromium's default thumb is about 16 px wide and travels between the track's inner ends.
  const half = Math.min(8, box.width / 4);
  return { x: box.x + half + fraction * (box.width - 2 * half), y: box.y + box.height / 2 };
}

/** Drags the slider GESTURES times; returns the latency of every move. */
async function drag(page: Page, thumb: Thumb): Promise<LatencySamples> {
  const samples = new LatencySamples();
  for (let g = 0; g < GESTURES; g++) {
    const direction = g % 2 === 0 ? 1 : -1;
    await page.mouse.move(thumb.x, thumb.y);
    let since = await eventCount(page);
    await page.mouse.down();
    // Pressing a little off the thumb's centre may move it: let that repaint settle, unmeasured.
    if ((await eventCount(page)) > since) await latencySince(page, since, 2_000);
    for (const offset of MOVES) {
      since = await eventCount(page);
      await page.mouse.move(thumb.x + direction * offset, thumb.y);
      samples.add(await latencySince(page, since));
    }
    await page.mouse.up();
  }
  return samples;
}

/** Installs the bare-canvas baseline: from now on the slider's input repaints bare polylines only. */
async function installBaseline(page: Page, paths: readonly number[][]): Promise<void> {
  const surface = resolveSurface(SLIDER_SCENE.surface);
  if (!surface.ok) throw new Error('the slider scene surface does not resolve');
  const { domain } = surface.surface;
  await page.evaluate(
    ({ paths, domain }) => {
      const shown =
        document.querySelector<HTMLCanvasElement>('canvas.map-trajectories') ??
        [...document.querySelectorAll('canvas')].sort(
          (a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight,
        )[0];
      const width = shown?.clientWidth || 600;
      const height = shown?.clientHeight || 400;
      const dpr = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;pointer-events:none`;
      document.body.append(canvas);
      const ctx = canvas.getContext('2d')!;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const arrays = paths.map((p) => Float64Array.from(p));
      const [x0, x1] = domain.x;
      const [y0, y1] = domain.y;
      const sx = width / (x1 - x0);
      const sy = height / (y1 - y0);
      let frame = 0;
      const draw = (): void => {
        frame = 0;
        ctx.clearRect(0, 0, width, height);
        ctx.lineWidth = 2;
        for (const points of arrays) {
          ctx.beginPath();
          ctx.moveTo((points[0]! - x0) * sx, height - (points[1]! - y0) * sy);
          for (let k = 2; k < points.length; k += 2)
            ctx.lineTo((points[k]! - x0) * sx, height - (points[k + 1]! - y0) * sy);
          ctx.strokeStyle = '#0072b2';
          ctx.stroke();
        }
        performance.mark('scene-painted');
      };
      for (const type of ['input', 'change']) {
        // Capture on window runs before React's root listener; stopping it there keeps the app out.
        window.addEventListener(
          type,
          (event) => {
            if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'range')
              return;
            // Stopping here also hides the event from the probe's document listener: record it.
            window.__bench!.events.push({ type, t: event.timeStamp });
            event.stopImmediatePropagation();
            if (type === 'input' && frame === 0) frame = requestAnimationFrame(draw);
          },
          true,
        );
      }
    },
    { paths, domain },
  );
}

/** The slider figure and its baseline ratio. */
export async function measureSlider(browser: Browser, base: string): Promise<BenchRow[]> {
  const session = await openPage(browser, sceneUrl(base, SLIDER_SCENE));
  try {
    const { page } = session;
    await firstPaint(page);
    const thumb = await thumbCentre(page);
    console.error('bench: slider drags (app) ...');
    const requestsBefore = await workerRequests(page);
    const app = await drag(page, thumb);
    const requests = requestDelta(requestsBefore, await workerRequests(page));

    const surface = resolveSurface(SLIDER_SCENE.surface);
    if (!surface.ok) throw new Error('the slider scene surface does not resolve');
    const paths = simulate(SLIDER_SCENE, surface.surface).map((t) =>
      Array.from(t.points.subarray(0, 2 * t.length)),
    );
    await installBaseline(page, paths);
    console.error('bench: slider drags (bare canvas baseline) ...');
    const bare = await drag(page, thumb);

    const appP95 = percentile(app.ms, 95);
    const bareP95 = percentile(bare.ms, 95);
    const enough = app.ms.length >= 50;
    const points = paths.reduce((n, p) => n + p.length / 2, 0);
    return [
      {
        name: `browser: slider input -> repainted trajectories (${SLIDER_SCENE.optimizers.length} opt x ${SLIDER_SCENE.steps.toLocaleString('en-US')} steps), p95`,
        value: appP95,
        unit: 'ms',
        budget: `<= ${BUDGET_MS} ms`,
        pass: enough && appP95 <= BUDGET_MS,
        detail: [
          `${app.ms.length} drag moves, median ${ms(median(app.ms))} ms, max ${ms(Math.max(...app.ms))} ms`,
          // The first drag after the load pays for compiling the drag's code: shown apart.
          `first drag max ${ms(Math.max(...app.ms.slice(0, MOVES.length)))} ms, later drags p95 ${ms(percentile(app.ms.slice(MOVES.length), 95))} ms`,
          enough ? '' : 'fewer than 50 samples',
          app.misses(),
          `worker requests during the drags: ${requests || 'none'}`,
        ]
          .filter(Boolean)
          .join('; '),
      },
      {
        name: 'browser: slider repaint vs bare canvas polylines, p95 ratio',
        value: appP95 / bareP95,
        unit: 'x',
        detail: [
          `bare input -> rAF -> ${paths.length} polylines (${points} points): p95 ${ms(bareP95)} ms, median ${ms(median(bare.ms))} ms over ${bare.ms.length}`,
          bare.misses(),
        ]
          .filter(Boolean)
          .join('; '),
      },
    ];
  } finally {
    await session.close();
  }
}
