/**
 * A teacher shares what they see (issue 13): the lab's link keeps its open tab, the Landscape's
 * 3-D view and its camera, and its optimizers; the visualizer's view link keeps its 3-D view and
 * camera (`3d:A,E,D`). A link set by hand opens that state; reloading the link the page wrote
 * opens the same state; a bad value is named in a notice and its default is kept.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { waitForLabSnapshot } from './fixtures/lab';

/** The step a configuration's status line reports. */
async function stepOf(page: Page, slot: 'a' | 'b'): Promise<number> {
  return Number(await page.locator(`[data-slot="${slot}"] .lab-status`).getAttribute('data-step'));
}

/** On the Training tab, trains A and B past `steps` steps, pauses, and goes back to the Landscape. */
async function train(page: Page, steps: number): Promise<void> {
  await page.getByRole('tab', { name: 'Training' }).click();
  await waitForLabSnapshot(page, 'opt:sgd');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => stepOf(page, 'a'), { timeout: 20_000 }).toBeGreaterThan(steps);
  await expect.poll(() => stepOf(page, 'b'), { timeout: 20_000 }).toBeGreaterThan(steps);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('tab', { name: 'Landscape' }).click();
}

test('the lab link keeps the open tab, the 3-D view and its camera, and the optimizers', async ({
  page,
}) => {
  test.slow(); // two trainings and two slices
  await page.goto(
    './?page=lab&lab=opt:sgd,lr:0.5;opt:adam,lr:0.03&labview=tab:landscape;3d:1.25,0.4,2.75',
  );
  // The Landscape tab is open, the optimizers are the link's (A's and B's controls say so).
  await expect(page.getByRole('tab', { name: 'Landscape' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await train(page, 30);
  // Both optimizers' paths, named as the link set them.
  const rows = page.getByTestId('landscape-losses');
  await expect(rows.locator('tr[data-slot="a"] th')).toContainText('SGD, lr 0.5', {
    timeout: 30_000,
  });
  await expect(rows.locator('tr[data-slot="b"] th')).toContainText('Adam, lr 0.03');
  // The training paths' plane, drawn in 3-D from the link's camera.
  const toggle = page.getByTestId('landscape-3d-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  const surface = page.getByTestId('landscape-3d').getByTestId('surface3d');
  await expect(surface).toHaveAttribute('data-orbit', '1.250,0.400,2.750', { timeout: 30_000 });

  // A turn of the camera goes into the link.
  await surface.focus();
  await surface.press('ArrowUp');
  await expect(surface).toHaveAttribute('data-orbit', '1.250,0.662,2.750');
  await expect(page).toHaveURL(/labview=tab:landscape;3d:1\.25,0\.662,2\.75(&|$)/);
  await expect(page).toHaveURL(/lab=opt:sgd,lr:0\.5;opt:adam,lr:0\.03(&|$)/);

  // Reloading the link opens the same lab.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Landscape' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await train(page, 30);
  // Both optimizers' paths, named as the link set them.
  await expect(rows.locator('tr[data-slot="a"] th')).toContainText('SGD, lr 0.5', {
    timeout: 30_000,
  });
  await expect(rows.locator('tr[data-slot="b"] th')).toContainText('Adam, lr 0.03');
  await expect(page.getByTestId('landscape-3d-toggle')).toHaveAttribute('aria-pressed', 'true', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('landscape-3d').getByTestId('surface3d')).toHaveAttribute(
    'data-orbit',
    '1.250,0.662,2.750',
    { timeout: 30_000 },
  );

  // Turned off, the 3-D view leaves the link; the tab stays.
  await page.getByTestId('landscape-3d-toggle').click();
  await expect(page).toHaveURL(/labview=tab:landscape(&|$)/);
});

test('a bad tab or camera in the lab link is named, and the defaults are kept', async ({
  page,
}) => {
  await page.goto('./?page=lab&labview=tab:graphs;3d:0,9,3');
  await waitForLabSnapshot(page);
  const notice = page.getByRole('alert').filter({ hasText: 'Some lab settings in the link' });
  await expect(notice).toContainText('labview.tab: "graphs" is not one of training, landscape');
  await expect(notice).toContainText('labview.3d: must be 0, 1 or the 3-D camera');
  await expect(notice).toContainText('got "0,9,3"');
  await expect(page.getByRole('tab', { name: 'Training' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

const SCENE: Scene = {
  surface: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 60,
  optimizers: [{ type: 'adam', lr: 0.05, label: 'Adam' }],
};

test('the visualizer view link keeps the 3-D view and its camera; a bad one is named', async ({
  page,
}) => {
  await page.goto(`./?scene=${encodeSceneParam(SCENE)}&view=3d:-1,0.5,4`);
  const toggle = page.getByTestId('view3d-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true', { timeout: 15_000 });
  const canvas = page.getByTestId('surface3d');
  await expect(canvas).toHaveAttribute('data-orbit', '-1.000,0.500,4.000', { timeout: 15_000 });
  await canvas.focus();
  await canvas.press('ArrowLeft');
  await expect(canvas).toHaveAttribute('data-orbit', '-0.738,0.500,4.000');
  await expect(page).toHaveURL(/view=3d:-0\.738,0\.5,4(&|$)/);
  await page.reload();
  await expect(page.getByTestId('surface3d')).toHaveAttribute('data-orbit', '-0.738,0.500,4.000', {
    timeout: 15_000,
  });
  // Off: the link keeps no 3-D view.
  await page.getByTestId('view3d-toggle').click();
  await expect(page).not.toHaveURL(/3d:/);

  await page.goto(`./?scene=${encodeSceneParam(SCENE)}&view=3d:yes`);
  await expect(page.getByRole('alert')).toContainText('view.3d');
  await expect(page.getByRole('alert')).toContainText('got "yes"');
  await expect(page.getByTestId('view3d-toggle')).toHaveAttribute('aria-pressed', 'false');
});
