/**
 * The JavaScript a page needs before its first paint: the built index.html's module scripts and
 * modulepreload links, plus everything those files import statically (a static import has to be
 * fetched before the importer runs). Dynamic `import()` chunks and workers are lazy and left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One initial script: its path inside dist/ and its raw and gzip sizes in bytes. */
export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** URLs of the scripts index.html loads up front: `<script src>` and `<link rel="modulepreload">`. */
export function htmlScriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src !== undefined) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (href !== undefined && rel.includes('modulepreload')) urls.push(href);
  }
  return urls;
}

/**
 * Specifiers of an ES module's static imports and re-exports (`import x from"./a.js"`,
 * `import"./b.js"`, `export*from"./c.js"`), minified or not. `import("./d.js")` is lazy: not listed.
 */
export function staticImportSpecifiers(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(pattern)) found.push(m[2]!);
  return found;
}

function isRemote(url: string): boolean {
  return /^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:');
}

/** Resolves a URL found in `fromFile` (a path inside dist) to a path inside dist, or undefined. */
function resolveInDist(distDir: string, fromFile: string, url: string): string | undefined {
  if (isRemote(url)) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  const absolute = clean.startsWith('/')
    ? join(distDir, clean)
    : resolve(dirname(join(distDir, fromFile)), clean);
  const inside = relative(distDir, normalize(absolute));
  if (inside.startsWith('..') || !existsSync(join(distDir, inside))) return undefined;
  return inside.split(sep).join('/');
}

/** The initial scripts of a built app in `distDir`, with their sizes, in load order. */
export function initialJavaScript(distDir: string): ScriptSize[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const url of htmlScriptUrls(html)) {
    const file = resolveInDist(distDir, 'index.html', url);
    if (file !== undefined && !seen.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  }
  const sizes: ScriptSize[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const bytes = readFileSync(join(distDir, file));
    sizes.push({ file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    for (const spec of staticImportSpecifiers(bytes.toString('utf8'))) {
      const dep = resolveInDist(distDir, file, spec);
      if (dep !== undefined && dep.endsWith('.js') && !seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return sizes;
}
