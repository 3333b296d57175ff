/**
 * Issue 14, teaching in depth: divergence explained beside the map, the stable band on SGD's lr
 * slider, and the momentum regime pad. A learner drags and clicks; scenes come by URL so these
 * tests do not depend on the default scene.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { OPTIMIZERS } from '../src/engine/optimizers';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { SLIDER_STEPS, sliderRange, toSlider } from '../src/views/controls/params';
import { Visualizer } from './fixtures/visualizer';

/** x²/10 + y²: λ = 0.2 and 2 everywhere, so plain SGD is stable for lr < 2/2 = 1. */
const quadraticWith = (optimizer: Scene['optimizers'][number]): string =>
  `?scene=${encodeSceneParam({
    surface: { id: 'quadratic' },
    start: [-4, 2],
    steps: 50,
    optimizers: [optimizer],
  })}`;

/** Rosenbrock from (−1.5, 2), where the curvature changes along the path. */
const rosenbrockWith = (optimizer: Scene['optimizers'][number], steps: number): string =>
  `?scene=${encodeSceneParam({
    surface: { id: 'rosenbrock' },
    start: [-1.5, 2],
    steps,
    optimizers: [optimizer],
  })}`;

const LR_SPEC = OPTIMIZERS.sgd.params.find((p) => p.name === 'lr')!;
const LR_RANGE = sliderRange(LR_SPEC)!;

/** The slider's thumb centre runs from 8 px to width − 8 px (Chromium's 16 px thumb). */
const thumbX = (box: { x: number; width: number }, lr: number): number =>
  box.x + 8 + ((box.width - 16) * toSlider(lr, LR_RANGE, LR_SPEC.log === true)) / SLIDER_STEPS;

/** Presses the lr slider's thumb and drags it, as a person would, to where `lr` sits. */
async function dragLrTo(page: Page, slider: Locator, from: number, to: number): Promise<void> {
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(thumbX(box, from), y);
  await page.mouse.down();
  await page.mouse.move(thumbX(box, to), y, { steps: 6 });
  await page.mouse.up();
}

test.describe('divergence explained, live', () => {
  test('dragging SGD’s lr past the band’s edge explains why in numbers; the band is on the slider', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(quadraticWith({ type: 'sgd', lr: 0.1 }));
    const row = await app.expand(0);
    const slider = row.getByTestId('slider-lr');

    // The band: stable up to lr = 2/λ_max = 1, drawn from the track's start to that lr.
    const band = row.getByTestId('stable-band');
    await expect(band).toBeVisible();
    expect(Number(await band.getAttribute('data-limit'))).toBeCloseTo(1, 12);
    await expect(row.getByTestId('critical-lr')).toHaveText('stable: lr < 2/λ_max = 1');
    const bar = (await row.getByTestId('stable-band-bar').boundingBox())!;
    const track = (await slider.boundingBox())!;
    expect(Math.abs(bar.x + bar.width - thumbX(track, 1))).toBeLessThanOrEqual(2);
    // A calm run inside the band: nothing to explain.
    await expect(row.getByTestId('why-0')).toHaveCount(0);

    await app.repaintAfter(() => dragLrTo(page, slider, 0.1, 1.3));
    const lr = (await app.scene()).optimizers[0]!.lr!;
    expect(lr).toBeGreaterThan(1);
    const why = row.getByTestId('why-0');
    await expect(why).toHaveAttribute('data-kind', 'exceeds-band');
    await expect(why).toHaveAttribute('data-step', '0');
    const product = Number((2 * lr).toPrecision(3));
    await expect(why).toContainText(
      `lr·λ_max = ${product} > 2 along the steep axis (0, 1) from step 0`,
    );
    await expect(why).toContainText('At this point the largest stable lr is 1.');
    await expect(band).toHaveAttribute('data-inside', 'false');
    // The run on the map does grow: the explanation is about the path the learner sees.
    const path = (await app.trajectories())[0]!;
    expect(Math.abs(path.points[path.length - 1]![1])).toBeGreaterThan(2);

    // Live: back inside the band but past lr·λ = 1 it only zig-zags, and says so.
    await app.repaintAfter(() => dragLrTo(page, slider, lr, 0.7));
    await expect(why).toHaveAttribute('data-kind', 'oscillates');
    await expect(why).toContainText('> 1 along the steep axis (0, 1) from step 0');
    await expect(band).toHaveAttribute('data-inside', 'true');
  });

  test('a collapsed row whose run grew says why in one line, in Chinese too', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(
      `?scene=${encodeSceneParam({
        surface: { id: 'quadratic' },
        start: [-4, 2],
        steps: 50,
        optimizers: [
          { type: 'sgd', lr: 0.1 },
          { type: 'sgd', lr: 0.6, momentum: 0.9, nesterov: true },
        ],
      })}&lang=zh-CN`,
    );
    // Nesterov 0.9: the band is lr·λ < 2(1.9)/2.8 ≈ 1.36, and 0.6·2 = 1.2 is inside it; at lr 0.75
    // (1.5) it is outside.
    const second = app.optimizerRow(1);
    await expect(second.getByTestId('why-1')).toHaveCount(0);
    await app.expand(1);
    await app.repaintAfter(async () => {
      const field = second.getByTestId('field-lr');
      await field.fill('0.75');
      await field.press('Enter');
    });
    await expect(second.getByTestId('critical-lr')).toContainText('稳定区间');
    await app.expand(0);
    const brief = second.getByTestId('why-1');
    await expect(brief).toHaveAttribute('data-kind', 'exceeds-band');
    await expect(brief).toContainText('从第 0 步起，沿陡峭方向 (0, 1) 有 lr·λ_max = 1.5 > 1.36');
  });
});

test.describe('the momentum regime pad', () => {
  test('its region names and the critical-damping key overlap neither each other nor the markers, and stay inside', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    // The default bowl's SGD at the pad's start: the reviewer saw "oscillation" on the marker.
    for (const optimizer of [
      { type: 'sgd', lr: 0.1, momentum: 0.5 },
      { type: 'sgd', lr: 0.1, momentum: 0.9 },
      { type: 'sgd', lr: 0.9, momentum: 0.1 },
    ] as const) {
      await app.open(quadraticWith(optimizer));
      await app.expand(0);
      const pad = page.getByTestId('regime-plot');
      await pad.scrollIntoViewIfNeeded();
      // Measured at one moment, relative to the pad (the page may still move as texts load).
      const { names, markers } = await pad.evaluate((el) => {
        const origin = el.getBoundingClientRect();
        const rect = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height };
        };
        return {
          names: [...el.querySelectorAll('[data-testid^="regime-name-"]')].map(rect),
          markers: [...el.querySelectorAll('.regime-current, .regime-best')].map(rect),
          size: { width: origin.width, height: origin.height },
        };
      });
      const plot = {
        x: 0,
        y: 0,
        ...(await pad.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }))),
      };
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(markers).toHaveLength(2);
      type Rect = (typeof names)[number];
      const hit = (a: Rect, b: Rect): boolean =>
        a.x < b.x + b.width - 0.5 &&
        b.x < a.x + a.width - 0.5 &&
        a.y < b.y + b.height - 0.5 &&
        b.y < a.y + a.height - 0.5;
      names.forEach((b, i) => {
        expect(b.x).toBeGreaterThanOrEqual(plot.x - 0.5);
        expect(b.x + b.width).toBeLessThanOrEqual(plot.x + plot.width + 0.5);
        expect(b.y).toBeGreaterThanOrEqual(plot.y - 0.5);
        expect(b.y + b.height).toBeLessThanOrEqual(plot.y + plot.height + 0.5);
        for (const m of markers) expect(hit(b, m), `name ${i} on a marker`).toBe(false);
        for (const other of names.slice(i + 1)) expect(hit(b, other), `name ${i}`).toBe(false);
      });
    }
  });

  test('on a run that blew up, the pad reads its last point near the map, not the blown-up one', async ({
    page,
  }) => {
    // SGD at lr 0.003 on Rosenbrock from (−1.5, 2) diverges within a few steps; the page opens
    // at the last step, whose point was about (−7e26, 4e17).
    const app = new Visualizer(page);
    await app.open(rosenbrockWith({ type: 'sgd', lr: 0.003 }, 100));
    await app.expand(0);
    const model = page.getByTestId('regime-model');
    await expect(model).toBeVisible();
    const step = Number(await model.getAttribute('data-step'));
    const [x, y] = (await app.trajectories())[0]!.points[step]!;
    expect(Math.abs(x)).toBeLessThan(100);
    expect(Math.abs(y)).toBeLessThan(100);
    // No astronomically small lr advised, and no exponent past ±20 in what it says.
    await expect(model).not.toContainText(/e[+−-]?\d{3}|e[+−-]?[2-9]\d/);
  });

  test('a flat drag across the pad keeps it in place and keeps the momentum under the pointer', async ({
    page,
  }) => {
    // From a converging lr into divergence: the note above the pad appears and grows meanwhile.
    const app = new Visualizer(page);
    await app.open(quadraticWith({ type: 'sgd', lr: 0.05, momentum: 0.5 }));
    await app.expand(0);
    const pad = page.getByTestId('regime-plot');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const y = box.y + box.height * 0.5;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    const tops: number[] = [];
    const momenta: number[] = [];
    for (const fx of [0.4, 0.6, 0.8, 0.95]) {
      await app.repaintAfter(() => page.mouse.move(box.x + box.width * fx, y, { steps: 3 }));
      // Longer than the panels' rest (150 ms): the note would have changed by now.
      await page.waitForTimeout(400);
      tops.push((await pad.boundingBox())!.y);
      momenta.push((await app.scene()).optimizers[0]!.momentum!);
    }
    await page.mouse.up();
    expect(new Set(tops).size).toBe(1);
    expect(tops[0]).toBeCloseTo(box.y, 0);
    expect(new Set(momenta).size).toBe(1);
  });

  test('clicking the pad sets lr and momentum and the path changes; arrows move the point', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(quadraticWith({ type: 'sgd', lr: 0.1, momentum: 0.5 }));
    await app.expand(0);
    const pad = page.getByTestId('regime-plot');
    await expect(pad).toBeVisible();
    const lrMax = Number(await pad.getAttribute('data-lr-max'));
    // Heavy ball at μ = 0.99 is stable up to lr·λ_max = 3.98: the pad's lr axis holds all of it.
    expect(lrMax).toBeCloseTo((1.1 * 2 * 1.99) / 2, 12);
    const before = (await app.trajectories())[0]!.points;

    // Click where lr = 0.3·lrMax and μ = 0.8·0.99 (the ripples region of this bowl).
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const readout = page.getByTestId('regime-readout');
    await page.mouse.move(box.x + 0.3 * box.width, box.y + 0.2 * box.height);
    await expect(readout).toContainText('ripples');
    await app.repaintAfter(() => page.mouse.down());
    await page.mouse.up();
    const { lr, momentum } = (await app.scene()).optimizers[0]!;
    expect(lr!).toBeCloseTo(0.3 * lrMax, 1);
    expect(momentum!).toBeCloseTo(0.8 * 0.99, 1);
    const after = (await app.trajectories())[0]!.points;
    expect(after[5]).not.toEqual(before[5]);
    // The momentum slider and field follow.
    await expect(app.optimizerRow(0).getByTestId('field-momentum')).toHaveValue(String(momentum));

    // Reached with Tab, the arrows move the point: → one column of lr, ↑ 0.01 of momentum.
    await app.optimizerRow(0).getByRole('checkbox', { name: 'maximize' }).focus();
    await page.keyboard.press('Tab');
    await expect(pad).toBeFocused();
    await app.repaintAfter(() => page.keyboard.press('ArrowUp'));
    expect((await app.scene()).optimizers[0]!.momentum).toBeCloseTo(momentum! + 0.01, 12);
    await app.repaintAfter(() => page.keyboard.press('ArrowRight'));
    const moved = (await app.scene()).optimizers[0]!.lr!;
    expect(moved).toBeGreaterThan(lr!);
    expect(moved).toBeCloseTo(lr! + lrMax / 80, 2);
  });

  test('dragging the pad into divergence makes the run blow up and the note say why', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(quadraticWith({ type: 'sgd', lr: 0.1, momentum: 0.5 }));
    const row = await app.expand(0);
    const pad = page.getByTestId('regime-plot');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    // From the monotone corner (small lr, μ 0.2) along the bottom to lr = 0.95·lrMax, μ 0.2.
    await page.mouse.move(box.x + 0.05 * box.width, box.y + 0.8 * box.height);
    await page.mouse.down();
    await app.repaintAfter(() =>
      page.mouse.move(box.x + 0.95 * box.width, box.y + 0.8 * box.height, { steps: 8 }),
    );
    await page.mouse.up();
    const { lr, momentum } = (await app.scene()).optimizers[0]!;
    // Heavy ball at μ ≈ 0.2 is stable only for lr·2 < 2(1 + μ): 0.95·2.189·2 ≈ 4.2 is past it.
    expect(lr! * 2).toBeGreaterThan(2 * (1 + momentum!));
    const why = row.getByTestId('why-0');
    await expect(why).toHaveAttribute('data-kind', 'exceeds-band');
    await expect(why).toContainText(
      `lr·λ < 2(1 + μ) = ${Number((2 * (1 + momentum!)).toPrecision(3))}`,
    );
  });

  test('the pad follows the playback cursor: on Rosenbrock each step has its own local quadratic', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(rosenbrockWith({ type: 'sgd', lr: 0.0005, momentum: 0.9 }, 200));
    await app.expand(0);
    const pad = page.getByTestId('regime-plot');
    const model = page.getByTestId('regime-model');
    /** λ_max of Rosenbrock's exact Hessian at (x, y). */
    const lambdaMax = (x: number, y: number): number => {
      const a = 2 - 400 * (y - x * x) + 800 * x * x;
      const b = -400 * x;
      const d = 200;
      return (a + d) / 2 + Math.hypot((a - d) / 2, b);
    };
    const seen: { axis: number; text: string; lambda: number }[] = [];
    for (const k of [0, 60]) {
      await page.getByTestId('scrub').fill(String(k));
      await expect(model).toHaveAttribute('data-step', String(k));
      await expect(model).toContainText(`step ${k}`);
      const [x, y] = (await app.trajectories())[0]!.points[k]!;
      seen.push({
        axis: Number(await pad.getAttribute('data-lr-max')),
        text: (await model.textContent()) ?? '',
        lambda: lambdaMax(x, y),
      });
    }
    const [first, later] = seen as [(typeof seen)[0], (typeof seen)[0]];
    // The curvature differs along the path, and so does what the pad shows.
    expect(later.lambda).not.toBeCloseTo(first.lambda, 0);
    expect(later.text).not.toBe(first.text);
    expect(later.axis).not.toBeCloseTo(first.axis, 6);
    // Each lr axis spans the stable band of the Hessian at that step's point: lrMax·λ_max is the
    // same bound at both steps.
    expect(later.axis * later.lambda).toBeCloseTo(first.axis * first.lambda, 6);
  });
});
