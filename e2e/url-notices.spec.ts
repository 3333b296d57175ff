/**
 * A link whose page parameters carry values the page cannot use (a typo in a blog's iframe code, a
 * hand-edited address): the reader is told which parameter and which value, in the page's
 * language, and the page works with its default.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT_SCENE } from '../src/engine/scene';
import { frameBox, openHost } from './fixtures/embedHost';
import { Visualizer } from './fixtures/visualizer';

test('bad page parameters are each named in the notice, and the scene still draws', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?theme=purple&lang=klingon&embed=maybe&present=yes&page=labz&utm_source=x');
  const notice = page.getByTestId('load-errors');
  await expect(notice).toContainText(
    'theme: "purple" is not one of light, dark, auto; auto is used',
  );
  await expect(notice).toContainText('lang: "klingon" is not one of en, zh-CN, zh-TW');
  await expect(notice).toContainText('embed: "maybe" is not 1 or 0');
  await expect(notice).toContainText('present: "yes" is not 1 or 0');
  await expect(notice).toContainText('page: "labz" is not one of lab, lessons');
  // A tracking parameter is not the reader's mistake: not named.
  await expect(notice).not.toContainText('utm_source');
  // The defaults are in use: the whole app (not an embed), the visualizer, the light theme.
  await expect(page.getByTestId('add-optimizer')).toBeVisible();
  expect((await app.trajectories()).length).toBe(DEFAULT_SCENE.optimizers.length);
  expect((await app.contourShapes()).length).toBeGreaterThan(4);
});

test('an unknown lesson is named once the catalogue says so, in presenter mode too', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?lesson=no-such-lesson&present=1');
  await expect(page.locator('html')).toHaveClass(/presenting/);
  const notice = page.getByTestId('load-errors');
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expect(notice).toContainText('lesson: "no-such-lesson" is not a lesson');
});

test('an unknown lesson is said once on the full page, not in a notice and a panel both', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?lesson=no-such-lesson');
  await expect(page.getByTestId('load-errors')).toContainText(
    'lesson: "no-such-lesson" is not a lesson',
  );
  // Give the lesson catalogue time to answer too, then count what names the lesson.
  await expect(page.getByTestId('add-optimizer')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/no-such-lesson/)).toHaveCount(1);
});

test('in Chinese the notice is Chinese, the parameter and value kept as written', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?lang=zh-CN&theme=purple');
  const notice = page.getByTestId('load-errors');
  await expect(notice).toContainText('theme: "purple" 不是 light, dark, auto 之一；已改用 auto');
});

test('an embed names the controls and theme it could not read, and shows its defaults', async ({
  page,
}) => {
  const frame = await openHost(
    page,
    `/?embed=1&controls=play,sliders,lr:0&theme=neon&scene=f:quadratic`,
    { w: 700, h: 500 },
  );
  const notice = frame.getByTestId('load-errors');
  await expect(notice).toContainText('controls: "sliders" is not a control');
  await expect(notice).toContainText(
    'theme: "neon" is not one of light, dark, auto; light is used',
  );
  // What could be read is shown: playback and the lr slider; the theme is light.
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await frameBox(frame, 'play')).not.toBeNull();
  expect(await frameBox(frame, 'embed-param-lr-0')).not.toBeNull();
});

test('an embed names each slider it asked for but cannot show, and shows the others', async ({
  page,
}) => {
  // Optimizer 9 of a scene of one; momentum of Adam (no such hyper-parameter).
  const frame = await openHost(
    page,
    `/?embed=1&controls=play,lr:0,lr:9,momentum:0&scene=f:quadratic;p:-4,2;n:50;o:adam,lr=0.1`,
    { w: 700, h: 500 },
  );
  const notice = frame.getByTestId('load-errors');
  await expect(notice).toContainText('lr:9: the scene has optimizers 0 to 0 only');
  await expect(notice).toContainText('momentum:0: Adam has no momentum to slide');
  expect(await frameBox(frame, 'embed-param-lr-0')).not.toBeNull();
  // Dismissed, it stays dismissed.
  await notice.getByRole('button').click();
  await expect(notice).toBeHidden();
});

test('the lab names a bad theme in its own link notice', async ({ page }) => {
  await page.goto('/?page=lab&theme=purple');
  await expect(page.locator('.lab-warning')).toContainText(
    'theme: "purple" is not one of light, dark, auto; auto is used',
  );
});

test('bad Analyze drawer settings in the link are named; the drawer still opens on the view asked for', async ({
  page,
}) => {
  const app = new Visualizer(page);
  await app.open('?analysis=stability,zzz,size:9999,eps:abc');
  const notice = page.getByTestId('load-errors');
  await expect(notice).toContainText(
    'analysis.tab: "zzz" is not a view (race, sweep, stability, basins, minibatch, step) or a setting of the Analyze drawer; it is ignored',
  );
  await expect(notice).toContainText(
    'analysis.size: "9999" is not a number from 8 to 256; 256 is used',
  );
  await expect(notice).toContainText('analysis.eps: "abc" is not a number');
  // The good part of the link is read: the drawer is open on Stability.
  await expect(page.getByRole('tab', { name: /stability/i })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});
