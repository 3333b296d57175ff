/**
 * Accessibility as a keyboard and screen-reader user meets it: no serious or critical axe
 * violation on the visualizer, the lab, a lesson and the embed; the live region reports the
 * selected optimizer's step, loss and position when stepping (not while playing); reduced motion
 * keeps everything still.
 */
import { CLASSICS_SCENE } from '../src/engine/scene';
import { encodeSceneParam } from '../src/engine/scene-url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForLabSnapshot } from './fixtures/lab';
import { Visualizer } from './fixtures/visualizer';

/**
 * Waits until nothing on the page is still arriving: no lazy part showing its placeholder
 * (`aria-busy`: KaTeX formulas before KaTeX loads, lazy panels before their chunk) and no lab
 * figures waiting for the worker. Checking earlier would judge a page that is about to change:
 * formulas become focusable once rendered, and axe would scan nodes being replaced.
 */
async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"], [data-pending="true"]').length === 0,
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  await waitForIdle(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/**
 * Presses Tab through the page, once around: which visible controls were never reached, and which
 * reached ones showed no focus ring. It stops when focus comes back to the first control it
 * reached (however many Tab stops the page has), not after a fixed number of presses.
 */
async function tabThrough(
  page: Page,
): Promise<{ total: number; missed: string[]; unringed: string[] }> {
  await waitForIdle(page);
  const total = await page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex="0"]',
      ),
    ];
    const visible = all.filter(
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        // A roving tabindex (tabs, radio-like groups) takes one Tab stop; arrows move inside it.
        el.getAttribute('tabindex') !== '-1' &&
        el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== 'hidden',
    );
    visible.forEach((el, i) => el.setAttribute('data-a11y-index', String(i)));
    return visible.length;
  });
  const reached = new Set<string>();
  const unringed: string[] = [];
  // The bound only stops a page that traps focus; a full cycle ends the loop long before it.
  for (let i = 0; i < 3 * total + 20; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      // The first element reached is marked; meeting it again means focus went all the way round.
      const again = el.hasAttribute('data-a11y-first');
      if (!document.querySelector('[data-a11y-first]')) el.setAttribute('data-a11y-first', '');
      return {
        again,
        index: el.getAttribute('data-a11y-index'),
        ring: ring || style.boxShadow !== 'none',
        what: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}`,
      };
    });
    if (!focused) continue;
    if (focused.again) break;
    if (focused.index !== null) reached.add(focused.index);
    if (!focused.ring) unringed.push(focused.what);
  }
  const missed = await page.evaluate(
    (got) =>
      [...document.querySelectorAll<HTMLElement>('[data-a11y-index]')]
        .filter((el) => !got.includes(el.getAttribute('data-a11y-index')!))
        .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio'))
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}`,
        ),
    [...reached],
  );
  return { total, missed, unringed };
}

test.describe('accessibility', () => {
  test('the visualizer has no serious or critical axe violation', async ({ page }) => {
    test.slow(); // one axe pass over the map, controls and formulas: slow on a loaded runner
    await new Visualizer(page).open();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the visualizer with the export menu open has none either', async ({ page }) => {
    test.slow(); // as above
    await new Visualizer(page).open();
    await page.getByTestId('export-button').click();
    await expect(page.getByTestId('export-png')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the lab has no serious or critical axe violation', async ({ page }) => {
    test.slow(); // axe over the lab's ~5,600 nodes (KaTeX's spans and MathML) is slow on a loaded runner
    await page.goto('/?page=lab');
    await waitForLabSnapshot(page);
    await expect(page.locator('.lab-bar').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a lesson has no serious or critical axe violation', async ({ page }) => {
    test.slow(); // axe over the lesson's formulas and map is slow on a loaded runner
    await new Visualizer(page).open('?lesson=lr-too-large');
    // The lesson catalogue is a lazy chunk: wait for the panel it fills, without a time of its own.
    await page.getByTestId('lesson-panel').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the embed has no serious or critical axe violation', async ({ page }) => {
    await new Visualizer(page).open('?embed=1');
    // The embed shows the map without the app's header.
    await expect(page.getByTestId('map-plot')).toBeVisible();
    await expect(page.locator('.app-header')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the live region reports the selected optimizer when stepping, not while playing', async ({
    page,
  }) => {
    const app = new Visualizer(page);
    await app.open(`?scene=${encodeSceneParam(CLASSICS_SCENE)}`);
    const region = page.getByTestId('live-region');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await page.keyboard.press('ArrowLeft');
    await expect(region).toContainText('SGD: step 199 of 200, loss');
    const [x] = (await app.trajectories())[0]!.points[199]!;
    await expect(region).toContainText(`at x ${Number(x.toPrecision(4))}`.replace('-', '−'));
    await expect(region).toContainText(/, y [−\d]/);
    // Choosing another optimizer's formula tab: the region follows the selection.
    await page.getByRole('tab', { name: 'Adam' }).click();
    await expect(region).toContainText('Adam: step 199 of 200');
    await page.getByRole('tab', { name: 'SGD' }).click();

    await page.getByTestId('reset').click();
    await expect(region).toContainText('SGD: step 0 of 200');
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.__descent!.cursor() > 20);
    // Playback is not narrated frame by frame: the last message stays until it stops.
    await expect(region).toContainText('SGD: step 0 of 200');
    await page.getByTestId('play').click();
    const stopped = await app.cursor();
    await expect(region).toContainText(`SGD: step ${stopped} of 200`);
  });

  test('Tab reaches every visible control of the visualizer and each shows a focus ring', async ({
    page,
  }) => {
    await new Visualizer(page).open();
    const { total, missed, unringed } = await tabThrough(page);
    expect(total).toBeGreaterThan(20);
    expect(missed).toEqual([]);
    expect(unringed).toEqual([]);
  });

  test('Tab reaches every visible control of the lab and each shows a focus ring', async ({
    page,
  }) => {
    await page.goto('/?page=lab');
    await waitForLabSnapshot(page);
    const { total, missed, unringed } = await tabThrough(page);
    expect(total).toBeGreaterThan(10);
    expect(missed).toEqual([]);
    expect(unringed).toEqual([]);
  });

  test('with reduced motion nothing animates and nothing starts playing by itself', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const app = new Visualizer(page);
    await app.open('?lesson=lr-too-large');
    await page.getByTestId('lesson-panel').waitFor();
    expect(await page.evaluate(() => window.__descent!.playing())).toBe(false);
    // A component's own smooth transition (as a hover fade would add) is stilled too.
    await page.addStyleTag({ content: '.export-menu > button { transition: opacity 400ms; }' });
    const moving = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .map((el) => getComputedStyle(el))
          .filter(
            (s) =>
              s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.001) ||
              (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.001),
          ).length,
    );
    expect(moving).toBe(0);
  });
});
