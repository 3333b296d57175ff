/**
 * Gradient noise (issue 14) as a learner meets it: turn it on under the surface picker, see the
 * paths change, keep it in the link, reload and get the very same paths; a bad value is named and
 * the map keeps the last good scene.
 */
import { expect, test } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

test('turning noise on changes the paths, the link keeps it, and a reload draws the same paths', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open();
  const exact = await app.trajectories();
  const control = page.getByTestId('noise-control');
  await expect(control).toContainText('Gradient noise');
  await expect(control).toContainText('note 001');

  await app.repaintAfter(() => control.getByTestId('noise-type').selectOption('gaussian'));
  expect((await app.scene()).noise).toEqual({ type: 'gaussian', scale: 0.5, seed: 1 });
  const noisy = await app.trajectories();
  expect(noisy[0]!.points[0]).toEqual(exact[0]!.points[0]);
  expect(noisy[0]!.points[10]).not.toEqual(exact[0]!.points[10]);

  // Another seed: another path.
  const seed = control.getByTestId('noise-seed');
  await seed.fill('2');
  await app.repaintAfter(() => seed.press('Enter'));
  const reseeded = await app.trajectories();
  expect(reseeded[0]!.points[10]).not.toEqual(noisy[0]!.points[10]);
  await expect(page).toHaveURL(/noise:gaussian,scale=0\.5,seed=2/);
  await control.screenshot({ path: 'test-results/noise-control.png' });

  await page.reload();
  await app.waitForPaint(0);
  await expect(page.getByTestId('noise-type')).toHaveValue('gaussian');
  await expect(page.getByTestId('noise-seed')).toHaveValue('2');
  expect(await app.trajectories()).toEqual(reseeded);
});

test('a bad noise value is named under its field and the map keeps the last good scene', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?scene=f:quadratic;p:-4,2;n:100;o:sgd,lr=0.1;noise:hessian,scale=0.3,seed=5');
  const control = page.getByTestId('noise-control');
  await expect(control.getByTestId('noise-type')).toHaveValue('hessian');
  const before = await app.trajectories();

  const scale = control.getByTestId('noise-scale');
  await scale.fill('-1');
  await scale.press('Enter');
  await expect(control.getByRole('alert')).toContainText('noise.scale: must be a number from 0');
  expect((await app.scene()).noise).toEqual({ type: 'hessian', scale: 0.3, seed: 5 });
  expect(await app.trajectories()).toEqual(before);

  // Mini-batch noise needs a surface that is a sum of terms: the bowl is not.
  await control.getByTestId('noise-type').selectOption('minibatch');
  await expect(page.getByTestId('noise-error')).toContainText('noise.type: minibatch noise needs');
  await expect(control.getByTestId('noise-type')).toHaveValue('hessian');
  expect(await app.trajectories()).toEqual(before);

  // On the sum of bumps it is a subset of the terms at each step.
  await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('bumps'));
  await app.repaintAfter(() => control.getByTestId('noise-type').selectOption('minibatch'));
  expect((await app.scene()).noise).toEqual({ type: 'minibatch', batch_size: 4, seed: 5 });
  await expect(page.getByTestId('noise-error')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/noise-bumps.png' });
});

test('the ensemble draws 20 seeds faintly, their mean bold, and says how many reach the deepest well', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?lesson=momentum-noise');
  const control = page.getByTestId('noise-control');
  await expect(control.getByTestId('noise-type')).toHaveValue('gaussian');
  await expect(page.getByTestId('ensemble-layer')).toHaveCount(0);
  await control.getByTestId('noise-ensemble').check();
  const layer = page.getByTestId('ensemble-layer');
  await expect(layer.locator('path.ensemble-run')).toHaveCount(40);
  await expect(layer.locator('path.ensemble-mean')).toHaveCount(2);
  const sgd = page.getByTestId('ensemble-key-0');
  const momentum = page.getByTestId('ensemble-key-1');
  await expect(sgd).toContainText(/SGD: \d+ of 20 runs end in the lowest minimum/);
  const hits = async (key: typeof sgd) => Number(/: (\d+) of 20/.exec(await key.innerText())![1]);
  expect(await hits(sgd)).toBeLessThanOrEqual(2);
  expect(await hits(momentum)).toBeGreaterThanOrEqual(12);
  await page.locator('.map-panel').screenshot({ path: 'test-results/noise-ensemble.png' });

  // Another seed moves the whole ensemble; turning noise off removes it.
  const before = await layer.getByTestId('ensemble-mean-1').getAttribute('d');
  const seed = control.getByTestId('noise-seed');
  await seed.fill('100');
  await app.repaintAfter(() => seed.press('Enter'));
  await expect(layer.getByTestId('ensemble-mean-1')).not.toHaveAttribute('d', before ?? '');
  await app.repaintAfter(() => control.getByTestId('noise-type').selectOption('none'));
  await expect(page.getByTestId('ensemble-layer')).toHaveCount(0);
  await expect(page.getByTestId('ensemble-key')).toHaveCount(0);
});

test('an ensemble whose runs blow up still draws them to the map’s edge, and says they diverged', async ({
  page,
}) => {
  // SGD at lr 1.5 on the bowl diverges: its runs reach ~1e38, which an SVG path refused outright.
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const app = new Visualizer(page);
  await app.open('?scene=f:quadratic;p:-4,2;n:200;o:sgd,lr=1.5;noise:gaussian,scale=0.5,seed=2');
  await page.getByTestId('noise-control').getByTestId('noise-ensemble').check();
  const layer = page.getByTestId('ensemble-layer');
  await expect(layer.locator('path.ensemble-run')).toHaveCount(20);
  // Every faint run has a drawable path inside the map's margin.
  for (const d of await layer
    .locator('path.ensemble-run')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''))) {
    // Clipped at the map's margin: pieces ('M…L…') where the run crosses the map.
    expect(d).toMatch(/^(M[-\d.]+,[-\d.]+(L[-\d.]+,[-\d.]+)+)+$/);
    for (const v of d.slice(1).split(/[ML,]/)) expect(Math.abs(Number(v))).toBeLessThan(1e5);
  }
  await expect(page.getByTestId('ensemble-key-0')).toContainText(
    /0 of 20 runs end in the lowest minimum’s basin; 20 diverged/,
  );
  expect(errors).toEqual([]);
});

for (const [locale, heading, refusal] of [
  ['zh-CN', '梯度噪声', '小批量噪声需要'],
  ['zh-TW', '梯度雜訊', '小批次雜訊需要'],
] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('the noise control and its refusal speak the page language', async ({ page }) => {
      const app = new Visualizer(page);
      await app.open();
      const control = page.getByTestId('noise-control');
      await expect(control).toContainText(heading);
      await expect(control).toContainText('001');
      await control.getByTestId('noise-type').selectOption('minibatch');
      await expect(page.getByTestId('noise-error')).toContainText(`noise.type: ${refusal}`);
    });
  });
}

test('the noise lesson says as many wells as the map marks minima', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open('?lesson=momentum-noise');
  const body = page.getByTestId('lesson-body');
  await expect(body).toContainText('wells of different depths');
  const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const said = /(\w+) wells/i.exec((await body.textContent()) ?? '')![1]!.toLowerCase();
  // Each minimum is a star on the map; the learner counts them against the text.
  const stars = page.getByTestId('map').locator('.minima > g');
  await expect(stars).toHaveCount(words.indexOf(said) + 1);
});

test('the analysis drawer says the map has noise, which settings, and what each tab makes of it', async ({
  page,
}) => {
  const app = new Visualizer(page);
  const scene = 'f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1;noise:heavy_tail,scale=0.3,df=4,seed=7';
  await app.open(`?scene=${scene}`);
  await page.getByTestId('analyze-toggle').click();
  const note = page.getByTestId('analysis-noise');
  await page.getByTestId('analysis-tab-race').click();
  await expect(note).toContainText('heavy-tailed (Student-t), σ 0.3, ν 4, seed 7');
  await expect(note).toContainText('exact gradients');
  await page.getByTestId('analysis-tab-step').click();
  await expect(note).toContainText('the noisy step the path took');
  // The mini-batch tab has its own data and batches: no note.
  await page.getByTestId('analysis-tab-minibatch').click();
  await expect(note).toHaveCount(0);
  // Exact gradients on the map: no note either.
  await app.open('?scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1');
  await page.getByTestId('analyze-toggle').click();
  await page.getByTestId('analysis-tab-race').click();
  await expect(page.getByTestId('race-view')).toBeVisible();
  await expect(note).toHaveCount(0);
  // In 简体 and 繁體.
  await app.open(`?scene=${scene}&lang=zh-CN`);
  await page.getByTestId('analyze-toggle').click();
  await page.getByTestId('analysis-tab-race').click();
  await expect(note).toContainText('随机种子 7');
  await app.open(`?scene=${scene}&lang=zh-TW`);
  await page.getByTestId('analyze-toggle').click();
  await page.getByTestId('analysis-tab-race').click();
  await expect(note).toContainText('隨機種子 7');
});
