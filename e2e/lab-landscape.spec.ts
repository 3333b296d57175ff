import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForLabSnapshot } from './fixtures/lab';
import { readCanvas } from './fixtures/webgl';

/** The step a configuration's status line reports. */
async function stepOf(page: Page, slot: 'a' | 'b'): Promise<number> {
  return Number(await page.locator(`[data-slot="${slot}"] .lab-status`).getAttribute('data-step'));
}

/**
 * Waits until the landscape's progressive grid has computed every point of the slice asked for:
 * `directions` at the weights of training step `step` (when given), `side` × `side` points.
 */
async function waitForSlice(
  page: Page,
  directions: string,
  step?: number,
  side = 41,
): Promise<void> {
  const map = page.getByTestId('landscape-map');
  await expect(map).toHaveAttribute('data-directions', directions, { timeout: 30_000 });
  if (step !== undefined)
    await expect(map).toHaveAttribute('data-origin-step', String(step), { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-known-stride', '1');
  const done = await map.getAttribute('data-done');
  expect(done).toBe(await map.getAttribute('data-total'));
  expect(Number(done)).toBe(side * side);
}

test('two optimizers trained from the same weights share one PCA plane: both paths, the badge, honest losses', async ({
  page,
}) => {
  test.slow(); // two trainings, a slice and 60 sharpness measurements: long on a loaded runner
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
  // The same two numbers beside the point on the map.
  await expect(page.getByTestId('landscape-note-a')).toHaveText(/^true \S+ · plane \S+$/);
  await expect(page.getByTestId('landscape-note-b')).toBeVisible();

  // The same slice in 3-D: a WebGL picture of it, both paths' markers on it; a drag and the
  // arrow keys turn it, the cursor slider moves the markers; off brings the contours back.
  const toggle3d = page.getByTestId('landscape-3d-toggle');
  await toggle3d.click();
  await expect(toggle3d).toHaveAttribute('aria-pressed', 'true');
  const surface = page.getByTestId('landscape-3d').getByTestId('surface3d');
  await expect(surface).toHaveAttribute('data-frames', /\d+/);
  const pixels = await readCanvas(surface);
  expect(pixels.painted).toBeGreaterThan(0.05);
  expect(pixels.colours).toBeGreaterThan(20);
  const markers = async () => (await surface.getAttribute('data-cursors'))!.split(';');
  expect(await markers()).toHaveLength(2);
  expect(await markers()).not.toContain('none');
  const orbit = await surface.getAttribute('data-orbit');
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => surface.getAttribute('data-orbit')).not.toBe(orbit);
  const dragged = await surface.getAttribute('data-orbit');
  await surface.press('ArrowRight');
  await expect.poll(() => surface.getAttribute('data-orbit')).not.toBe(dragged);
  await expect.poll(async () => (await readCanvas(surface)).hash).not.toBe(pixels.hash);
  const atEnd = await surface.getAttribute('data-cursors');
  await cursor.fill('5');
  await expect.poll(() => surface.getAttribute('data-cursors')).not.toBe(atEnd);
  await cursor.fill('0');
  await toggle3d.click();
  await expect(toggle3d).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('landscape-3d')).toHaveCount(0);
  await expect(page.getByTestId('landscape-path-a')).toBeVisible();
  expect(await page.locator('.lab-landscape-map svg path[stroke-opacity]').count()).toBeGreaterThan(
    4,
  );

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

test('where new Worker throws (a sandboxed embed) the slice is computed on the main thread, and can be cancelled', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('workers are blocked here', 'SecurityError');
      }
    } as unknown as typeof Worker;
  });
  test.slow(); // every slice on the main thread: long on a loaded runner
  // A wider net, so its slice takes long enough on the main thread to be cancelled by a click.
  await page.goto('./?page=lab&lab=depth:8,width:32');
  await waitForLabSnapshot(page, 'width:32');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepOf(page, 'a')).toBe(5);
  await page.getByRole('tab', { name: 'Landscape' }).click();
  // A bigger net gets a coarser grid within the same budget: 17 × 17 for its 6,465 weights.
  await waitForSlice(page, 'pca', 5, 17);
  await expect(page.getByTestId('landscape-badge')).toBeVisible();
  // A new slice, cancelled while it runs: the page answers between rows and says so.
  await page.getByLabel('Directions').selectOption('none');
  await expect(page.getByRole('progressbar', { name: 'Progress of the slice' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByText(/^Cancelled\. “Update to the current weights” computes/),
  ).toBeVisible();
  await expect(page.getByTestId('landscape-map')).not.toHaveAttribute('data-status', 'computing');
  await page.getByRole('button', { name: 'Update to the current weights' }).click();
  await waitForSlice(page, 'none', 5, 17);
});
