import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../engine/__fixtures__/landscape/cases.json';
import { expectAllClose } from '../engine/nn/fixtures.test-util';
import { runBackprop } from './backprop';
import { MAX_GRID_SIDE, runLandscape } from './landscape';

interface Direction {
  W: number[][];
  b: number[];
  gamma?: number[];
  beta?: number[];
}
interface LandscapeInput {
  network: { input: number[][]; target: number[][]; loss: string; layers: unknown[] };
  directions: Direction[][];
  normalize: string;
  alphas: number[];
  betas: number[];
}
interface LandscapeCase {
  name: string;
  input: LandscapeInput;
  expected: { loss: number[][] };
}
const CASES = (fixtures as unknown as { torch: string; cases: LandscapeCase[] }).cases;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function gridOf(input: unknown): number[][] {
  const r = runLandscape(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.output.loss;
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const r = runLandscape(input);
  if (r.ok) throw new Error('expected validation errors');
  return r.errors;
}

/** The case with batch norm and filter normalisation (layers with gamma and beta). */
const bnCase = (): LandscapeInput =>
  clone(CASES.find((c) => c.name.startsWith('batch norm on every layer'))!.input);
const small = (): LandscapeInput => clone(CASES[0]!.input);

describe('landscape command matches torch float64', () => {
  it('fixtures come from torch 2.x', () => {
    expect((fixtures as { torch: string }).torch).toMatch(/^2\./);
    expect(new Set(CASES.map((c) => c.input.normalize))).toEqual(new Set(['filter', 'none']));
  });
  for (const c of CASES) {
    it(c.name, () => {
      const grid = gridOf(clone(c.input));
      expect(grid.map((row) => row.length)).toEqual(c.expected.loss.map((row) => row.length));
      expectAllClose(grid.flat(), c.expected.loss.flat(), 'loss', 1e-9, 0);
    });
  }
});

describe('landscape command semantics', () => {
  it('at α = β = 0 prints the backprop command’s loss of the same network', () => {
    for (const c of CASES) {
      const input = clone(c.input);
      input.alphas = [0];
      input.betas = [0];
      const bp = runBackprop(clone(c.input.network));
      if (!bp.ok) throw new Error('backprop refused a fixture');
      expect(gridOf(input)[0]![0]).toBe(bp.output.loss);
    }
  });

  it('filter normalisation ignores a direction’s scale, biases and batch-norm entries', () => {
    const input = bnCase();
    const base = gridOf(clone(input));
    for (const d of input.directions[0]!) {
      d.W = d.W.map((row, i) => row.map((v) => v * (i + 2.5)));
      d.b = d.b.map((v) => v * 40 + 1);
      d.gamma = d.gamma!.map((v) => v - 3);
      d.beta = d.beta!.map(() => 7);
    }
    expectAllClose(gridOf(input).flat(), base.flat(), 'rescaled grid', 1e-9, 0);
    // Without normalisation the same edit changes the picture.
    input.normalize = 'none';
    const raw = bnCase();
    raw.normalize = 'none';
    expect(gridOf(input)).not.toEqual(gridOf(raw));
  });
});

describe('landscape command validation', () => {
  it('names a direction layer whose W does not fit the network', () => {
    const input = small();
    input.directions[1]![1]!.W = input.directions[1]![1]!.W.map((row) => row.slice(1));
    expect(errorsOf(input)).toEqual([
      { path: 'directions[1][1].W', message: 'expected 3 rows × 4 columns, got 3 × 3' },
    ]);
  });

  it('asks for gamma and beta exactly on the batch-norm layers', () => {
    const input = bnCase();
    delete input.directions[0]![2]!.gamma;
    input.directions[1]![0]!.beta = [1, 2];
    expect(errorsOf(input).map((e) => e.path)).toEqual([
      'directions[0][2].gamma',
      'directions[1][0].beta',
    ]);
    const plain = small();
    plain.directions[0]![0]!.gamma = [1, 1, 1, 1];
    expect(errorsOf(plain)[0]!.path).toBe('directions[0][0].gamma');
  });

  it('wants two directions with one entry per layer', () => {
    const one = small();
    one.directions = [one.directions[0]!];
    expect(errorsOf(one)[0]!.path).toBe('directions');
    const short = small();
    short.directions[0] = short.directions[0]!.slice(0, 2);
    expect(errorsOf(short)[0]).toMatchObject({
      path: 'directions[0]',
      message: expect.stringContaining('3 layers') as unknown,
    });
  });

  it('refuses non-finite numbers anywhere, naming the entry', () => {
    const a = small();
    a.alphas[2] = Infinity; // what JSON.parse makes of 1e999
    expect(errorsOf(a)[0]!.path).toBe('alphas[2]');
    const d = small() as unknown as { directions: { b: unknown[] }[][] };
    d.directions[0]![1]!.b[0] = null;
    expect(errorsOf(d)[0]!.path).toBe('directions[0][1].b[0]');
    const w = small();
    w.directions[1]![0]!.W[1]![0] = NaN;
    expect(errorsOf(w)[0]!.path).toBe('directions[1][0].W[1][0]');
  });

  it(`caps grids at ${MAX_GRID_SIDE} × ${MAX_GRID_SIDE} and refuses empty axes`, () => {
    const big = small();
    big.alphas = Array.from({ length: MAX_GRID_SIDE + 1 }, (_, i) => i / 100);
    expect(errorsOf(big)[0]).toMatchObject({ path: 'alphas' });
    const empty = small();
    empty.betas = [];
    expect(errorsOf(empty)[0]).toMatchObject({ path: 'betas' });
    const edge = small();
    edge.alphas = Array.from({ length: MAX_GRID_SIDE }, (_, i) => i / 1000);
    edge.betas = [0];
    expect(gridOf(edge)).toHaveLength(MAX_GRID_SIDE);
  });

  it('names missing fields and the network’s own problems under network.', () => {
    expect(errorsOf({}).map((e) => e.path)).toEqual([
      'network',
      'normalize',
      'alphas',
      'betas',
      'directions',
    ]);
    const input = small() as unknown as Record<string, unknown> & LandscapeInput;
    (input.network.layers[0] as { b: number[] }).b = [1];
    input.normalize = 'layer';
    input['extra'] = true;
    expect(errorsOf(input).map((e) => e.path)).toEqual([
      'extra',
      'network.layers[0].b',
      'normalize',
    ]);
    expect(errorsOf([])[0]!.path).toBe('');
  });

  it('reports an overflowing loss instead of printing null', () => {
    const input = clone(CASES.find((c) => c.name.startsWith('8-layer'))!.input);
    input.alphas = [1e200];
    expect(errorsOf(input)[0]!.message).toContain('overflowed');
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(typeof runLandscape(v).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
    const keys = ['network', 'directions', 'normalize', 'alphas', 'betas'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, v) => {
        expect(() => runLandscape({ ...small(), [key]: v })).not.toThrow();
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('W', 'b', 'gamma'),
        fc.jsonValue(),
        (k, l, key, v) => {
          const input = small() as unknown as { directions: Record<string, unknown>[][] };
          input.directions[k]![l]![key] = v;
          expect(() => runLandscape(input)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('cli landscape', () => {
  // The real command the README documents, through the same runner npm uses.
  function cli(stdin: string): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'landscape', '-'], {
      input: stdin,
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('prints {"loss": [[...]]} on stdout, or names the field on stderr with exit 1', () => {
    const c = CASES[1]!;
    const ok = cli(JSON.stringify(c.input));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { loss: number[][] };
    expectAllClose(out.loss.flat(), c.expected.loss.flat(), 'loss', 1e-9, 0);

    const bad = clone(c.input);
    bad.betas = Array.from({ length: 300 }, () => 0);
    const refused = cli(JSON.stringify(bad));
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^betas: expected 1 to 201 numbers/);
  });
});
