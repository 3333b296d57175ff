/**
 * The soak session's own Playwright config (not part of `npm test`): `npm run soak` builds the app,
 * serves dist/ on its own port and runs soak/soak.spec.ts for SOAK_MINUTES (default 10) minutes.
 * SOAK_DIST and SOAK_PORT point it at another build folder or port (e.g. a private build).
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const port = Number(process.env.SOAK_PORT ?? 4319);
const dist = process.env.SOAK_DIST ?? 'dist';
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: '.',
  testMatch: 'soak.spec.ts',
  outputDir: '../test-results/soak',
  // The session itself, plus time to start, measure and wind down.
  timeout: (minutes * 60 + 180) * 1000,
  retries: 0,
  workers: 1,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir ${dist} --port ${port} --strictPort --host 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
