/**
 * Screenshots of what a new user sees, for reviews and issue notes (not a test: nothing is
 * asserted here; the e2e specs check the same views). Three views (the default scene, a lesson in
 * presenter mode, a diverging run) at four sizes: 1280×720 and 1920×1080 windows, a 700×500
 * blog iframe, and a 390×844 phone with touch.
 *
 * Usage: `npx vite build && npx vite preview --port 4300 &` then
 * `npx tsx scripts/screenshots.ts http://127.0.0.1:4300/ docs/screens [jpeg|png]`
 * Writes `<view>-<size>.jpg` (or .png) into the folder (JPEG at quality 80 keeps the set near 1 MB).
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base = 'http://127.0.0.1:4300/', out = 'docs/screens', format = 'jpeg'] =
  process.argv.slice(2);
const type = format === 'png' ? 'png' : 'jpeg';

const VIEWS = {
  default: '',
  'lesson-presenter': 'lesson=lr-too-large&present=1',
  diverging:
    'scene=f:quadratic;p:-4,2;n:60;o:sgd,lr=0.95,color=009e73;o:sgd,lr=1.05,color=d55e00&view=t:60',
} as const;

const SIZES = [
  { name: '1280x720', width: 1280, height: 720, iframe: false, touch: false },
  { name: '1920x1080', width: 1920, height: 1080, iframe: false, touch: false },
  { name: 'iframe-700x500', width: 700, height: 500, iframe: true, touch: false },
  { name: 'phone-390x844', width: 390, height: 844, iframe: false, touch: true },
] as const;

/** Waits until the app (or the embed in the iframe) has painted its scene and settled. */
async function settled(page: Page, inFrame: boolean): Promise<void> {
  const frame = inFrame
    ? await (await page.locator('iframe').elementHandle())!.contentFrame()
    : page.mainFrame();
  await frame!.waitForFunction(() => {
    const api = (window as { __descent?: { paintCount(): number; settled(): boolean } }).__descent;
    return api !== undefined && api.paintCount() > 0 && api.settled();
  });
  // KaTeX and the fonts arrive after the first paint.
  await frame!.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
}

async function main(): Promise<void> {
  if (!existsSync(out)) mkdirSync(out, { recursive: true });
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  for (const size of SIZES) {
    for (const [view, query] of Object.entries(VIEWS)) {
      const context = await browser.newContext({
        viewport: size.iframe ? { width: 760, height: 640 } : size,
        hasTouch: size.touch,
        isMobile: size.touch,
        locale: 'en-US',
      });
      const page = await context.newPage();
      if (size.iframe) {
        const src = `${base}?embed=1${query ? `&${query.replace(/&present=1/, '')}` : ''}`;
        await page.setContent(
          `<body style="margin:20px;font-family:serif"><p>A blog post with a 700×500 Descent iframe.</p>` +
            `<iframe src="${src}" width="700" height="500" style="border:1px solid #ccc"></iframe></body>`,
        );
      } else {
        await page.goto(`${base}${query ? `?${query}` : ''}`);
      }
      await settled(page, size.iframe);
      const file = join(out, `${view}-${size.name}.${type === 'png' ? 'png' : 'jpg'}`);
      await page.screenshot({ path: file, type, ...(type === 'jpeg' ? { quality: 80 } : {}) });
      console.log(file);
      await context.close();
    }
  }
  await browser.close();
}

await main();
