/**
 * The 3-D view's failure is said in the reader's language (issue 13): where WebGL cannot start
 * (stubbed here: every WebGL context refused), a zh-CN reader gets the catalogue's reason, not
 * three.js's English "Error creating WebGL context".
 */
import { expect, test } from '@playwright/test';
import { encodeSceneParam } from '../src/engine/scene-url';
import type { Scene } from '../src/engine/types';
import { withoutWebGL } from './fixtures/webgl';

test.use({ locale: 'zh-CN' });

const SCENE: Scene = {
  surface: { id: 'quadratic' },
  start: [-1.5, 1],
  steps: 40,
  optimizers: [{ type: 'sgd', lr: 0.05, label: 'SGD' }],
};

test('without WebGL a zh-CN reader is told why in Chinese', async ({ page }) => {
  await withoutWebGL(page);
  await page.goto(`./?scene=${encodeSceneParam(SCENE)}&view=3d:1`);
  const notice = page.getByTestId('view3d-unavailable');
  await expect(notice).toHaveText(
    '三维视图需要 WebGL，但这个浏览器在这里无法启动它（浏览器无法创建 WebGL 上下文）。等高线图显示的是同一个曲面。',
    { timeout: 15_000 },
  );
  // three.js's own English is kept for tools, not shown.
  await expect(notice).toHaveAttribute('data-detail', /WebGL/);
  await expect(page.getByTestId('view3d-toggle')).toHaveAttribute('aria-pressed', 'false');
});
