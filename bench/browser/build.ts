/**
 * The app the browser bench measures: a fresh production build in a private temporary folder (so
 * it never races anyone else's `vite build` into dist/), or an existing folder when asked:
 * BENCH_DIST=<folder>, or BENCH_NO_BUILD=1 for the repository's dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A built app folder and how to dispose of it. */
export interface BuiltApp {
  readonly dir: string;
  readonly fresh: boolean;
  dispose(): void;
}

/** Builds the app (or finds the prebuilt one); throws with the build's reason on failure. */
export function builtApp(repoRoot: string): BuiltApp {
  const given = process.env.BENCH_DIST;
  if (given !== undefined && given !== '') return existing(given);
  if (process.env.BENCH_NO_BUILD === '1') return existing(join(repoRoot, 'dist'));

  const dir = mkdtempSync(join(tmpdir(), 'descent-bench-'));
  console.error(`bench: building the app into ${dir} ...`);
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  );
  // Progress and warnings belong on stderr: stdout is the table.
  if (build.stdout) process.stderr.write(build.stdout);
  if (build.stderr) process.stderr.write(build.stderr);
  const dispose = (): void => rmSync(dir, { recursive: true, force: true });
  if (build.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    dispose();
    const last =
      `${build.stderr ?? ''}`.trim().split('\n').filter(Boolean).slice(-1)[0] ??
      `exit ${build.status}`;
    throw new Error(`vite build failed: ${last}`);
  }
  return { dir, fresh: true, dispose };
}

function existing(dir: string): BuiltApp {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`no built app at ${dir} (index.html missing)`);
  return { dir, fresh: false, dispose: () => undefined };
}
