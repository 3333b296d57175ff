import { expect, test } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

/**
 * The torch 2.x additions, added the way a learner would: pick one in the add menu, press Add,
 * see its path on the map and its rule in the formula panel.
 */
const NEW_OPTIMIZERS = [
  { id: 'rprop', label: 'Rprop', symbol: '\\operatorname{sign}' },
  { id: 'asgd', label: 'ASGD', symbol: '\\bar{\\theta}_t' },
  { id: 'adafactor', label: 'Adafactor', symbol: 'u_t' },
  { id: 'muon', label: 'Muon', symbol: '\\operatorname{NS}_k' },
  { id: 'lbfgs', label: 'L-BFGS', symbol: '\\text{evaluations}' },
] as const;

const panel = (app: Visualizer) => app.page.locator('section.descent-formula');
const stepTex = (app: Visualizer) =>
  panel(app)
    .locator('.descent-formula__step annotation[encoding="application/x-tex"]')
    .allTextContents()
    .then((parts) => parts.join('\n'));

test('each new torch optimizer is added from the menu, draws its path and shows its formula', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.1');
  for (const [i, entry] of NEW_OPTIMIZERS.entries()) {
    await page.getByRole('combobox', { name: 'Optimizer to add' }).selectOption(entry.id);
    await app.repaintAfter(() => page.getByTestId('add-optimizer').click());
    const scene = await app.scene();
    expect(scene.optimizers[i + 1]!.type).toBe(entry.id);
    const path = (await app.trajectories())[i + 1]!;
    // A path that moves: 61 points, and the last one is not the start.
    expect(path.diverged).toBe(false);
    expect(path.length).toBe(61);
    expect(path.points.at(-1)).not.toEqual([-4, 2]);
    if (entry.id === 'asgd') expect(path.axLength).toBe(61);
    // One L-BFGS step evaluates f several times: the ghost dots the map draws.
    if (entry.id === 'lbfgs') expect(path.probeCount).toBeGreaterThan(60);

    await panel(app).getByRole('tab', { name: entry.label }).click();
    await expect(panel(app).locator('h3')).toContainText(entry.label);
    await expect(panel(app).locator('.katex-error')).toHaveCount(0);
    await expect.poll(() => stepTex(app)).toContain(entry.symbol);
  }
  await page.screenshot({ path: 'test-results/optimizers-torch2.png', fullPage: true });
});

test('a value torch accepts but no slider reaches is typed in and runs', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open('?scene=f:quadratic;p:-4,2;n:30;o:sgd,lr=0.1,momentum=0.5');
  // torch.optim.SGD takes momentum 1.5 (and diverges with it); the slider stops at 1.
  const field = page.getByTestId('field-momentum');
  await field.fill('1.5');
  await app.repaintAfter(() => field.press('Enter'));
  expect((await app.scene()).optimizers[0]!.momentum).toBe(1.5);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A negative momentum is refused with torch's reason, and the last good scene stays.
  await field.fill('-0.1');
  await field.press('Enter');
  await expect(page.getByRole('alert').first()).toContainText('torch refuses a negative momentum');
  expect((await app.scene()).optimizers[0]!.momentum).toBe(1.5);
});
