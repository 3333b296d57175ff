import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './server';
import type { StaticServer } from './server';

describe('serveStatic', () => {
  let root = '';
  let server: StaticServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets/app.js'), 'export const a = 1;');
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / with the query string ignored, and modules as JavaScript', async () => {
    const page = await fetch(`${server.url}?scene=f:quadratic`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    const script = await fetch(`${server.url}assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('answers 404 for a missing asset and never serves files outside its folder', async () => {
    expect((await fetch(`${server.url}assets/missing.js`)).status).toBe(404);
    const escape = await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('root:');
  });
});
