/**
 * Finding the controls a user would touch. The app's data-testid hooks come first; roles and
 * labels are the fallback, so a renamed hook degrades to a slower lookup rather than a failure.
 */
import type { Locator, Page } from '@playwright/test';

async function firstVisible(candidates: readonly Locator[]): Promise<Locator | undefined> {
  for (const candidate of candidates) {
    const first = candidate.first();
    if ((await first.count()) > 0 && (await first.isVisible())) return first;
  }
  return undefined;
}

/** The learning-rate slider of the selected optimizer (opening the first optimizer's settings if needed). */
export async function learningRateSlider(page: Page): Promise<Locator> {
  const candidates = (): Locator[] => [
    page.getByTestId('slider-lr'),
    page.getByRole('slider', { name: /learning rate|^lr\b/i }),
  ];
  let found = await firstVisible(candidates());
  if (!found) {
    const open = page.getByRole('button', { name: /^settings of/i }).first();
    if ((await open.count()) > 0) {
      await open.click();
      // The settings may render a moment later (their chunk loads after the first paint).
      const [byId, byRole] = candidates();
      await byId!
        .or(byRole!)
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => undefined);
      found = await firstVisible(candidates());
    }
  }
  if (!found)
    throw new Error(
      'no learning-rate slider (data-testid="slider-lr" or a slider named "learning rate")',
    );
  return found;
}

/** The named-surface picker. */
export async function surfacePicker(page: Page): Promise<Locator> {
  const found = await firstVisible([
    page.getByTestId('surface-select'),
    page.locator('select:has(option[value="rosenbrock"])'),
  ]);
  if (!found)
    throw new Error(
      'no surface picker (data-testid="surface-select" or a select offering rosenbrock)',
    );
  return found;
}

/** The play/pause button. */
export async function playButton(page: Page): Promise<Locator> {
  const found = await firstVisible([
    page.getByTestId('play'),
    page.getByRole('button', { name: /^play\b/i }),
  ]);
  if (!found) throw new Error('no play button (data-testid="play" or a button named "Play")');
  return found;
}

/** The playback step shown, from the test API or the scrubber; NaN when neither exists. */
export async function currentStep(page: Page): Promise<number> {
  return page.evaluate(() => {
    const api = window.__descent;
    if (api) return api.cursor();
    const scrub = document.querySelector<HTMLInputElement>('[data-testid="scrub"]');
    return scrub ? Number(scrub.value) : NaN;
  });
}

/** The typed-expression field (shown once the picker's "typed expression" entry is chosen). */
export async function expressionField(page: Page): Promise<Locator> {
  const found = await firstVisible([
    page.getByTestId('expression-input'),
    page.getByRole('textbox', { name: /f\(x, ?y\)|expression/i }),
  ]);
  if (!found)
    throw new Error(
      'no expression field (data-testid="expression-input" or a textbox named "f(x, y) =")',
    );
  return found;
}
