/**
 * The parser's, the validator's and the URL's messages speak the page's language: a Chinese
 * reader sees Chinese sentences, with the field and the value they name kept as written.
 */
import { expect, test } from '@playwright/test';
import { Visualizer } from './fixtures/visualizer';

/** Words of the English messages: none may be left in a translated sentence. */
const ENGLISH =
  /\b(must|got|unknown|valid|did you mean|name|number|expected|write|between|column|is not|field|refuses|function|argument|brackets|logarithm)\b/i;

/** The text without what is kept as written: quoted values and comma lists of ids. */
function sentence(text: string): string {
  return text.replace(/'[^']*'|"[^"]*"/g, '').replace(/[a-z][\w-]*(, [a-z][\w-]*)+/g, '');
}

for (const locale of ['zh-CN', 'zh-TW'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('a mistyped expression is explained in Chinese, the name kept as typed', async ({
      page,
    }) => {
      const app = new Visualizer(page);
      await app.open();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('__expr'));
      const input = page.getByTestId('expression-input');
      // What was typed, what the message keeps as written, and the code its hint tells to write.
      for (const [typed, kept, hinted] of [
        ['sinx + y', "'sinx'", 'sin(x)'],
        ['ln(x) + y', "'ln'", 'log(x)'],
        ['lg(x)', "'lg'", 'log(x)/log(10)'],
        ['2×x', "'×'", "'*'"],
        ['（x+1）', "'（'", "'('"],
        ['x^2 + (y', "')'", ''],
        ['max(x)', "'max'", 'max(a, b)'],
        ['x +* y', "'*'", ''],
      ] as const) {
        await input.fill(typed);
        const error = page.getByTestId('expression-error');
        // The message follows the typing (parsed as the compiler answers, not in the same task).
        await expect(error).toContainText(kept);
        const text = (await error.innerText()).split('\n').slice(2).join(' ');
        expect(text, typed).toContain(kept);
        expect(text, typed).toContain(hinted);
        expect(text, typed).toMatch(/[\u4e00-\u9fff]/);
        expect(sentence(text), typed).not.toMatch(ENGLISH);
        // No English sentence left once the code (calls, quoted text) is taken out.
        expect(sentence(text).replace(/[\w.]+\([^)]*\)/g, ''), typed).not.toMatch(
          /[a-z]{3,} [a-z]{2,}/i,
        );
      }
      await input.fill('sinx + y');
      await expect(page.getByTestId('expression-error')).toContainText(/sin/);
    });

    test('bad fields in a link are named in Chinese, field and value kept as code', async ({
      page,
    }) => {
      const app = new Visualizer(page);
      await app.open('?scene=f:nowhere;n:-5;o:sgd,lr=-1,foo=2;zz:1&view=l:cubic;q:7');
      const notice = page.getByTestId('load-errors');
      await expect(notice).toBeVisible();
      const items = notice.locator('li');
      expect(await items.count()).toBeGreaterThanOrEqual(5);
      const paths = await items.locator('code').allInnerTexts();
      expect(paths).toEqual(
        expect.arrayContaining(['surface.id', 'steps', 'optimizers[0].lr', 'view.l', 'view.q']),
      );
      for (const item of await items.allInnerTexts()) {
        const message = item.slice(item.indexOf(':') + 1);
        expect(message, item).toMatch(/[\u4e00-\u9fff]/);
        expect(sentence(message), item).not.toMatch(ENGLISH);
      }
      await expect(notice).toContainText('nowhere');
      await expect(notice).toContainText('cubic');
      // torch's reason for the bound is said too, in the page's language.
      await expect(items.filter({ hasText: 'optimizers[0].lr' })).toContainText(
        locale === 'zh-CN' ? '（torch 不接受负的学习率）' : '（torch 不接受負的學習率）',
      );
      // …and the app still draws the scene.
      expect((await app.contourShapes()).length).toBeGreaterThan(4);
    });

    test("schedule errors in a link are Chinese, without torch's English words", async ({
      page,
    }) => {
      const app = new Visualizer(page);
      // Each a kind torch refuses only while stepping: a zero divisor, one-cycle past its
      // total_steps, cycled momentum on an optimizer without any, and a bound of LinearLR.
      await app.open(
        '?scene=f:quadratic;p:-4,2;n:200;o:sgd,lr=0.1,schedule=step/step_size:0' +
          ';o:sgd,lr=0.1,momentum=0.9,schedule=onecycle/max_lr:1/total_steps:10' +
          ';o:adagrad,schedule=onecycle/max_lr:1;o:adam,schedule=linear/start_factor:2',
      );
      const notice = page.getByTestId('load-errors');
      await expect(notice).toBeVisible();
      const items = notice.locator('li');
      await expect(items).toHaveCount(4);
      expect(await items.locator('code').allInnerTexts()).toEqual([
        'optimizers[0].schedule.step_size',
        'optimizers[1].schedule.total_steps',
        'optimizers[2].schedule.cycle_momentum',
        'optimizers[3].schedule.start_factor',
      ]);
      for (const item of await items.allInnerTexts()) {
        const message = item.slice(item.indexOf(':') + 1);
        expect(message, item).toMatch(/[\u4e00-\u9fff]/);
        expect(sentence(message), item).not.toMatch(ENGLISH);
        expect(message, item).not.toMatch(/ZeroDivisionError|Tried to step|divide|neither/);
      }
      // …and the optimizers are still drawn (their schedules dropped).
      expect((await app.contourShapes()).length).toBeGreaterThan(4);
    });
  });
}

test('a 10,000-character expression is not echoed whole under its field', async ({ page }) => {
  const app = new Visualizer(page);
  await app.open();
  await app.repaintAfter(() => page.getByTestId('surface-select').selectOption('__expr'));
  const long = `${'x*y+'.repeat(2500)}`;
  expect(long.length).toBe(10_000);
  await page.getByTestId('expression-input').fill(long);
  const error = page.getByTestId('expression-error');
  await expect(error).toBeVisible();
  const echo = (await error.locator('.caret-line').innerText()).split('\n')[0]!;
  expect(echo.length).toBeLessThanOrEqual(60);
  expect(echo).toContain('…');
  // The whole message stays a few lines tall, inside the panel.
  const box = (await error.boundingBox())!;
  const panel = (await page.locator('.surface-panel').boundingBox())!;
  expect(box.height).toBeLessThan(200);
  expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
});
