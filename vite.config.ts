import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * KaTeX's stylesheet lists woff2, woff and ttf for every font; every browser we support takes
 * the woff2, so the other two are dropped from the build (about 1 MB less to host).
 */
function katexWoff2Only(): Plugin {
  const fallback = /,url\([^)]*KaTeX_[^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g;
  return {
    name: 'katex-woff2-only',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'asset') continue;
        if (/KaTeX_[^/]*\.(?:woff|ttf)$/.test(fileName)) delete bundle[fileName];
        else if (fileName.endsWith('.css') && typeof output.source === 'string') {
          output.source = output.source.replace(fallback, '');
        }
      }
    },
  };
}

/** The page `embed.html`: the classic embed script and its stylesheet, no module, no crossorigin. */
function embedPage(script: string, style: string | undefined): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Descent — gradient descent, step by step</title>
${style ? `    <link rel="stylesheet" href="./${style}" />\n` : ''}  </head>
  <body>
    <div id="root"></div>
    <noscript>Descent needs JavaScript to draw its interactive maps.</noscript>
    <script src="./${script}"></script>
  </body>
</html>
`;
}

/** Writes embed.html next to the bundle: it names the hashed script and stylesheet. */
function emitEmbedPage(): Plugin {
  return {
    name: 'descent-embed-page',
    // After vite:css-post has emitted the stylesheet.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const script = files.find((f) => f.type === 'chunk' && f.isEntry);
      const style = files.find((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      if (!script) throw new Error('embed build: no entry chunk');
      this.emitFile({
        type: 'asset',
        fileName: 'embed.html',
        source: embedPage(script.fileName, style?.fileName),
      });
    },
  };
}

/**
 * After the app's build, builds the embed again as one classic IIFE script (src/embed/classic.tsx,
 * worker and language catalogues inlined) with its page embed.html, into the same folder. A
 * sandboxed iframe on a static host without CORS headers can load that where it cannot load
 * module scripts. The app's own bundle is not touched.
 */
function classicEmbedBuild(): Plugin {
  // The app's own output folder (`vite build --outDir X` included): the embed goes beside it.
  let outDir = 'dist';
  return {
    name: 'descent-classic-embed',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const root = fileURLToPath(new URL('.', import.meta.url));
      await build({
        configFile: false,
        root,
        base: './',
        logLevel: 'warn',
        plugins: [react(), katexWoff2Only(), emitEmbedPage()],
        // Library builds leave process.env alone; React reads it.
        define: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          'import.meta.env.VITE_CLASSIC_EMBED': JSON.stringify('1'),
        },
        worker: { format: 'iife' },
        build: {
          target: 'es2022',
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          sourcemap: false,
          assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
          lib: {
            entry: fileURLToPath(new URL('./src/embed/classic.tsx', import.meta.url)),
            formats: ['iife'],
            name: 'DescentEmbed',
            cssFileName: 'embed',
          },
          rollupOptions: {
            output: {
              entryFileNames: 'assets/embed-classic-[hash].js',
              assetFileNames: 'assets/[name]-[hash][extname]',
            },
          },
        },
      });
    },
  };
}

/**
 * Every module the entry imports statically runs before the first paint anyway, so they go in one
 * chunk ("app") instead of the ~18 small shared chunks Rolldown otherwise makes for modules that
 * lazy chunks import too: one request instead of eighteen and ~4 KB gzip less (measured: 129.2 KB
 * in 18 files vs 124.8 KB concatenated), toward DESIGN.md's 130 KB first-paint budget.
 */
function firstScreenChunk(entry: string) {
  let reachable: Set<string> | undefined;
  const closure = (getInfo: (id: string) => { importedIds: readonly string[] } | null) => {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    while (queue.length > 0) {
      const info = getInfo(queue.pop()!);
      for (const id of info?.importedIds ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        queue.push(id);
      }
    }
    return seen;
  };
  return {
    name: (
      id: string,
      ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null },
    ): string | null => {
      reachable ??= closure((m) => ctx.getModuleInfo(m));
      // d3's umbrella package imports every d3 module statically (d3-zoom and d3-transition
      // among them, which only the lazily loaded zoom uses): leave d3 to the default splitting.
      return reachable.has(id) && id !== entry && !/node_modules[\\/]d3/.test(id) ? 'app' : null;
    },
  };
}

/**
 * The optimizer families whose arithmetic each family's registration loads on demand
 * (engine/optimizers/<type>.meta.ts: `load: () => import('./<type>')`) go in one chunk: one
 * request after the first paint, and the loaders in the first-paint chunk all name the same file,
 * which gzip compresses away (one chunk per family cost ~230 bytes gzip there).
 */
function lazyOptimizersChunk() {
  return {
    name: (
      id: string,
      ctx: { getModuleInfo(id: string): { dynamicImporters: readonly string[] } | null },
    ): string | null =>
      /[\\/]src[\\/]engine[\\/]optimizers[\\/][a-z0-9]+\.ts$/.test(id) &&
      (ctx.getModuleInfo(id)?.dynamicImporters.length ?? 0) > 0
        ? 'optimizers'
        : null,
  };
}

/**
 * V8's explicit compile hint (Chrome 136+): a script that begins with `//# allFunctionsCalledOnLoad`
 * is compiled whole on a background thread while it streams in, instead of function by function
 * on the main thread as each is first called. Nearly every function of the entry and of the "app"
 * chunk runs before the first paint. Measured (bench/browser/ab.ts, 4× throttle, 7 and 9
 * interleaved cold loads): first paint B/A 0.93 and 0.95. Other browsers read a comment.
 */
function compileHintsForFirstScreen(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'descent-compile-hints',
    apply: 'build',
    // On the written files: Vite puts its preload helper at the top of a chunk after every
    // generateBundle hook, and the hint must be the file's first line.
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !(output.isEntry || output.name === 'app')) continue;
        const file = join(dir, output.fileName);
        writeFileSync(file, HINT + readFileSync(file, 'utf8'));
        // A source map (--sourcemap) moves down the one line.
        if (existsSync(`${file}.map`)) {
          const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { mappings: string };
          map.mappings = `;${map.mappings}`;
          writeFileSync(`${file}.map`, JSON.stringify(map));
        }
      }
    },
  };
}

// Relative base: the built folder works from any sub-path (blog hosts, GitHub pages).
export default defineConfig({
  base: './',
  plugins: [react(), katexWoff2Only(), compileHintsForFirstScreen(), classicEmbedBuild()],
  // One file per worker: the optimizer families' lazily imported arithmetic is inlined (an inline
  // blob worker, the sandboxed embed's fallback, could not fetch chunks beside it).
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Fonts stay files: a data: font (KaTeX_Size3 is under the 4 KB inline limit) is blocked by
    // the recommended CSP, whose font-src falls back to default-src 'self'.
    assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            firstScreenChunk(fileURLToPath(new URL('./src/main.tsx', import.meta.url))),
            lazyOptimizersChunk(),
          ],
        },
      },
    },
  },
});
