import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

/** The map-plot pixel of a domain point (the plot maps the visible domain linearly, y up). */
async function pixelOf(page: Page, app: Visualizer, point: [number, number]) {
  const box = (await app.plot.boundingBox())!;
  const d = await page.evaluate(() => window.__descent!.domain());
  return {
    x: box.x + ((point[0] - d.x[0]) / (d.x[1] - d.x[0])) * box.width,
    y: box.y + ((d.y[1] - point[1]) / (d.y[1] - d.y[0])) * box.height,
  };
}

/**
 * Clicks the map at `point` (surface coordinates) as a person would: through the plot's locator,
 * which waits until the plot is stable and the point would receive the click (a panel loading
 * beside the map can still move it after its box was read).
 */
async function clickMapAt(page: Page, app: Visualizer, point: [number, number]): Promise<void> {
  const box = (await app.plot.boundingBox())!;
  const at = await pixelOf(page, app, point);
  await app.plot.click({ position: { x: at.x - box.x, y: at.y - box.y } });
}

const phase = (page: Page) => page.getByTestId('predict-panel').getAttribute('data-phase');

/** A number as the panel writes it ("−" for minus), parsed back. */
const num = (text: string): number => Number(text.replace('−', '-'));

test.describe('predict, then run', () => {
  test('a lesson asks where the path will be; a click on the map is the guess; the run shows how far off it was', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=lr-too-small');
    const panel = page.getByTestId('predict-panel');
    await expect(page.getByTestId('predict-question')).toHaveText(
      /Where will .* be after 50 steps\?/,
    );
    expect(await phase(page)).toBe('ask');
    // The run waits at step 0 with its faint full path hidden: the picture gives nothing away.
    expect(await app.cursor()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toContain('g:0');
    // So does the lesson's explanation, which tells the answer; the panel says so.
    await expect(page.getByTestId('lesson-body')).toBeHidden();
    await expect(page.getByTestId('predict-hidden-note')).toBeVisible();
    // The charts, which draw the whole run, too (kept in place, so nothing moves).
    await expect(page.locator('.charts-panel')).toBeHidden();

    // Click the guess on the map: it is marked, and the start point stays where it was.
    const start = (await app.scene()).start;
    const guess: [number, number] = [-2, 1];
    await clickMapAt(page, app, guess);
    await expect(page.getByTestId('predict-guess')).toBeVisible();
    await expect(page.getByTestId('predict-your-guess')).toContainText('Your guess');
    expect((await app.scene()).start).toEqual(start);
    const typedX = num(await page.getByTestId('predict-x').inputValue());
    const typedY = num(await page.getByTestId('predict-y').inputValue());
    expect(typedX).toBeCloseTo(guess[0], 1);
    expect(typedY).toBeCloseTo(guess[1], 1);

    // Run (at a quicker speed than the class's): the path plays and stops at step 50, the answer.
    await page.getByTestId('speed').selectOption('60');
    expect(await phase(page)).toBe('ask');
    await page.getByTestId('predict-reveal').click();
    await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
    expect(await app.cursor()).toBe(50);
    await expect(page.getByTestId('lesson-body')).toBeVisible();
    await expect(page.locator('.charts-panel')).toBeVisible();
    const truth = (await app.trajectories())[0]!.points[50]!;
    const expected = Math.hypot(typedX - truth[0], typedY - truth[1]);
    const judged = await page.getByTestId('predict-judged').textContent();
    const said = /was ([−\d.]+) away/.exec(judged ?? '')![1]!;
    expect(num(said)).toBeCloseTo(expected, 2);
    // On the map: the guess, the true point, the dashed line between them and the distance.
    await expect(page.getByTestId('predict-truth')).toBeVisible();
    await expect(page.getByTestId('predict-line')).toBeVisible();
    await expect(page.getByTestId('predict-distance')).toHaveText(`${said} away`);
    // The true mark sits at the trajectory's point 50.
    const mark = (await page.getByTestId('predict-truth').locator('circle').boundingBox())!;
    const want = await pixelOf(page, app, truth);
    expect(Math.abs(mark.x + mark.width / 2 - want.x)).toBeLessThan(2);
    expect(Math.abs(mark.y + mark.height / 2 - want.y)).toBeLessThan(2);
    // The faint full path is back once the answer is shown.
    await expect
      .poll(() => new URL(page.url()).searchParams.get('view') ?? '')
      .not.toContain('g:0');
    await page.getByTestId('map').screenshot({ path: 'test-results/predict-position.png' });

    // Ask again: back at step 0, no guess.
    await page.getByTestId('predict-again').click();
    expect(await phase(page)).toBe('ask');
    expect(await app.cursor()).toBe(0);
    await expect(page.getByTestId('predict-guess')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toContain('g:0');

    // No serious accessibility problem in the panel while it asks.
    const axe = await new AxeBuilder({ page }).include('[data-testid="predict-panel"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );

    // Closing the lesson ends its question and gives the faint full path back.
    await page.getByTestId('close-lesson').click();
    await expect(page.getByTestId('predict-panel')).toHaveCount(0);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('view') ?? '')
      .not.toContain('g:0');
  });

  test('keys pressed before the question has loaded do not play the run: step 0 until answered', async ({
    page,
  }) => {
    // The question's code arrives late (a slow school network): its chunk waits until released.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/PredictUI-[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    const app = new Visualizer(page);
    await app.open('?lesson=lr-too-small');
    // The lesson is open (its scene drawn), its question not yet on screen.
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
    await expect
      .poll(async () => (await app.scene()).optimizers.map((o) => o.lr))
      .toEqual([0.02, 0.5]);
    await expect(page.getByTestId('predict-panel')).toHaveCount(0);
    // What the learner sees meanwhile: the question's place pulsing, the play buttons idle.
    await expect(page.getByTestId('predict-loading')).toBeVisible();
    await expect(page.getByTestId('predict-loading')).toHaveAttribute('aria-busy', 'true');
    const opacity = (testId: string) =>
      page.getByTestId(testId).evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(await opacity('play')).toBeLessThan(0.6);
    // The learner presses what would step and play: the path stays at its start.
    await page.locator('body').click({ position: { x: 2, y: 700 } });
    for (const key of ['ArrowRight', 'Shift+ArrowRight', 'PageDown', 'Space']) {
      await page.keyboard.press(key);
    }
    await page.getByTestId('play').click();
    // Two animation frames: time for playback to have moved, had it started.
    const frames = () =>
      page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
          ),
      );
    await frames();
    expect(await app.cursor()).toBe(0);
    expect(await page.evaluate(() => window.__descent!.playing())).toBe(false);
    // Nor does the lesson's text give the answer away meanwhile.
    await expect(page.getByTestId('lesson-body')).toBeHidden();

    // The question arrives: still at step 0, asking.
    release();
    await expect(page.getByTestId('predict-panel')).toHaveAttribute('data-phase', 'ask');
    await expect(page.getByTestId('predict-loading')).toHaveCount(0);
    expect(await opacity('play')).toBe(1);
    await frames();
    expect(await app.cursor()).toBe(0);
    await expect(page.getByTestId('predict-guess')).toHaveCount(0);

    // Answered (a point on the map) and run: now the path plays, to step 50.
    await clickMapAt(page, app, [-2, 1]);
    await expect(page.getByTestId('predict-guess')).toBeVisible();
    await page.getByTestId('speed').selectOption('60');
    await page.getByTestId('predict-reveal').click();
    await expect(page.getByTestId('predict-panel')).toHaveAttribute('data-phase', 'done', {
      timeout: 20_000,
    });
    expect(await app.cursor()).toBe(50);
  });

  test('a clicker’s double tap on the reveal shows the answer instead of leaving it "Running"', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=momentum-ravine');
    const panel = page.getByTestId('predict-panel');
    await expect(panel).toHaveAttribute('data-phase', 'ask');
    await page.locator('body').click({ position: { x: 2, y: 700 } });
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 10_000 });
    await expect(page.getByTestId('predict-running')).toHaveCount(0);
  });

  test('keyboard only: pick "will it diverge?", reveal, and the verdict is the engine’s', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=gradient-clipping');
    await expect(page.getByTestId('predict-question')).toContainText('diverge');
    // Tab to the "No" choice (a wrong guess if the run diverges, a right one otherwise).
    const focusOn = async (testId: string): Promise<void> => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
        if (id === testId) return;
      }
      throw new Error(`Tab never reached ${testId}`);
    };
    await focusOn('predict-choice-no');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('predict-choice-no')).toHaveAttribute('aria-pressed', 'true');
    await focusOn('predict-reveal');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('predict-panel')).toHaveAttribute('data-phase', 'done', {
      timeout: 20_000,
    });
    const run = (await app.trajectories())[0]!;
    await expect(page.getByTestId('predict-judged')).toHaveText(
      run.diverged ? 'Not this time.' : 'Right!',
    );
    await expect(page.getByTestId('predict-truth-text')).toContainText(
      run.diverged ? `overflowed at step ${run.length}` : 'did not diverge',
    );
  });

  test('keyboard only: a typed point is the guess for a predict= flag on any scene', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.05&predict=position:20');
    await expect(page.getByTestId('predict-question')).toContainText('after 20 steps');
    await page.getByTestId('predict-x').focus();
    await page.keyboard.type('-3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('predict-point-error')).toContainText('y must be a number');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('predict-your-guess')).toContainText('(−3, 0.5)');
    await expect(page.getByTestId('predict-guess')).toBeVisible();
    // Space from the page (not a field) reveals, as play would.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Space');
    await expect(page.getByTestId('predict-panel')).toHaveAttribute('data-phase', 'done', {
      timeout: 20_000,
    });
    const truth = (await app.trajectories())[0]!.points[20]!;
    const judged = (await page.getByTestId('predict-judged').textContent()) ?? '';
    expect(num(/was ([−\d.]+) away/.exec(judged)![1]!)).toBeCloseTo(
      Math.hypot(-3 - truth[0], 0.5 - truth[1]),
      2,
    );
  });

  test('presenter mode: the room votes, Reveal shows which optimizer arrived first', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=momentum-ravine&present=1');
    const panel = page.getByTestId('predict-panel');
    await expect(panel).toContainText('Room vote');
    const reveal = page.getByTestId('predict-reveal');
    await expect(reveal).toHaveText('Reveal');
    // The room's choice: SGD.
    await page.getByTestId('predict-choice-1').click();
    await expect(reveal).toHaveText('Run and compare');
    // A presentation clicker's PageDown reveals.
    await page.locator('.presenter-map').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    // The winner from the engine's paths, on f = x²/100 + y², counted here.
    expect((await app.scene()).surface).toEqual({ expr: 'x^2/100 + y^2' });
    const runs = await app.trajectories();
    const arrivals = runs.map((t) => t.points.findIndex(([x, y]) => (x * x) / 100 + y * y < 1e-3));
    const best = Math.min(...arrivals.filter((k) => k >= 0));
    const winners = runs.filter((_, i) => arrivals[i] === best).map((t) => t.label);
    await expect(page.getByTestId('predict-truth-text')).toHaveText(
      `${winners.join(' and ')} brought the loss below 0.001 first, at step ${best}.`,
    );
    await expect(page.getByTestId('predict-judged')).toHaveText(
      winners.includes(runs[0]!.label) ? 'Right!' : 'Not this time.',
    );
    await page.screenshot({ path: 'test-results/predict-presenter.png' });
  });

  test('a bad predict= value is named, and the scene keeps working', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open('?scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.05&predict=position:999');
    const alert = page.getByTestId('predict-error');
    await expect(alert).toContainText('predict.step');
    await expect(alert).toContainText('from 1 to 60');
    await expect(alert).toContainText('“999”');
    await expect(page.getByTestId('predict-panel')).toHaveCount(0);
    // Playback and clicks work as usual: a click moves the start.
    await page.keyboard.press('ArrowRight');
    expect(await app.cursor()).toBeGreaterThan(0);
    const at = await pixelOf(page, app, [2, -1]);
    await app.repaintAfter(() => page.mouse.click(at.x, at.y));
    const start = (await app.scene()).start;
    expect(start[0]).toBeCloseTo(2, 1);
    expect(start[1]).toBeCloseTo(-1, 1);
  });

  test('the question speaks 简体 and 繁體', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open('?lesson=lr-too-small&lang=zh-CN');
    await expect(page.getByTestId('predict-question')).toContainText('走了 50 步之后');
    await app.open('?lesson=lr-too-small&lang=zh-TW');
    await expect(page.getByTestId('predict-question')).toContainText('走了 50 步之後');
    await expect(page.getByTestId('predict-reveal')).toHaveText('揭曉');
  });
});
