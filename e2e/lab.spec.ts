import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { waitForLabSnapshot } from './fixtures/lab';

/** A number as the lab prints it ("1.2e−9", "−0.034"). */
function readNumber(text: string): number {
  return Number(text.trim().replace(/−/g, '-'));
}

/** The lab's page object: its controls and the numbers it shows. */
class LabPage {
  constructor(readonly page: Page) {}

  async open(lab = ''): Promise<void> {
    await this.page.goto(`./?page=lab${lab ? `&lab=${lab}` : ''}`);
    await this.waitForSnapshot();
    await expect(this.page.getByRole('heading', { name: 'Gradient-flow lab' })).toBeVisible();
  }

  /** See {@link waitForLabSnapshot}. */
  waitForSnapshot(config = ''): Promise<void> {
    return waitForLabSnapshot(this.page, config);
  }

  /** The gradient-norm bar of layer `n` (1-based) of the first configuration. */
  bar(n: number): Locator {
    return this.page
      .locator('[data-slot="a"]')
      .getByRole('button', { name: new RegExp(`^Layer ${n} gradient norm \\S+$`) });
  }

  async gradientNorm(n: number): Promise<number> {
    return Number(await this.bar(n).getAttribute('data-norm'));
  }

  status(): Locator {
    return this.page.locator('[data-slot="a"] .lab-status');
  }
}

test('switching a deep sigmoid net to relu lifts the first layer’s gradient by orders of magnitude', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open('depth:17,act:sigmoid,init:he');
  await expect(lab.bar(17)).toBeVisible();
  const sigmoid = await lab.gradientNorm(1);
  expect(sigmoid).toBeGreaterThan(0);
  // The accessible label carries the same value as the bar's data.
  await expect(lab.bar(1)).toHaveAccessibleName(/^Layer 1 gradient norm \d/);

  await page.getByLabel('Activation', { exact: true }).selectOption('relu');
  // The sigmoid net's bars stay up until the worker answers for the relu net: wait for that answer.
  await lab.waitForSnapshot('act:relu');
  expect((await lab.gradientNorm(1)) / sigmoid).toBeGreaterThan(1e3);
  // The lab's state is in the URL.
  await expect.poll(() => decodeURIComponent(page.url())).toContain('act:relu');
});

test('training a few steps lowers the loss', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.status()).toHaveAttribute('data-step', '0');
  const initial = Number(await lab.status().getAttribute('data-loss'));
  expect(initial).toBeGreaterThan(0.3);
  // Before a step, the loss chart says so to a screen reader (it read "now NaN").
  await expect(
    page.locator('[data-slot="a"]').getByRole('img', { name: 'Loss curve: no training step yet' }),
  ).toBeVisible();

  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(lab.status()).toHaveAttribute('data-step', '3');

  await page.getByRole('button', { name: 'Train' }).click();
  await expect
    .poll(async () => Number(await lab.status().getAttribute('data-step')), { timeout: 15_000 })
    .toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Pause' }).click();
  const trained = Number(await lab.status().getAttribute('data-loss'));
  expect(trained).toBeLessThan(initial / 2);
  await expect(page.getByRole('img', { name: /^Loss curve over \d+ steps/ }).first()).toBeVisible();
});

test('exploding weights read as exploding, and a saturated output is explained in words', async ({
  page,
}) => {
  const lab = new LabPage(page);
  // Issue 14's case: linear, 16 layers, weights ×2 (every layer read 0, "vanishing", before).
  await lab.open('depth:16,act:linear,scale:2');
  const norms = [];
  for (const n of [1, 8, 16]) norms.push(await lab.gradientNorm(n));
  for (const n of norms) expect(n).toBeGreaterThan(1);
  expect(norms[0]!).toBeGreaterThan(norms[2]!);
  const note = page.locator('[data-slot="a"]').getByTestId('lab-saturated');
  await expect(note).toContainText(/saturated for \d+ of 200 points/);
  await expect(note).toContainText('BCEWithLogitsLoss');
  // Back to a calm net: the note goes.
  await page.getByRole('spinbutton', { name: 'Weight scale ×' }).fill('1');
  await lab.waitForSnapshot('act:linear');
  await expect(note).toHaveCount(0);
});

test('A | B compare trains both sides in lockstep, and a change to one starts both again', async ({
  page,
}) => {
  const lab = new LabPage(page);
  // B is four times as deep (and has batch norm): each of its steps costs more worker time.
  await lab.open('depth:2;depth:8,bn:1');
  const statusOf = (slot: 'a' | 'b') => page.locator(`[data-slot="${slot}"] .lab-status`);
  const steps = () =>
    page.evaluate(() =>
      (['a', 'b'] as const).map((slot) =>
        document.querySelector(`[data-slot="${slot}"] .lab-status`)?.getAttribute('data-step'),
      ),
    );
  await expect(statusOf('b')).toHaveAttribute('data-step', '0');
  await page.getByRole('button', { name: 'Train' }).click();
  // Every time the page is looked at while training, A and B are at the same step.
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const [a, b] = await steps();
        expect(b, `B's step when A is at ${a}`).toBe(a);
        seen.add(a ?? '');
        return Number(a);
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(100);
  expect(seen.size, 'training was seen at several steps').toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  const [a, b] = await steps();
  expect(b).toBe(a);

  // One step advances both (a training round already asked for may still land before it).
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect
    .poll(async () => {
      const [a2, b2] = await steps();
      return a2 === b2 && Number(a2) > Number(a);
    })
    .toBe(true);
  // Changing B's activation starts both sides again from step 0.
  await page.getByRole('radio', { name: /B/ }).first().check();
  await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
  await expect(statusOf('a')).toHaveAttribute('data-step', '0');
  await expect(statusOf('b')).toHaveAttribute('data-step', '0');
});

test('the backprop calculator’s finite-difference column agrees with backprop', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const calc = page.locator('.lab-calc');
  await calc.scrollIntoViewIfNeeded();
  // Edit a weight first: the check must hold for the user's numbers, not only the defaults.
  await calc.getByRole('spinbutton', { name: 'W1 row 1 column 1' }).fill('1.7');
  const next = calc.getByRole('button', { name: 'Next' });
  while (await next.isEnabled()) await next.click();
  await expect(calc.getByText(/^Stage \d of \d: BP4/)).toBeVisible();
  await expect(
    calc.getByRole('status').filter({ hasText: 'Backprop and finite differences agree' }),
  ).toBeVisible();

  const rows = calc.locator('tr[data-param]');
  const count = await rows.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const backprop = readNumber(await rows.nth(i).locator('.lab-bp').innerText());
    const numeric = readNumber(await rows.nth(i).locator('.lab-fd').innerText());
    expect(Number.isFinite(backprop)).toBe(true);
    // Both are printed to 4 significant digits.
    expect(Math.abs(backprop - numeric)).toBeLessThanOrEqual(Math.abs(backprop) * 1e-3 + 1e-9);
  }
});

test('the lab works from the keyboard: the chosen layer moves with the arrow keys', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open('depth:4');
  const first = page.locator('[data-slot="a"]').getByRole('button', { name: /^Layer 1: / });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Chain rule for layer 2' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { name: 'Chain rule for layer 4' })).toBeVisible();
});

test('a bad lab link falls back to defaults and names the field', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('depth:999,act:relu');
  await expect(page.getByRole('alert')).toContainText('a.depth');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('relu');
  await expect(page.getByRole('spinbutton', { name: 'Depth (layers)' }).first()).toHaveValue('6');
});

test('a bad lab link says, per field, the value given and the value used', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('depth:999,lr:20,scale:0,act:swish');
  const alert = page.getByRole('alert');
  await expect(alert.locator('li')).toHaveText([
    'a.depth: "999" is not a whole number from 1 to 64; 6 is used',
    'a.lr: "20" is not a number above 0 and at most 10; 0.03 is used',
    'a.scale: "0" is not a number above 0 and at most 100; 1 is used',
    'a.act: "swish" is not one of sigmoid, tanh, relu, leaky_relu, elu, linear; tanh is used',
  ]);
});

for (const [locale, used] of [
  ['zh-CN', '已改用 6'],
  ['zh-TW', '已改用 6'],
] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('a bad lab link is explained in Chinese, the field and the values kept as written', async ({
      page,
    }) => {
      await page.goto('./?page=lab&lab=depth:999,bn:2,act:swish');
      await waitForLabSnapshot(page);
      const items = page.getByRole('alert').locator('li');
      await expect(items).toHaveCount(3);
      await expect(items.nth(0)).toContainText('a.depth');
      await expect(items.nth(0)).toContainText('"999"');
      await expect(items.nth(0)).toContainText(used);
      for (const text of await items.allInnerTexts()) {
        const sentence = text
          .slice(text.indexOf(':') + 1)
          .replace(/"[^"]*"/g, '')
          .replace(/[a-z][\w-]*(, [a-z][\w-]*)+/g, '');
        expect(sentence, text).toMatch(/[\u4e00-\u9fff]/);
        expect(sentence, text).not.toMatch(/\b(is|not|used|expected|kept|number|one of|or)\b/);
      }
    });

    test('a typed depth past the largest is clamped with a notice in Chinese', async ({ page }) => {
      await page.goto('./?page=lab');
      await waitForLabSnapshot(page);
      const depth = page.getByTestId('lab-depth');
      await depth.fill('100');
      const notice = page.getByTestId('lab-depth-notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('100');
      await expect(notice).toContainText('64');
      expect(await notice.innerText()).not.toMatch(/[a-z]{3,}/i);
      await waitForLabSnapshot(page, 'depth:64');
    });
  });
}

test('every typed lab number outside its field is clamped and said so, naming field, value and what is used', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const cases = [
    [
      'lab-depth',
      '100',
      'Depth (layers): 100 is more than the largest value, 64; 64 is used.',
      '64',
    ],
    [
      'lab-width',
      '0',
      'Width (units per layer): 0 is less than the smallest value, 1; 1 is used.',
      '1',
    ],
    ['lab-depth', '2.5', 'Depth (layers): 2.5 is not a whole number; 3 is used.', '3'],
    [
      'lab-scale',
      '500',
      'Weight scale ×: 500 is more than the largest value, 100; 100 is used.',
      '100',
    ],
    [
      'lab-clip',
      '-2',
      'Clip gradient norm (0 = off): -2 is less than the smallest value, 0; 0 is used.',
      '0',
    ],
    ['lab-lr', '0', 'Learning rate: 0 is not above 0; 0.03 is kept.', '0.03'],
    [
      'lab-seed',
      '99999999999',
      'Seed: 99999999999 is more than the largest value, 4294967295; 4294967295 is used.',
      '4294967295',
    ],
  ] as const;
  for (const [id, typed, said, shown] of cases) {
    const box = page.getByTestId(id);
    await box.fill(typed);
    await expect(page.getByTestId(`${id}-notice`)).toHaveText(said);
    // Leaving the field shows the value in use.
    await box.blur();
    await expect(box).toHaveValue(shown);
  }
  // A value inside the field's bounds is taken as typed, and the notice goes.
  await page.getByTestId('lab-depth').fill('12');
  await expect(page.getByTestId('lab-depth-notice')).toHaveCount(0);
  await lab.waitForSnapshot('depth:12');
  // A seed the URL takes is taken typed too (the slider stops at 9999; the box does not).
  await page.getByTestId('lab-seed').fill('123456');
  await expect(page.getByTestId('lab-seed-notice')).toHaveCount(0);
  await lab.waitForSnapshot('seed:123456');
});

test('where new Worker throws (a sandboxed embed) the lab still trains on the main thread', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('workers are blocked here', 'SecurityError');
      }
    } as unknown as typeof Worker;
  });
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.status()).toHaveAttribute('data-step', '0');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(lab.status()).toHaveAttribute('data-step', '1');
});
