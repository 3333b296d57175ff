/**
 * Robustness under bad input: hostile links, hostile typed expressions, numbers at the edges and a
 * worker that crashes or hangs. Each test watches for uncaught errors and console errors, and
 * checks what a user would notice: a working scene, a visible message, a page that still answers.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_SCENE, parseScene } from '../src/engine/scene';
import { Visualizer } from './fixtures/visualizer';

/** Collects uncaught page errors and console errors; `expectNone` fails the test on any. */
function watchErrors(page: Page): { expectNone: () => void } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return { expectNone: () => expect(problems).toEqual([]) };
}

/**
 * The page still answers: a click on Play starts playback and a second click stops it. Each answer
 * is awaited as a condition, not within a set time: on a loaded machine a busy page answers late,
 * and a hung one never does. Playwright's click (not a click at coordinates read beforehand)
 * lands on the button where it is at that moment, even if the page moved it meanwhile.
 */
async function expectResponsive(page: Page): Promise<void> {
  // From step 0 the run cannot reach its end, and stop by itself, between the two clicks: if it
  // did, the second click would start it again and the wait for 'stopped' would last a whole run.
  await page.getByTestId('reset').click();
  await page.waitForFunction(
    () => window.__descent!.cursor() === 0 && !window.__descent!.playing(),
  );
  const play = page.getByTestId('play');
  for (const playing of [true, false]) {
    await play.click();
    await page.waitForFunction((want) => window.__descent!.playing() === want, playing);
  }
}

const LONG = 'x'.repeat(5000);

test.describe('robustness', () => {
  // Independent pages: spread over both workers to keep the suite's wall time down.
  test.describe.configure({ mode: 'parallel' });

  // One test per link: each loads its own page, so a slow machine spends one test's time on each.
  const links: { query: string; names: RegExp }[] = [
    { query: '?scene=f:__proto__;n:NaN;p:1e309,x', names: /surface\.id[\s\S]*steps|steps/ },
    { query: `?scene=e:${'('.repeat(100)}x`, names: /surface\.expr/ },
    { query: '?scene=o:constructor,__proto__=1;o:sgd,lr=-1', names: /optimizers\[0\]/ },
    { query: `?scene=${LONG}`, names: /scene/ },
    { query: '?scene=%E0%A4%A;o:%&view=%', names: /view/ },
    { query: '?view=d:NaN,1,2,3;t:1e99;s:0;o:-1;__proto__:1', names: /view\.d/ },
    { query: '?scene=e:alert(1)', names: /surface\.expr/ },
    { query: '?scene=o:sgd,schedule=constructor', names: /optimizers\[0\]\.schedule/ },
    {
      query:
        '?__proto__[polluted]=1&constructor[prototype][polluted]=1&scene=o:sgd,__proto__=1,polluted=1',
      names: /optimizers\[0\]/,
    },
    { query: '?scene=e:%00', names: /surface\.expr/ },
    { query: `?scene=f:quadratic&view=${LONG}`, names: /view/ },
  ];
  for (const { query, names } of links) {
    test(`hostile link ${JSON.stringify(query.slice(0, 40))} opens a working scene naming what was replaced`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      const app = new Visualizer(page);
      await page.goto(`/${query}`);
      await app.waitForPaint(0);
      const notice = page.getByTestId('load-errors');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(names);
      // The notice stays readable: no unbroken 5,000-character word pushing the page sideways.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await app.contourPaths.count()).toBeGreaterThan(0);
      expect(parseScene(await app.scene()).ok).toBe(true);
      const polluted = await page.evaluate(() => {
        const fresh: Record<string, unknown> = {};
        return fresh['polluted'] ?? null;
      });
      expect(polluted).toBeNull();
      await expectResponsive(page);
      errors.expectNone();
    });
  }

  test('hostile typed expressions show an error or a drawn surface, and the page keeps answering', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const app = new Visualizer(page);
    await app.open();
    await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('__expr'));
    const input = page.getByTestId('expression-input');
    const error = page.getByTestId('expression-error');
    const cases: { text: string; parses: boolean }[] = [
      { text: '('.repeat(100), parses: false },
      { text: 'x^x^x^x^x^x^x^x', parses: true },
      { text: 'exp(exp(exp(x)))', parses: true },
      { text: '1/0', parses: true },
      { text: '__proto__', parses: false },
      { text: 'constructor', parses: false },
      { text: 'alert(1)', parses: false },
      { text: '\u0000', parses: false },
      { text: 'x+'.repeat(2500), parses: false },
      { text: LONG, parses: false },
      { text: 'x^2 + y^2', parses: true },
    ];
    for (const { text, parses } of cases) {
      const label = text.slice(0, 30);
      const before = await app.scene();
      if (parses) {
        await app.repaintAfter(() => input.fill(text));
        await expect(error, label).toHaveCount(0);
        expect((await app.scene()).surface, label).toEqual({ expr: text });
      } else {
        await input.fill(text);
        await expect(error, label).toBeVisible();
        await expect(input, label).toHaveAttribute('aria-invalid', 'true');
        // The message quotes the input briefly (the caret line shows it whole, scrolling inside
        // its own box), and nothing pushes the page sideways.
        const message = await error.evaluate(
          (el) => el.textContent!.length - (el.querySelector('code')?.textContent?.length ?? 0),
        );
        expect(message, label).toBeLessThan(300);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, label).toBeLessThanOrEqual(0);
        expect(await app.scene(), label).toEqual(before);
      }
      await expectResponsive(page);
    }
    errors.expectNone();
  });

  test('a huge typed lr or start reads whole in its field, with an exponent', async ({ page }) => {
    const app = new Visualizer(page);
    await app.open('?scene=f:quadratic;p:-4,2;n:20;o:sgd,lr=0.1');
    const row = await app.expand(0);
    const fits = (field: Locator) =>
      field.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
    const lr = row.getByTestId('field-lr');
    await app.repaintAfter(async () => {
      await lr.fill('10000000000');
      await lr.press('Enter');
    });
    expect((await app.scene()).optimizers[0]!.lr).toBe(1e10);
    await expect(lr).toHaveValue('1e10');
    expect(await fits(lr)).toBe(true);
    for (const [axis, typed, shown] of [
      ['x', '-1000000000', '-1e9'],
      ['y', '250000000', '2.5e8'],
    ] as const) {
      const field = page.getByTestId(`start-${axis}`);
      await app.repaintAfter(async () => {
        await field.fill(typed);
        await field.press('Enter');
      });
      await expect(field).toHaveValue(shown);
    }
    expect((await app.scene()).start).toEqual([-1e9, 2.5e8]);
    for (const axis of ['x', 'y']) expect(await fits(page.getByTestId(`start-${axis}`))).toBe(true);
  });

  test('extreme learning rates and the most steps end in a clear divergence', async ({ page }) => {
    const errors = watchErrors(page);
    const app = new Visualizer(page);
    // A negative lr is one torch refuses: refused by name, the default kept.
    await app.open(
      '?scene=f:quadratic;p:-4,2;n:10000;o:sgd,lr=10000,label=Huge;o:sgd,lr=1e-8,label=Tiny;o:adam,lr=-1,label=AdamNegative',
    );
    await expect(page.getByTestId('load-errors')).toContainText('optimizers[2].lr');
    const [huge, tiny, adam] = await app.trajectories();
    expect(huge!.diverged).toBe(true);
    expect(tiny!.diverged).toBe(false);
    expect(tiny!.length).toBe(10_001);
    // A tiny step barely moves: still next to the start after 10,000 steps.
    expect(Math.hypot(tiny!.points[10_000]![0] + 4, tiny!.points[10_000]![1] - 2)).toBeLessThan(
      1e-3,
    );
    expect(adam!.length).toBe(10_001);
    expect(adam!.points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    await expect(page.getByTestId('diverged-0')).toHaveText(`diverged at step ${huge!.length - 1}`);
    await expect(page.getByTestId('diverged-1')).toHaveCount(0);
    await expectResponsive(page);

    // The same edges typed into the UI: a negative lr is refused under the field with torch's
    // reason, 1e5 (torch takes any lr >= 0) diverges, 1e-8 recovers.
    const row = await app.expand(1);
    const lr = row.getByTestId('field-lr');
    await lr.fill('-1');
    await lr.press('Enter');
    await expect(row.getByRole('alert')).toContainText('torch refuses a negative learning rate');
    expect((await app.scene()).optimizers[1]!.lr).toBe(1e-8);
    await app.repaintAfter(async () => {
      await lr.fill('1e5');
      await lr.press('Enter');
    });
    await expect(page.getByTestId('diverged-1')).toHaveText(/^diverged at step \d+$/);
    await app.repaintAfter(async () => {
      await lr.fill('1e-8');
      await lr.press('Enter');
    });
    await expect(page.getByTestId('diverged-1')).toHaveCount(0);
    // Beyond the maximum: refused with a message, the scene keeps its 10,000 steps.
    const steps = page.getByTestId('steps');
    await steps.fill('1e9');
    await steps.press('Enter');
    await expect(page.locator('.steps-field .field-error')).toContainText('10000');
    expect((await app.scene()).steps).toBe(10_000);
    await expectResponsive(page);
    errors.expectNone();
  });

  test('a start far outside the domain and a surface that overflows within a step end cleanly', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const app = new Visualizer(page);
    await app.open('?scene=f:quadratic;p:1e9,-1e9;n:500;o:adam,lr=0.1;o:sgd,lr=0.1');
    for (const t of await app.trajectories()) {
      expect(t.diverged).toBe(false);
      expect(t.points[0]).toEqual([1e9, -1e9]);
    }
    await expectResponsive(page);
    await app.open('?scene=e:exp(x%5E2);p:3,3;n:10000;o:sgd,lr=0.1;o:adam,lr=0.01');
    const [sgd, slow] = await app.trajectories();
    expect(sgd!.diverged).toBe(true);
    expect(sgd!.length).toBeLessThan(10);
    await expect(page.getByTestId('diverged-0')).toHaveText(`diverged at step ${sgd!.length - 1}`);
    expect(slow!.points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    await expectResponsive(page);
    errors.expectNone();
  });

  test('a crashed worker is reported and restarted, keeping the scene', async ({ page }) => {
    await page.addInitScript(() => {
      window.__DESCENT_TEST_HOOKS__ = true;
    });
    const errors = watchErrors(page);
    const app = new Visualizer(page);
    await app.open('?scene=f:himmelblau;p:1,1;n:300');
    const scene = await app.scene();
    const paths = await app.trajectories();

    const before = await app.paintCount();
    expect(await page.evaluate(() => window.__descent!.faults!.crash())).toBe(true);
    // Said in the reader's words; the worker's own English reason is kept for tools.
    await expect(page.getByTestId('engine-error')).toContainText(
      'The computation worker stopped; it was restarted',
    );
    await expect(page.getByTestId('engine-error')).toHaveAttribute(
      'data-detail',
      /the worker crashed/,
    );
    await app.waitForPaint(before);
    expect(await app.scene()).toEqual(scene);
    expect(await app.trajectories()).toEqual(paths);

    // The restarted worker computes the next change.
    await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('rosenbrock'));
    expect((await app.scene()).surface).toEqual({ id: 'rosenbrock' });
    expect((await app.trajectories())[0]!.points[5]).not.toEqual(paths[0]!.points[5]);
    await expectResponsive(page);
    errors.expectNone();
  });

  test('a hung worker is stopped by the watchdog, reported and replaced, keeping the scene', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      window.__DESCENT_TEST_HOOKS__ = true;
    });
    const errors = watchErrors(page);
    const app = new Visualizer(page);
    await app.open();
    expect(await page.evaluate(() => window.__descent!.faults!.hang(3000))).toBe(true);
    // This change goes to a worker that will never answer.
    const before = await app.paintCount();
    await page.getByTestId('surface-select').selectOption('booth');
    // Still responsive while the engine is silent.
    await expectResponsive(page);
    await expect(page.getByTestId('engine-error')).toContainText(
      'The computation worker stopped answering; it was replaced',
      { timeout: 8000 },
    );
    await expect(page.getByTestId('engine-error')).toHaveAttribute(
      'data-detail',
      'no answer within 3000 ms',
    );
    await app.waitForPaint(before);
    await expectResponsive(page);
    expect((await app.scene()).surface).toEqual({ id: 'booth' });
    const trajectories = await app.trajectories();
    expect(trajectories).toHaveLength(DEFAULT_SCENE.optimizers.length);
    expect(trajectories.every((t) => t.length === 201)).toBe(true);
    errors.expectNone();
  });
});

test.describe('robustness, said in Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('a crashed worker is reported in the reader’s language, with no English in the sentence', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      window.__DESCENT_TEST_HOOKS__ = true;
    });
    const app = new Visualizer(page);
    await app.open('?scene=f:himmelblau;p:1,1;n:300');
    const before = await app.paintCount();
    expect(await page.evaluate(() => window.__descent!.faults!.crash())).toBe(true);
    const notice = page.getByTestId('engine-error');
    await expect(notice.locator('p')).toHaveText(
      '運算執行緒意外停止，已重新啟動並重新計算了場景。',
    );
    expect(await notice.locator('p').textContent()).not.toMatch(/[A-Za-z]/);
    await app.waitForPaint(before);
  });
});
