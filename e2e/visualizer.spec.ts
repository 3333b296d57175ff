import { expect, test } from '@playwright/test';
import { CLASSICS_SCENE, DEFAULT_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import { PHONE } from './fixtures/phone';
import { Visualizer, dragSlider } from './fixtures/visualizer';
import { allowCors } from './fixtures/cors';

/** The seven optimizers of note 003, by link (the first visit shows only three). */
const CLASSICS = `?scene=${encodeSceneParam(CLASSICS_SCENE)}`;

test.describe('the visualizer', () => {
  test('a link to the notes’ scene shows a contour plot and its seven optimizers', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(CLASSICS);
    const shapes = await app.contourShapes();
    expect(shapes.length).toBeGreaterThan(8);
    expect(shapes.every((d) => d.startsWith('M'))).toBe(true);
    const scene = await app.scene();
    expect(scene.surface).toEqual({ id: 'quadratic' });
    const trajectories = await app.trajectories();
    expect(trajectories.map((t) => t.label)).toEqual([
      'SGD',
      'Momentum',
      'NAG',
      'AdaGrad',
      'AdaDelta',
      'RMSProp',
      'Adam',
    ]);
    for (const t of trajectories) {
      expect(t.points[0]).toEqual([-4, 2]);
      expect(t.length).toBe(scene.steps + 1);
      expect(t.diverged).toBe(false);
    }
    // Momentum ends nearer the minimum (0, 0) than plain SGD: the paths are real simulations.
    const end = (i: number) => trajectories[i]!.points[trajectories[i]!.length - 1]!;
    expect(Math.hypot(...end(1))).toBeLessThan(Math.hypot(...end(0)));
    await expect(page.getByTestId('surface-tex')).toContainText('10');
  });

  test('choosing another surface redraws the contours and re-runs every optimizer', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    const before = await app.contourShapes();
    const lossesBefore = (await app.trajectories()).map((t) => t.points[5]);
    await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('himmelblau'));
    expect((await app.scene()).surface).toEqual({ id: 'himmelblau' });
    const after = await app.contourShapes();
    expect(after.length).toBeGreaterThan(4);
    expect(after).not.toEqual(before);
    const lossesAfter = (await app.trajectories()).map((t) => t.points[5]);
    expect(lossesAfter).not.toEqual(lossesBefore);
  });

  test('a bad expression shows its column and keeps the last surface; a good one is drawn', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('__expr'));
    const input = page.getByTestId('expression-input');
    await app.repaintAfter(() => input.fill('x^2 + 3*y^2'));
    expect((await app.scene()).surface).toEqual({ expr: 'x^2 + 3*y^2' });
    const goodShapes = await app.contourShapes();

    await input.fill('x^2 + * y');
    const error = page.getByTestId('expression-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText(/Column \d+/);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    expect((await app.scene()).surface).toEqual({ expr: 'x^2 + 3*y^2' });
    expect(await app.contourShapes()).toEqual(goodShapes);

    await app.repaintAfter(() => input.fill('(x - 1)^2 + 2*(y + 1)^2'));
    await expect(error).toHaveCount(0);
    expect((await app.scene()).surface).toEqual({ expr: '(x - 1)^2 + 2*(y + 1)^2' });
    expect(await app.contourShapes()).not.toEqual(goodShapes);
  });

  test('dragging the learning-rate slider moves only that optimizer’s path', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(CLASSICS);
    const row = await app.expand(6);
    const before = await app.trajectories();
    const slider = row.getByTestId('slider-lr');
    // Opening row 6 closed row 0's taller settings (its regime pad) above it: the helper scrolls
    // to the slider as a person would before dragging it.
    await app.repaintAfter(() => dragSlider(page, slider, 0.3, 0.6));
    const after = await app.trajectories();
    const lr = (await app.scene()).optimizers[6]!.lr!;
    expect(lr).toBeLessThan(0.1);
    expect(after[6]!.points).not.toEqual(before[6]!.points);
    expect(after[0]!.points).toEqual(before[0]!.points);
    await expect(row.getByTestId('field-lr')).toHaveValue(String(lr));
  });

  test('clicking the map moves the start point of every path', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open();
    const target = await app.screenOf(2, -1.5);
    await app.repaintAfter(() => page.mouse.click(target.x, target.y));
    const start = (await app.scene()).start;
    expect(start[0]).toBeCloseTo(2, 1);
    expect(start[1]).toBeCloseTo(-1.5, 1);
    for (const t of await app.trajectories()) expect(t.points[0]).toEqual([start[0], start[1]]);
  });

  test('play, pause, step and reset move the playback cursor; space and arrows work too', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    await page.getByTestId('reset').click();
    expect(await app.cursor()).toBe(0);
    await page.getByTestId('step-forward').click();
    await page.getByTestId('step-forward').click();
    expect(await app.cursor()).toBe(2);
    await page.getByTestId('step-back').click();
    expect(await app.cursor()).toBe(1);
    await expect(page.getByTestId('step-readout')).toContainText('1 / 200');

    await page.getByTestId('play').click();
    await expect.poll(() => app.cursor()).toBeGreaterThan(5);
    await page.getByTestId('play').click();
    await expect(page.getByTestId('play')).toHaveAttribute('data-playing', 'false');
    const paused = await app.cursor();
    await page.waitForFunction(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))),
    );
    expect(await app.cursor()).toBe(paused);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    expect(await app.cursor()).toBe(paused + 1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await app.cursor()).toBe(paused - 1);
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.__descent!.playing())).toBe(false);
  });

  test('a copied link reloads the same scene and view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = new Visualizer(page);
    await app.open();
    await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('rosenbrock'));
    await app.repaintAfter(async () => {
      const field = (await app.expand(1)).getByTestId('field-lr');
      await field.fill('0.0005');
      await field.press('Enter');
    });
    await page.getByTestId('toggle-quiver').check();
    await page.getByTestId('reset').click();
    await page.getByTestId('step-forward').click();
    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('scene=');
    const scene = await app.scene();
    const trajectories = await app.trajectories();

    const fresh = new Visualizer(await context.newPage());
    await fresh.page.goto(link);
    await fresh.waitForPaint(0);
    expect(await fresh.scene()).toEqual(scene);
    expect(await fresh.trajectories()).toEqual(trajectories);
    expect(await fresh.cursor()).toBe(1);
    await expect(fresh.page.getByTestId('toggle-quiver')).toBeChecked();
    await expect(fresh.page.locator('.quiver')).toHaveCount(1);
  });

  test('the address bar follows the scene, so a plain reload restores it', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open();
    await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('booth'));
    await page.waitForURL(/scene=f:booth/);
    await page.reload();
    await app.waitForPaint(0);
    expect((await app.scene()).surface).toEqual({ id: 'booth' });
  });

  test('a diverging learning rate is marked as diverged while the others go on', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    await app.repaintAfter(async () => {
      const field = (await app.expand(0)).getByTestId('field-lr');
      // On x²/10 + y², SGD's y grows ×19 per step at lr 10: it overflows within the 200 steps.
      await field.fill('10');
      await field.press('Enter');
    });
    const trajectories = await app.trajectories();
    expect(trajectories[0]!.diverged).toBe(true);
    expect(trajectories[0]!.length).toBeLessThan(201);
    for (const t of trajectories.slice(1)) {
      expect(t.diverged).toBe(false);
      expect(t.length).toBe(201);
    }
    await expect(page.getByTestId('diverged-0')).toContainText(
      `diverged at step ${trajectories[0]!.length - 1}`,
    );
  });

  test('an absurd hyper-parameter is refused with a message and the last good value kept', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(CLASSICS);
    const row = await app.expand(6);
    const field = row.getByTestId('field-lr');
    await field.fill('-3');
    await field.press('Enter');
    // Said once, under the field that was typed in (not again as the row's message).
    await expect(row.locator('.field-error')).toHaveCount(1);
    await expect(row.locator('.field-error')).toContainText('lr');
    expect((await app.scene()).optimizers[6]!.lr).toBe(0.1);
  });

  test('bad link parameters are named and the app still draws a scene', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open('?scene=f:nowhere;n:-5&view=l:cubic');
    const notice = page.getByTestId('load-errors');
    await expect(notice).toContainText('surface');
    await expect(notice).toContainText('steps');
    await expect(notice).toContainText('view.l');
    expect((await app.trajectories()).length).toBe(DEFAULT_SCENE.optimizers.length);
    expect((await app.contourShapes()).length).toBeGreaterThan(4);
  });

  test('a link with many bad parameters names every one of them, the page ones last', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    // Eight scene problems come first; the page's own (present, page, theme) were cut off.
    await app.open(
      '?scene=f:nosuch;p:a,b;n:-5;o:foo,lr=1;o:sgd,lr=-1,momentum=abc;o:adam,betas=2~3&view=t:zz;d:1,2&present=yes&page=labb&theme=purple',
    );
    const items = page.getByTestId('load-errors').locator('li');
    for (const field of ['present', 'page', 'theme']) {
      await expect(items.filter({ has: page.locator('code', { hasText: field }) })).toHaveCount(1);
    }
    expect(await items.count()).toBeGreaterThan(8);
    // The list scrolls inside the notice: the map keeps its place below it.
    const list = (await page.getByTestId('load-errors').locator('ul').boundingBox())!;
    expect(list.height).toBeLessThan(300);
    await expect(page.getByTestId('map-plot')).toBeVisible();
  });

  test("on a phone, a long optimizer name wraps in the paths' key; the page never scrolls sideways", async ({
    browser,
  }) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const app = new Visualizer(page);
    const long = 'Adam with a really long label 1234567';
    await app.open(
      `?scene=${encodeSceneParam({
        ...DEFAULT_SCENE,
        optimizers: [
          { type: 'sgd', lr: 0.05 },
          { type: 'rmsprop', lr: 0.01 },
          { type: 'nadam', lr: 0.05 },
          { type: 'adam', lr: 0.1, label: long },
        ],
      })}`,
    );
    const key = page.getByTestId('map-key');
    await expect(key).toContainText(long);
    const page390 = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      key: document.querySelector('[data-testid="map-key"]')!.getBoundingClientRect().right,
    }));
    expect(page390.scroll).toBeLessThanOrEqual(page390.client);
    expect(page390.key).toBeLessThanOrEqual(page390.client);
    await context.close();
  });

  test('optimizers can be added, renamed, recoloured, hidden and removed', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open(CLASSICS);
    await page.getByRole('combobox', { name: 'Optimizer to add' }).selectOption('nadam');
    await app.repaintAfter(() => page.getByTestId('add-optimizer').click());
    let scene = await app.scene();
    expect(scene.optimizers).toHaveLength(8);
    expect(scene.optimizers[7]!.type).toBe('nadam');
    expect(await app.trajectories()).toHaveLength(8);

    const row = app.optimizerRow(7);
    await row.getByRole('textbox', { name: /Name/ }).fill('My NAdam');
    await row.locator('input[type="color"]').fill('#123456');
    await row.getByRole('checkbox', { name: /Show/ }).uncheck();
    await expect
      .poll(async () => (await app.scene()).optimizers[7])
      .toMatchObject({
        label: 'My NAdam',
        color: '#123456',
        hidden: true,
      });
    // A hidden optimizer is still simulated, so showing it again is instant.
    expect((await app.trajectories())[7]!.hidden).toBe(true);
    expect((await app.trajectories())[7]!.length).toBe(201);

    await app.repaintAfter(() =>
      app
        .optimizerRow(0)
        .getByRole('button', { name: /Remove/ })
        .click(),
    );
    scene = await app.scene();
    expect(scene.optimizers.map((o) => o.label)).toEqual([
      'Momentum',
      'NAG',
      'AdaGrad',
      'AdaDelta',
      'RMSProp',
      'Adam',
      'My NAdam',
    ]);
  });

  test('wheel zooms the map in and the reset button restores the surface’s view', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    const before = await page.evaluate(() => window.__descent!.domain());
    const centre = await app.screenOf(0, 0);
    await app.repaintAfter(async () => {
      await page.mouse.move(centre.x, centre.y);
      await page.mouse.wheel(0, -400);
    });
    const zoomed = await page.evaluate(() => window.__descent!.domain());
    expect(zoomed.x[1] - zoomed.x[0]).toBeLessThan(before.x[1] - before.x[0]);
    expect(zoomed.x[0]).toBeLessThan(0);
    expect(zoomed.x[1]).toBeGreaterThan(0);
    await page.waitForURL(/view=d:/);
    await app.repaintAfter(() => page.getByRole('button', { name: 'Reset view' }).click());
    expect(await page.evaluate(() => window.__descent!.domain())).toEqual(before);
  });

  test('dragging the start point re-runs the paths from where it is dropped', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open();
    const view = await page.evaluate(() => window.__descent!.domain());
    const from = await app.screenOf(-4, 2);
    const to = await app.screenOf(3, -2);
    await app.repaintAfter(async () => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    });
    const start = (await app.scene()).start;
    expect(start[0]).toBeCloseTo(3, 1);
    expect(start[1]).toBeCloseTo(-2, 1);
    // A drag of the start point is not a pan: the view did not move.
    expect(await page.evaluate(() => window.__descent!.domain())).toEqual(view);
  });

  test('hovering a path point tells its step, position, loss, gradient and update', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    const sgd = (await app.trajectories())[0]!;
    const [x, y] = sgd.points[10]!;
    const at = await app.screenOf(x, y);
    await page.mouse.move(at.x, at.y);
    const card = page.locator('.hover-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText('step');
    await expect(card).toContainText('gradient');
    await expect(card).toContainText('update');
  });

  test('in a sandboxed iframe (origin null) the engine falls back from the module worker and still paints', async ({
    page,
    context,
  }) => {
    await allowCors(context);
    await page.route('**/__host.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<iframe sandbox="allow-scripts" src="/" style="width:1200px;height:800px"></iframe>',
      }),
    );
    await page.goto('/__host.html');
    const frame = page.frames()[1]!;
    await frame.waitForFunction(() => {
      const api = window.__descent;
      return api !== undefined && api.paintCount() > 0 && api.settled();
    });
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    expect(await frame.evaluate(() => window.__descent!.trajectories().length)).toBe(
      DEFAULT_SCENE.optimizers.length,
    );
    // Falling back is not an error the reader needs to see.
    await expect(frame.getByTestId('engine-error')).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the map comes first, fits the screen, and a tap moves the start point', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open();
    const plot = (await app.plot.boundingBox())!;
    expect(plot.x).toBeGreaterThanOrEqual(0);
    expect(plot.x + plot.width).toBeLessThanOrEqual(390);
    const controls = (await page.locator('.column-controls').boundingBox())!;
    expect(controls.y).toBeGreaterThan(plot.y + plot.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    const target = await app.screenOf(1, 1);
    await app.repaintAfter(() => page.touchscreen.tap(target.x, target.y));
    const start = (await app.scene()).start;
    expect(start[0]).toBeCloseTo(1, 0);
    expect(start[1]).toBeCloseTo(1, 0);
  });
});
