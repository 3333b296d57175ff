/**
 * `npm run bench`: runs every suite, prints one table (figure, budget, pass/miss) and writes
 * bench/results.json so a later run can be compared with this one. Figures are printed, never
 * asserted: a slow machine gets a slow number, not a failing test.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSuite } from './types';

const SUITES: readonly { file: string; exportName: string }[] = [
  { file: './engine.ts', exportName: 'engineBench' },
  { file: './contours.ts', exportName: 'contoursBench' },
  { file: './expression.ts', exportName: 'expressionBench' },
  { file: './nn.ts', exportName: 'nnBench' },
  { file: './analysis.ts', exportName: 'analysisBench' },
  { file: './browser.ts', exportName: 'browserBench' },
];

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(3);
  return value.toLocaleString('en-US', { maximumFractionDigits: abs < 10 ? 3 : 1 });
}

/** The previous run's rows (empty on a first run or when the file is unreadable). */
function previousRows(path: string): readonly BenchRow[] {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { rows?: unknown };
    if (!Array.isArray(saved.rows)) return [];
    return saved.rows.filter(
      (r): r is BenchRow =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as BenchRow).name === 'string' &&
        typeof (r as BenchRow).value === 'number',
    );
  } catch {
    return [];
  }
}

function printTable(rows: readonly BenchRow[], previous: ReadonlyMap<string, number>): void {
  const lines = rows.map((r) => {
    const before = previous.get(r.name);
    return [
      r.name,
      `${format(r.value)} ${r.unit}`,
      r.budget ?? '',
      r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS',
      before === undefined
        ? ''
        : `${format(before)} (${r.value >= before ? '+' : ''}${format(r.value - before)})`,
      r.detail ?? '',
    ];
  });
  const header = ['measure', 'figure', 'budget', 'result', 'previous run (change)', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const { file, exportName } of SUITES) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    if (!existsSync(path)) continue;
    if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
    const mod = (await import(file)) as Record<string, BenchSuite | undefined>;
    const suite = mod[exportName];
    if (!suite) continue;
    console.error(`bench: running ${file} ...`);
    try {
      rows.push(...(await suite()));
    } catch (err) {
      rows.push({ name: `${file} failed`, value: NaN, unit: '', detail: (err as Error).message });
    }
  }
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  const previous = previousRows(out);
  printTable(rows, new Map(previous.map((r) => [r.name, r.value])));
  // A partial run (`npm run bench -- browser`) keeps the other suites' last figures in the file.
  const measured = new Set(rows.map((r) => r.name));
  const kept = [...rows, ...previous.filter((r) => !measured.has(r.name))];
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), rows: kept }, null, 2)}\n`,
  );
  console.error(`bench: wrote ${out}`);
}

await main();
