/**
 * The soak session: SOAK_MINUTES (default 10) minutes of a scripted user in a loop — play, change
 * surfaces, type expressions, drag a learning-rate slider, zoom, toggle the gradient field, change
 * the step count, add and remove an optimizer, switch languages, and in a second tab switch pages
 * (visualizer → lab → lessons → visualizer). Every 30 s it forces a garbage collection over CDP and
 * records the visualizer tab's JSHeapUsedSize.
 *
 * It fails when the heap after GC grows by more than 5 MB between minute 2 and the end (minute
 * 10), or when any console error or uncaught exception appears in either tab. The heap is read in
 * the first tab only, which never navigates: a page switch starts a fresh JavaScript heap, so it
 * would hide a leak rather than show one (the second tab is there for the page switches).
 *
 * Run with `npm run soak` (SOAK_MINUTES=3 for a shorter session).
 */
import { expect, test } from '@playwright/test';
import type { CDPSession, Page } from '@playwright/test';
import { Visualizer } from '../e2e/fixtures/visualizer';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SAMPLE_EVERY_MS = 30_000;
/**
 * The heap is compared from this minute on (warm-up: lazy chunks, caches, JIT): minute 2, or
 * earlier in a session too short to leave a minute after it.
 */
const BASELINE_MINUTE = MINUTES >= 3 ? 2 : MINUTES / 2;
/** Allowed growth of the heap after GC between the baseline and the end. */
const BUDGET_MB = 5;
const MB = 1e6;

interface Sample {
  readonly seconds: number;
  readonly heapMB: number;
  readonly iterations: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  // Twice: the first pass can leave objects whose finalizers free more.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('no JSHeapUsedSize metric');
  return used.value / MB;
}

/** Records console errors and uncaught exceptions of a tab. */
function watchErrors(page: Page, name: string, into: string[]): void {
  page.on('pageerror', (error) => into.push(`${name} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${name} console.error: ${message.text()}`);
  });
}

const EXPRESSIONS = [
  'sin(x) * cos(y) + (x^2 + y^2) / 10',
  '(x - 1)^2 + 3 * (y + 0.5)^2',
  'softplus(x + y) + x^2 / 4 + y^2 / 9',
  'max(abs(x), abs(y)) + 0.1 * x * y',
];
const STEPS = ['500', '1000', '200'];

/** The visualizer tab's scripted user. */
class SoakUser {
  private readonly app: Visualizer;
  private surfaces: string[] = [];

  constructor(readonly page: Page) {
    this.app = new Visualizer(page);
  }

  async open(): Promise<void> {
    await this.app.open();
    this.surfaces = await this.page
      .getByTestId('surface-select')
      .locator('option')
      .evaluateAll((options) =>
        options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== '__expr'),
      );
    expect(this.surfaces.length).toBeGreaterThan(3);
  }

  /** Plays until the cursor has moved 30 steps (or the run ends), then pauses. */
  async play(): Promise<void> {
    const start = await this.app.cursor();
    await this.page.getByTestId('play').click();
    await this.page.waitForFunction((from) => {
      const api = window.__descent!;
      return !api.playing() || api.cursor() >= from + 30 || api.cursor() < from;
    }, start);
    if (await this.page.evaluate(() => window.__descent!.playing())) {
      await this.page.getByTestId('play').click();
    }
  }

  async chooseSurface(k: number): Promise<void> {
    const id = this.surfaces[k % this.surfaces.length]!;
    const current = await this.app.scene();
    if ('id' in current.surface && current.surface.id === id) return;
    await this.app.repaintAfter(() => this.page.getByTestId('surface-select').selectOption(id));
  }

  async typeExpression(k: number): Promise<void> {
    const select = this.page.getByTestId('surface-select');
    if ((await select.inputValue()) !== '__expr') {
      await this.app.repaintAfter(() => select.selectOption('__expr'));
    }
    const expr = EXPRESSIONS[k % EXPRESSIONS.length]!;
    const current = await this.app.scene();
    if ('expr' in current.surface && current.surface.expr === expr) return;
    await this.app.repaintAfter(() => this.page.getByTestId('expression-input').fill(expr));
  }

  /** Drags optimizer k's learning-rate slider across part of its range with the mouse. */
  async dragLearningRate(k: number): Promise<void> {
    const count = (await this.app.scene()).optimizers.length;
    const row = await this.app.expand(k % count);
    const slider = row.getByTestId('slider-lr');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('the learning-rate slider has no box');
    const y = box.y + box.height / 2;
    const before = await this.app.paintCount();
    await this.page.mouse.move(box.x + box.width * 0.35, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(box.x + box.width * (0.35 + (0.3 * i) / 12), y);
    }
    await this.page.mouse.up();
    await this.app.waitForPaint(before);
  }

  async zoom(): Promise<void> {
    await this.app.plot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await this.app.plot.boundingBox();
    if (!box) throw new Error('the map has no box');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.app.repaintAfter(() => this.page.mouse.wheel(0, -240));
    await this.app.repaintAfter(() => this.page.mouse.wheel(0, 240));
  }

  async toggleQuiver(): Promise<void> {
    const toggle = this.page.getByTestId('toggle-quiver');
    const was = await toggle.isChecked();
    await toggle.click();
    await expect(toggle).toBeChecked({ checked: !was });
  }

  async setSteps(k: number): Promise<void> {
    const field = this.page.getByTestId('steps');
    const value = STEPS[k % STEPS.length]!;
    if ((await field.inputValue()) === value) return;
    await this.app.repaintAfter(async () => {
      await field.fill(value);
      await field.press('Enter');
    });
  }

  async addAndRemoveOptimizer(): Promise<void> {
    const list = this.page.getByTestId('optimizer-list');
    const before = await list.locator(':scope > li').count();
    await this.app.repaintAfter(() => this.page.getByTestId('add-optimizer').click());
    await expect(list.locator(':scope > li')).toHaveCount(before + 1);
    await this.app.repaintAfter(() =>
      list.locator(':scope > li').last().locator('button.remove').click(),
    );
    await expect(list.locator(':scope > li')).toHaveCount(before);
  }

  async switchLanguage(k: number): Promise<void> {
    const switcher = this.page.getByTestId('language-switcher');
    const locales = await switcher
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const next = locales[k % locales.length]!;
    await switcher.selectOption(next);
    await expect(this.page.locator('html')).toHaveAttribute('lang', next);
  }
}

/** The second tab: follows the header's links between the pages. */
async function switchPages(page: Page): Promise<void> {
  const nav = page.locator('.app-nav');
  const go = async (href: string, ready: () => Promise<void>): Promise<void> => {
    const link = nav.locator(`a[href="${href}"]`);
    if ((await link.count()) === 0) return; // a page this build does not have
    await link.click();
    // The new page marks its own link as the current one.
    await expect(nav.locator(`a[href="${href}"]`)).toHaveAttribute('aria-current', 'page');
    await ready();
  };
  const visualizer = new Visualizer(page);
  await go('./?page=lab', () =>
    expect(page.locator('[data-slot="a"] .lab-status')).toHaveAttribute('data-loss', /\d/),
  );
  await go('./?page=lessons', () => expect(page.locator('main').first()).toBeVisible());
  await go('./', () => visualizer.waitForPaint(0));
}

test(`a ${MINUTES}-minute session keeps the heap flat and the console clean`, async ({
  page,
  context,
}, testInfo) => {
  const problems: string[] = [];
  // One stuck action fails the session within half a minute, naming the action.
  context.setDefaultTimeout(30_000);
  watchErrors(page, 'visualizer', problems);
  const user = new SoakUser(page);
  await user.open();

  const pages = await context.newPage();
  watchErrors(pages, 'pages', problems);
  await pages.goto('/');
  await new Visualizer(pages).waitForPaint(0);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');

  const samples: Sample[] = [];
  const started = Date.now();
  const elapsed = (): number => (Date.now() - started) / 1000;
  const sample = async (iterations: number): Promise<void> => {
    const heapMB = await heapAfterGc(cdp);
    const s = { seconds: Math.round(elapsed()), heapMB, iterations };
    samples.push(s);
    const mm = `${Math.floor(s.seconds / 60)}:${String(s.seconds % 60).padStart(2, '0')}`;
    console.log(`soak ${mm}  heap after GC ${heapMB.toFixed(2)} MB  (${iterations} loops)`);
  };

  await sample(0);
  let nextSample = SAMPLE_EVERY_MS / 1000;
  const actions: [string, (k: number) => Promise<void>][] = [
    ['play', () => user.play()],
    ['surface', (k) => user.chooseSurface(k)],
    ['slider', (k) => user.dragLearningRate(k)],
    ['zoom', () => user.zoom()],
    ['expression', (k) => user.typeExpression(k)],
    ['quiver', () => user.toggleQuiver()],
    ['steps', (k) => user.setSteps(k)],
    ['optimizers', () => user.addAndRemoveOptimizer()],
    ['language', (k) => user.switchLanguage(k)],
    ['pages', () => switchPages(pages)],
  ];
  /** Milliseconds spent per action, to show where a loop's time goes. */
  const spent = new Map<string, number>();
  let k = 0;
  while (elapsed() < MINUTES * 60) {
    for (const [name, action] of actions) {
      const t0 = Date.now();
      try {
        await action(k);
        spent.set(name, (spent.get(name) ?? 0) + Date.now() - t0);
      } catch (error) {
        throw new Error(
          `loop ${k}, ${name}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      if (elapsed() >= nextSample) {
        await sample(k);
        nextSample += SAMPLE_EVERY_MS / 1000;
      }
      if (elapsed() >= MINUTES * 60) break;
    }
    k++;
  }
  await sample(k);

  const baseline = samples.find((s) => s.seconds >= BASELINE_MINUTE * 60) ?? samples[0]!;
  const end = samples[samples.length - 1]!;
  const growth = end.heapMB - baseline.heapMB;
  const summary =
    `soak: ${k} loops in ${MINUTES} min; heap after GC ${baseline.heapMB.toFixed(2)} MB at ` +
    `${baseline.seconds} s → ${end.heapMB.toFixed(2)} MB at ${end.seconds} s ` +
    `(${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB; budget +${BUDGET_MB} MB); ` +
    `${problems.length} console errors`;
  console.log(summary);
  const perLoop = [...spent].map(([name, ms]) => `${name} ${Math.round(ms / Math.max(1, k))}`);
  console.log(`soak: ms per loop: ${perLoop.join(', ')}`);
  await testInfo.attach('heap.json', {
    body: JSON.stringify(
      {
        minutes: MINUTES,
        samples,
        baseline,
        end,
        growth,
        problems,
        spent: Object.fromEntries(spent),
      },
      null,
      2,
    ),
    contentType: 'application/json',
  });

  expect(problems, 'console errors and uncaught exceptions').toEqual([]);
  expect(growth, summary).toBeLessThanOrEqual(BUDGET_MB);
});
