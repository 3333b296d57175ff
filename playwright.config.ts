import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Browsers come from the system (Debian's chromium): Playwright's downloader has no network here.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
// E2E_PORT lets several checkouts on one machine each test their own build without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  // No retries: a retry hides a flake, it does not fix it.
  retries: 0,
  // CI runs one browser at a time: the WebM export test decoded no path once with two workers
  // encoding and decoding side by side on 2 cores (issue 11 tracks that flake).
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The app picks its language from the browser's: English unless a test asks for another.
    locale: 'en-US',
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
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
