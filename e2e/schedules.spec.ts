import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SCHEDULE_TYPES } from '../src/engine/optimizers/schedule-spec';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { Visualizer } from './fixtures/visualizer';

const SCENE: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 60,
  optimizers: [{ type: 'sgd', lr: 0.05, label: 'SGD' }],
};

const lrChart = (page: Page) => page.getByTestId('lr-chart');
const lrLine = (page: Page) => lrChart(page).locator('path.descent-chart__line');

test('each schedule, picked in the editor, redraws the learning-rate chart', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(SCENE)}`);
  // Without a schedule the lr is constant: no lr chart.
  await expect(lrChart(page)).toHaveCount(0);
  const row = await app.expand(0);
  const type = row.getByTestId('schedule-type');
  const seen = new Set<string>();
  for (const schedule of SCHEDULE_TYPES) {
    await app.repaintAfter(() => type.selectOption({ value: schedule }));
    expect((await app.scene()).optimizers[0]!.schedule?.type).toBe(schedule);
    await expect(lrLine(page)).toHaveCount(1);
    const d = (await lrLine(page).getAttribute('d')) ?? '';
    expect(d, schedule).not.toBe('');
    // plateau keeps the lr until the loss stalls; every other preset changes the lr somewhere.
    expect(seen.has(d), `${schedule} draws a curve of its own`).toBe(false);
    seen.add(d);
    await expect(row.getByTestId('schedule-preview')).toBeVisible();
    // One-cycle and cyclic cycle SGD's momentum (it was created with none), as torch does.
    const cycles = schedule === 'onecycle' || schedule === 'cyclic';
    await expect(page.getByTestId('momentum-chart')).toHaveCount(cycles ? 1 : 0);
  }
  await page.screenshot({ path: 'test-results/schedules-sequential.png', fullPage: true });
});

test('typing a schedule field redraws the lr chart; a value torch refuses is named and kept out', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(SCENE)}`);
  const row = await app.expand(0);
  await app.repaintAfter(() => row.getByTestId('schedule-type').selectOption('step'));
  const before = await lrLine(page).getAttribute('d');
  const stepSize = row.getByTestId('schedule-step_size');
  await stepSize.fill('5');
  await app.repaintAfter(() => stepSize.press('Enter'));
  expect((await app.scene()).optimizers[0]!.schedule).toMatchObject({ type: 'step', step_size: 5 });
  await expect(lrLine(page)).not.toHaveAttribute('d', before ?? '');

  // One-cycle's total_steps below the scene's 60 steps: torch raises, so the field says why.
  await app.repaintAfter(() => row.getByTestId('schedule-type').selectOption('onecycle'));
  const total = row.getByTestId('schedule-total_steps');
  await total.fill('30');
  await total.press('Enter');
  await expect(row.getByRole('alert')).toContainText('total_steps');
  expect((await app.scene()).optimizers[0]!.schedule).toMatchObject({ type: 'onecycle' });
  expect((await app.scene()).optimizers[0]!.schedule).not.toMatchObject({ total_steps: 30 });
});

test('a sequential schedule takes a second schedule through the editor', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open(`?scene=${encodeSceneParam(SCENE)}`);
  const row = await app.expand(0);
  await app.repaintAfter(() => row.getByTestId('schedule-type').selectOption('sequential'));
  const before = await lrLine(page).getAttribute('d');
  await app.repaintAfter(() => row.getByTestId('schedule-schedulers-1-type').selectOption('step'));
  const schedule = (await app.scene()).optimizers[0]!.schedule;
  expect(schedule).toMatchObject({
    type: 'sequential',
    schedulers: [{ type: 'linear' }, { type: 'step' }],
  });
  await expect(lrLine(page)).not.toHaveAttribute('d', before ?? '');
  await row.getByTestId('schedule-editor').screenshot({ path: 'test-results/schedule-editor.png' });
});
