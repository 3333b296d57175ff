import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './imports';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const graph = importGraph(SRC);

/** The edges from modules under `from` to modules matching `to`, as "a → b" lines. */
function edges(from: string, to: (target: string) => boolean): string[] {
  const out: string[] = [];
  for (const [module, targets] of graph)
    if (module.startsWith(from)) for (const t of targets) if (to(t)) out.push(`${module} → ${t}`);
  return out;
}

describe('module boundaries', () => {
  it('reads the import graph of src', () => {
    // A guard for the checks below: an empty or half-read graph would pass them vacuously.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('state/engine.ts')).toContain('worker/spawn.ts');
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const cyclic = new Map([
      ['state/lab.ts', ['worker/lab/protocol.ts']],
      ['worker/lab/protocol.ts', ['state/lab.ts']],
      ['engine/a.ts', []],
    ]);
    expect(importCycles(cyclic)).toEqual([['state/lab.ts', 'worker/lab/protocol.ts']]);
  });

  it('keeps the engine pure: it imports nothing outside src/engine', () => {
    expect(edges('engine/', (t) => !t.startsWith('engine/'))).toEqual([]);
  });

  it('keeps workers off the UI: src/worker imports no store and no view', () => {
    expect(edges('worker/', (t) => t.startsWith('state/') || t.startsWith('views/'))).toEqual([]);
  });

  it('lets views and the CLI draw the map without the engine worker protocol', () => {
    const protocol = (t: string): boolean =>
      t === 'worker/protocol.ts' || t === 'worker/handlers.ts';
    expect([...edges('views/', protocol), ...edges('cli/', protocol)]).toEqual([]);
  });
});
