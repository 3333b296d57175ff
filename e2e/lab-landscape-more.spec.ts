import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForLabSnapshot } from './fixtures/lab';

/** The step configuration A's status line reports. */
async function stepOfA(page: Page): Promise<number> {
  return Number(await page.locator('[data-slot="a"] .lab-status').getAttribute('data-step'));
}

/** Waits until the slice asked for last is complete (not a coarse pass, not training a path). */
async function waitForDone(page: Page): Promise<void> {
  const map = page.getByTestId('landscape-map');
  await expect(map).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(map).toHaveAttribute('data-known-stride', '1');
}

test('further optimizers on the PCA plane: each trained from A’s weights is drawn, one that diverges is named and left off, the link keeps them', async ({
  page,
}) => {
  test.slow(); // three extra trainings and a slice each time the list changes
  // A: a deep linear net with Adam, where SGD at a large lr diverges.
  await page.goto('./?page=lab&lab=depth:4,act:linear,lr:0.01');
  await waitForLabSnapshot(page, 'act:linear');
  await page.getByRole('button', { name: 'Train' }).click();
  // Past one run request's 500 steps, so the further ones need several to catch up.
  await expect.poll(() => stepOfA(page), { timeout: 30_000 }).toBeGreaterThan(600);
  await page.getByRole('button', { name: 'Pause' }).click();
  const pausedAt = await stepOfA(page);

  await page.getByRole('tab', { name: 'Landscape' }).click();
  await waitForDone(page);
  await expect(page.getByTestId('landscape-path-a')).toBeVisible();

  // C: the first optimizer A does not use (SGD), at A's lr; the learner raises its lr.
  const add = page.getByRole('button', { name: 'Add an optimizer to the plane' });
  await add.click();
  const rowC = page.getByTestId('landscape-more-c');
  await expect(rowC.getByLabel('Optimizer')).toHaveValue('sgd');
  await page.getByTestId('landscape-more-c-lr').fill('0.05');
  // D: RMSprop at 0.01.
  await add.click();
  const rowD = page.getByTestId('landscape-more-d');
  await rowD.getByLabel('Optimizer').selectOption('rmsprop');
  // E: SGD at lr 10, which diverges on this net.
  await add.click();
  const rowE = page.getByTestId('landscape-more-e');
  await rowE.getByLabel('Optimizer').selectOption('sgd');
  await page.getByTestId('landscape-more-e-lr').fill('10');
  await waitForDone(page);
  // A's step where training stopped, from A's row once all is computed: a training round already
  // asked for still lands after Pause (CI read 1722 right after the click; A stopped at 1822).
  const rowA = page.getByTestId('landscape-losses').locator('tr[data-slot="a"] td').first();
  const step = Number(await rowA.textContent());
  expect(step).toBeGreaterThanOrEqual(pausedAt);

  // A, C and D are drawn on the plane, each with its snapshots, all from one starting point.
  const starts: string[] = [];
  for (const slot of ['a', 'c', 'd']) {
    const path = page.getByTestId(`landscape-path-${slot}`);
    await expect(path).toBeVisible();
    expect(Number(await path.getAttribute('data-points'))).toBeGreaterThan(10);
    const first = await path.locator('circle').first();
    starts.push(`${await first.getAttribute('cx')},${await first.getAttribute('cy')}`);
    // Its row of true and plane losses, named by its letter, optimizer and lr, trained as far as A.
    const row = page.getByTestId('landscape-losses').locator(`tr[data-slot="${slot}"]`);
    await expect(row.locator('td').first()).toHaveText(String(step));
  }
  expect(new Set(starts).size).toBe(1);
  await expect(page.locator('tr[data-slot="c"] th')).toHaveText('C: SGD, lr 0.05');
  await expect(page.locator('tr[data-slot="d"] th')).toHaveText(/^D: RMSprop, lr 0\.01$/);
  // E diverged: not drawn, and said so by name.
  await expect(page.getByTestId('landscape-path-e')).toHaveCount(0);
  await expect(page.getByTestId('landscape-dropped-e')).toHaveText(/^E: SGD, lr 10 diverged/);
  // The plane's share of the variance is of all the drawn paths together.
  await expect(page.getByTestId('landscape-badge')).toBeVisible();
  // Each extra trained as far as A: its path ends at A's step (the cursor's last step).
  await expect(page.getByRole('slider', { name: /Point on the paths/ })).toHaveAccessibleName(
    `Point on the paths: step ${step}`,
  );

  // The link keeps the list; removing E takes it out of the link and the page.
  await expect
    .poll(() => new URL(page.url()).searchParams.get('labview'))
    .toContain('more:sgd@0.05,rmsprop@0.01,sgd@10');
  await rowE.getByRole('button', { name: 'Remove E from the plane' }).click();
  await expect(rowE).toHaveCount(0);
  await expect
    .poll(() => new URL(page.url()).searchParams.get('labview'))
    .toMatch(/more:sgd@0\.05,rmsprop@0\.01$/);
  await waitForDone(page);
  await expect(page.getByTestId('landscape-dropped-e')).toHaveCount(0);

  // Sharpness along every path on the plane: A's, and C's and D's as the plane trained them.
  await page.getByRole('button', { name: 'Measure sharpness along the paths' }).click();
  const chart = page.getByTestId('sharpness-chart');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveAccessibleName(
    /A now \S+, 2\/lr = 200; C now \S+, 2\/lr = 40; D now \S+, 2\/lr = 200$/,
  );
  for (const slot of ['a', 'c', 'd'])
    await expect(page.getByTestId(`sharpness-${slot}`).locator('circle')).toHaveCount(30);
  // A and D share lr 0.01, so one 2/lr line and one label name both.
  await expect(chart.getByText('2/lr A, D')).toHaveCount(1);
  await expect(chart.getByText('2/lr C')).toHaveCount(1);
  // A measurement cancelled halfway (which restarts the landscape's worker) loses none of them.
  const sharpness = page.locator('.lab-landscape-sharpness');
  await page.getByRole('button', { name: 'Measure sharpness along the paths' }).click();
  await sharpness.getByRole('button', { name: 'Cancel' }).click();
  await expect(sharpness).toContainText('Cancelled.');
  await page.getByRole('button', { name: 'Measure sharpness along the paths' }).click();
  for (const slot of ['a', 'c', 'd'])
    await expect(page.getByTestId(`sharpness-${slot}`).locator('circle')).toHaveCount(30, {
      timeout: 60_000,
    });
  // Measured while the plane recomputes (C's lr changed): the plane shown still has C and D.
  await page.getByTestId('landscape-more-c-lr').fill('0.04');
  await expect(page.getByTestId('landscape-map')).not.toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Measure sharpness along the paths' }).click();
  for (const slot of ['a', 'c', 'd'])
    await expect(page.getByTestId(`sharpness-${slot}`).locator('circle')).toHaveCount(30, {
      timeout: 60_000,
    });

  // Opened from the link, the rows are there again.
  await page.goto(page.url());
  await expect(page.getByTestId('landscape-more-c').getByLabel('Optimizer')).toHaveValue('sgd');
  await expect(page.getByTestId('landscape-more-d').getByLabel('Optimizer')).toHaveValue('rmsprop');
  await expect(page.getByTestId('landscape-more-c-lr')).toHaveValue('0.04');
});
