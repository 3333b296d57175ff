import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlScriptUrls, initialJavaScript, staticImportSpecifiers } from './initial-js';

describe('htmlScriptUrls', () => {
  it('lists module scripts and modulepreload links but not stylesheets or icons', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="./assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-b2.js">
      <link rel="stylesheet" href="./assets/index-c3.css">
      <link rel="icon" href="./favicon.svg"></head>`;
    expect(htmlScriptUrls(html)).toEqual(['./assets/index-a1.js', './assets/vendor-b2.js']);
  });
});

describe('staticImportSpecifiers', () => {
  it('finds minified static imports and re-exports, and skips dynamic import()', () => {
    const code =
      'import{a as b,c}from"./chunk-1.js";import"./side.js";import*as d from"./ns.js";' +
      'export*from"./re.js";const k=()=>import("./lazy-katex.js");console.log(import.meta.url)';
    expect(staticImportSpecifiers(code)).toEqual([
      './chunk-1.js',
      './side.js',
      './ns.js',
      './re.js',
    ]);
  });
});

describe('initialJavaScript', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the entry and its static imports once each, and leaves lazy chunks out', () => {
    dir = mkdtempSync(join(tmpdir(), 'initial-js-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" src="./assets/index.js"></script>',
    );
    writeFileSync(
      join(dir, 'assets/index.js'),
      'import{r}from"./react.js";import"./react.js";const l=()=>import("./katex.js");r(l)',
    );
    writeFileSync(join(dir, 'assets/react.js'), `export const r=(f)=>f;/*${'x'.repeat(5000)}*/`);
    writeFileSync(join(dir, 'assets/katex.js'), `export default ${'1+'.repeat(20000)}1`);
    const sizes = initialJavaScript(dir);
    expect(sizes.map((s) => s.file)).toEqual(['assets/index.js', 'assets/react.js']);
    const react = sizes[1]!;
    expect(react.bytes).toBeGreaterThan(5000);
    // 5,000 repeated characters compress to far less than they weigh.
    expect(react.gzip).toBeLessThan(react.bytes / 10);
  });
});
