/**
 * The first screen's English ships in the first bundle and the rest loads after the first paint
 * (src/i18n/en.ts vs en-more.ts). A text the first screen shows but that sits in the later part
 * would flash empty for a moment: the app records every such key, and none may be recorded on the
 * pages a reader opens first, whatever panel then opens.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const SCENE_WITH_EVERYTHING = encodeURIComponent(
  JSON.stringify({
    surface: { id: 'rosenbrock' },
    steps: 300,
    start: [-1, 1],
    optimizers: [
      { type: 'sgd', lr: 0.001 },
      { type: 'sgd', lr: 0.001, momentum: 0.9, nesterov: true },
      { type: 'adam', lr: 0.05, amsgrad: true },
      { type: 'rmsprop', lr: 0.01, centered: true },
      { type: 'adadelta', lr: 1 },
      { type: 'sgd', lr: 0.01, schedule: { type: 'StepLR', step_size: 10, gamma: 0.5 } },
    ],
  }),
);

async function textsShownEmpty(page: Page, url: string): Promise<readonly string[]> {
  await page.goto(url);
  await page.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
  // Wait until the later texts and the lazy panels are in.
  await page.waitForFunction(() => window.__descent!.allTextsLoaded());
  await page.waitForFunction(() => document.querySelector('[data-zoom="ready"]') !== null);
  return page.evaluate(() => window.__descent!.textsShownBeforeLoading());
}

test.describe('no text of a first screen flashes empty while the rest of English loads', () => {
  for (const [name, url] of [
    ['the default page', '/'],
    ['a scene with every control kind', `/?scene=${SCENE_WITH_EVERYTHING}`],
    ['a lesson in presenter mode', '/?lesson=momentum-ravine&present=1'],
    ['a broken link (its notice)', '/?scene=%7Bnot-json&view=zoom%3Dnope'],
  ] as const) {
    test(name, async ({ page }) => {
      expect(await textsShownEmpty(page, url)).toEqual([]);
    });
  }

  test('an embed with its controls', async ({ page }) => {
    await page.goto('/?embed=1&controls=play,lr:0,charts');
    await page.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
    await expect(page.getByRole('button', { name: /play/i }).first()).toBeVisible();
    // Once the deferred texts are in, ask what was shown empty.
    await page.waitForFunction(() => window.__descent!.allTextsLoaded());
    await page.waitForFunction(() => document.querySelector('[data-zoom="ready"]') !== null);
    expect(await page.evaluate(() => window.__descent!.textsShownBeforeLoading())).toEqual([]);
  });

  test('the app still shows later texts once they arrive (the Analyze drawer)', async ({
    page,
  }) => {
    await page.goto('/');
    await page.waitForFunction(() => (window.__descent?.paintCount() ?? 0) > 0);
    await page
      .getByRole('button', { name: /analy[sz]e/i })
      .first()
      .click();
    // A drawer text from en-more.ts, rendered in English, not empty.
    await expect(page.getByRole('tab').first()).not.toHaveText('');
  });
});
