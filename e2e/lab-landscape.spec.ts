import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForLabSnapshot } from './fixtures/lab';

/** The step a configuration's status line reports. */
async function stepOf(page: Page, slot: 'a' | 'b'): Promise<number> {
  return Number(await page.locator(`[data-slot="${slot}"] .lab-status`).getAttribute('data-step'));
}

/**
 * Waits until the landscape's progressive grid has computed every point of the slice asked for:
 * `directions` at the weights of training step `step` (when given).
 */
async function waitForSlice(page: Page, directions: string, step?: number): Promise<void> {
  const map = page.getByTestId('landscape-map');
  await expect(map).toHaveAttribute('data-directions', directions, { timeout: 30_000 });
  if (step !== undefined)
    await expect(map).toHaveAttribute('data-origin-step', String(step), { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-known-stride', '1');
  const done = await map.getAttribute('data-done');
  expect(done).toBe(await map.getAttribute('data-total'));
  expect(Number(done)).toBe(41 * 41);
}

test('two optimizers trained from the same weights share one PCA plane: both paths, the badge, honest losses', async ({
  page,
}) => {
  // A trains with SGD, B with Adam: the same network, data and seed, so the same initial weights.
  await page.goto('./?page=lab&lab=opt:sgd,lr:0.5;opt:adam,lr:0.03');
  await waitForLabSnapshot(page, 'opt:sgd');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => stepOf(page, 'a'), { timeout: 20_000 }).toBeGreaterThan(150);
  await expect.poll(() => stepOf(page, 'b'), { timeout: 20_000 }).toBeGreaterThan(150);
  await page.getByRole('button', { name: 'Pause' }).click();

  await page.getByRole('tab', { name: 'Landscape' }).click();
  await expect(page.getByRole('tab', { name: 'Landscape' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await waitForSlice(page, 'pca');
  // The slice is of the weights training stopped at (no note says it is older).
  await expect(page.getByTestId('landscape-stale')).toHaveCount(0);
  const map = page.getByRole('img', { name: /^Loss contours of a 41 × 41 slice/ });
  await expect(map).toBeVisible();

  // Both paths drawn over the contours, each with its snapshots.
  for (const slot of ['a', 'b']) {
    const path = page.getByTestId(`landscape-path-${slot}`);
    await expect(path).toBeVisible();
    expect(Number(await path.getAttribute('data-points'))).toBeGreaterThan(10);
  }
  // The badge: the share of the paths' variance the two directions hold, a real fraction.
  const badge = page.getByTestId('landscape-badge');
  await expect(badge).toContainText(/The plane holds \d+(\.\d+)?% of the path’s variance/);
  const share = Number(await badge.getAttribute('data-explained'));
  expect(share).toBeGreaterThan(0);
  expect(share).toBeLessThanOrEqual(1);

  // At A's current weights the plane is exact; at the initial weights it is not.
  const rowA = page.getByTestId('landscape-losses').locator('tr[data-slot="a"]');
  const value = async (attr: string) =>
    Number(await rowA.locator(`td[data-${attr}]`).getAttribute(`data-${attr}`));
  expect(await value('plane')).toBe(await value('true'));
  const cursor = page.getByRole('slider', { name: /Point on the paths/ });
  await cursor.fill('0');
  await expect(cursor).toHaveAccessibleName('Point on the paths: step 0');
  expect(Math.abs((await value('plane')) - (await value('true')))).toBeGreaterThan(0);

  // True vs plane loss along the whole paths, with the cursor.
  await expect(page.getByTestId('landscape-path-losses')).toHaveAccessibleName(/cursor at step 0$/);
  // The 1-D interpolation from θ₀ to θ.
  await expect(page.getByTestId('landscape-interpolation')).toHaveAccessibleName(
    /^Loss along the straight line from the initial to the current weights: \S+ at t = 0/,
  );

  // Sharpness along both paths, against each one's 2/lr.
  await page.getByRole('button', { name: 'Measure sharpness along the paths' }).click();
  const chart = page.getByTestId('sharpness-chart');
  await expect(chart).toBeVisible({ timeout: 30_000 });
  await expect(chart).toHaveAccessibleName(/A now \S+, 2\/lr = 4; B now \S+, 2\/lr = 66\.7/);
  await expect(page.getByTestId('sharpness-a').locator('circle')).toHaveCount(30);
  await expect(page.getByTestId('sharpness-b').locator('circle')).toHaveCount(30);
  await page.locator('.lab-landscape').screenshot({ path: 'test-results/lab-landscape-pca.png' });
});

test('random filter-normalised directions: a new slice through θ with no path; the slice says when training moved on', async ({
  page,
}) => {
  await page.goto('./?page=lab');
  await waitForLabSnapshot(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepOf(page, 'a')).toBe(3);
  await page.getByRole('tab', { name: 'Landscape' }).click();
  await waitForSlice(page, 'pca', 3);
  await page.getByLabel('Directions').selectOption('filter');
  await waitForSlice(page, 'filter', 3);
  await expect(page.getByTestId('landscape-badge')).toHaveCount(0);
  await expect(page.getByTestId('landscape-path-a')).toHaveCount(0);
  await expect(page.getByText(/At θ, the centre of the map, the loss is/)).toBeVisible();
  // Training on from the Landscape tab: the slice says it is of an older step until updated.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('landscape-stale')).toHaveText(
    /computed at step 3; training is now at step 4/,
  );
  await page.getByRole('button', { name: 'Update to the current weights' }).click();
  await waitForSlice(page, 'filter', 4);
  await expect(page.getByTestId('landscape-stale')).toHaveCount(0);
  // The panel has no serious or critical accessibility problem.
  const axe = await new AxeBuilder({ page }).include('#lab-panel-landscape').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
  // Back to training: the session kept every step (the landscape ran on its own worker).
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect.poll(() => stepOf(page, 'a')).toBe(4);
});
