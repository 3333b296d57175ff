import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKPROP_TORCH_VERSION, FIXTURES, expectAllClose } from '../engine/nn/fixtures.test-util';
import type { FixtureCase } from '../engine/nn/fixtures.test-util';
import { runBackprop } from './backprop';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const r = runBackprop(input);
  if (r.ok) throw new Error('expected validation errors');
  return r.errors;
}

const small = (): FixtureCase['input'] => clone(FIXTURES[0]!.input);

describe('backprop command matches torch', () => {
  for (const c of FIXTURES) {
    it(c.name, () => {
      const r = runBackprop(clone(c.input));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expectAllClose([r.output.loss], [c.expected.loss], 'loss');
      expect(r.output.layers).toHaveLength(c.expected.layers.length);
      r.output.layers.forEach((l, i) => {
        const e = c.expected.layers[i]!;
        const all = [...e.dW.flat(), ...e.db, ...(e.dgamma ?? []), ...(e.dbeta ?? [])];
        const floor = 1e-13 * Math.max(...all.map(Math.abs));
        expect(l.dW.map((row) => row.length)).toEqual(e.dW.map((row) => row.length));
        expectAllClose(l.dW.flat(), e.dW.flat(), `layers[${i}].dW`, 1e-9, floor);
        expectAllClose(l.db, e.db, `layers[${i}].db`, 1e-9, floor);
        expect(l.dgamma === undefined).toBe(e.dgamma === undefined);
        if (e.dgamma) expectAllClose(l.dgamma!, e.dgamma, `layers[${i}].dgamma`, 1e-9, floor);
        if (e.dbeta) expectAllClose(l.dbeta!, e.dbeta, `layers[${i}].dbeta`, 1e-9, floor);
      });
    });
  }

  it('the fixtures come from torch 2.x', () => {
    expect(BACKPROP_TORCH_VERSION).toMatch(/^2\./);
  });

  it("mse is the notes' ½‖y − t‖² over the batch, mse_torch torch's MSELoss: 2/width apart in the gradient", () => {
    const net = (loss: string) => ({
      input: [[1, 2]],
      target: [[0.5, -1, 2]],
      loss,
      layers: [
        {
          W: [
            [0.1, 0.2],
            [0.3, -0.4],
            [0.5, 0.6],
          ],
          b: [0, 0, 0],
          activation: 'linear',
        },
      ],
    });
    const notes = runBackprop(net('mse'));
    const torch = runBackprop(net('mse_torch'));
    if (!notes.ok || !torch.ok) expect.fail('both losses must be accepted');
    const dbNotes = (notes.output as { layers: { db: number[] }[] }).layers[0]!.db;
    const dbTorch = (torch.output as { layers: { db: number[] }[] }).layers[0]!.db;
    // y = (0.5, -0.5, 1.7): y − t = (0, 0.5, -0.3); the notes' ∂L/∂y = y − t, MSELoss's 2(y − t)/3.
    dbNotes.forEach((v, i) => expect(dbTorch[i]).toBeCloseTo((2 / 3) * v, 14));
    expect(dbNotes[1]).toBeCloseTo(0.5, 14);
  });

  it('output survives a JSON round trip with the same numbers', () => {
    const r = runBackprop(clone(FIXTURES[1]!.input));
    if (!r.ok) throw new Error('unexpected errors');
    expect(JSON.parse(JSON.stringify(r.output))).toEqual(r.output);
  });
});

describe('backprop command validation', () => {
  it('says a field is missing rather than "got undefined"', () => {
    const input: Record<string, unknown> = small();
    delete input.target;
    expect(errorsOf(input)).toContainEqual({
      path: 'target',
      message: 'expected a non-empty list of rows, got nothing (the field is missing)',
    });
  });

  it('names the layer and both shapes when W does not fit the previous width', () => {
    const input = small();
    // Layer 1 maps 4 → 3; give it 3 rows of 2 columns.
    input.layers[1]!.W = input.layers[1]!.W.map((row) => row.slice(0, 2));
    expect(errorsOf(input)).toContainEqual({
      path: 'layers[1].W',
      message: 'expected 3 rows × 4 columns, got 3 × 2',
    });
  });

  it('names the wrong row of a ragged W, even row 0, with the width it needs', () => {
    // One extra number in row 0 (or an Infinity pushed in): row 1 was blamed before.
    const input = small();
    input.layers[1]!.W[0] = [...input.layers[1]!.W[0]!, 0.5];
    expect(errorsOf(input)).toContainEqual({
      path: 'layers[1].W[0]',
      message: 'expected 4 numbers (one per column: the width of what feeds this layer), got 5',
    });
  });

  it('rejects a residual across different widths, naming the layer', () => {
    const input = small();
    input.layers[0]!.residual = true; // 2 → 4
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('layers[0].residual');
    expect(errors[0]!.message).toContain('layer 0 maps 2 → 4');
  });

  it('checks b, the activation name, batch-norm vectors and the target shape', () => {
    const badBias = small();
    badBias.layers[0]!.b = [0, 0];
    expect(errorsOf(badBias)).toContainEqual({
      path: 'layers[0].b',
      message: 'expected 4 numbers, got 2',
    });

    const badActivation = small();
    badActivation.layers[1]!.activation = 'swish';
    expect(errorsOf(badActivation).map((e) => e.path)).toEqual(['layers[1].activation']);

    const badBn = small();
    badBn.layers[2]!.batchnorm = { gamma: [1], beta: [0, 0], eps: -1 };
    expect(errorsOf(badBn).map((e) => e.path)).toEqual([
      'layers[2].batchnorm.gamma',
      'layers[2].batchnorm.eps',
    ]);

    const badTarget = small();
    badTarget.target = badTarget.target.map((row) => [...row, 0]);
    expect(errorsOf(badTarget)).toContainEqual({
      path: 'target',
      message: 'expected 5 rows × 2 columns, got 5 × 3',
    });
  });

  it('reports problems in several layers at once while widths are known', () => {
    const input = small();
    input.layers[0]!.b = [0];
    input.layers[2]!.activation = 'softmax';
    expect(errorsOf(input).map((e) => e.path)).toEqual(['layers[0].b', 'layers[2].activation']);
  });

  it('bce needs a sigmoid output and targets in [0, 1]', () => {
    const input = small();
    input.loss = 'bce';
    const errors = errorsOf(input);
    expect(errors.map((e) => e.path)).toContain('layers[2].activation');
    const bce = clone(FIXTURES.find((f) => f.input.loss === 'bce')!.input);
    bce.target[0]![0] = 1.5;
    expect(errorsOf(bce)).toEqual([
      { path: 'target[0][0]', message: 'bce targets must lie in [0, 1], got 1.5' },
    ]);
  });

  it('bce_with_logits takes any last layer (its output is the logits) and targets in [0, 1]', () => {
    const logits = clone(FIXTURES.find((f) => f.input.loss === 'bce_with_logits')!.input);
    expect(logits.layers.at(-1)!.activation).toBe('linear');
    expect(runBackprop(clone(logits)).ok).toBe(true);
    logits.target[0]![0] = -0.5;
    expect(errorsOf(logits)).toEqual([
      { path: 'target[0][0]', message: 'bce_with_logits targets must lie in [0, 1], got -0.5' },
    ]);
  });

  it('where bce on a saturated sigmoid loses the gradient, bce_with_logits on the same logits keeps it', () => {
    const logits = FIXTURES.find((f) => f.name.startsWith('bce_with_logits where bce saturates'))!;
    const r = runBackprop(clone(logits.input));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The three examples' logits are -50, 50 and about -3: the first is confidently wrong.
    const dW = r.output.layers[0]!.dW[0]![0]!;
    expect(Math.abs(dW)).toBeGreaterThan(0.1);
    const asProbabilities = { ...clone(logits.input), loss: 'bce' as const };
    asProbabilities.layers[0]!.activation = 'sigmoid';
    const saturated = runBackprop(asProbabilities);
    expect(saturated.ok).toBe(true);
    // The sigmoid's slope at ±50 is about 2e-22: the confidently wrong example's part of bce's
    // gradient (−1/3 here) is lost, and only the unsaturated third example's ~1e-3 is left.
    if (saturated.ok)
      expect(Math.abs(saturated.output.layers[0]!.dW[0]![0]!)).toBeLessThan(Math.abs(dW) / 100);
  });

  it('batch norm in training mode refuses a batch of one', () => {
    const c = clone(FIXTURES.find((f) => f.input.layers.some((l) => l.batchnorm))!.input);
    c.input = [c.input[0]!];
    c.target = [c.target[0]!];
    expect(errorsOf(c).map((e) => e.path)).toEqual(['layers[0].batchnorm']);
  });

  it('reports non-numbers, unknown fields, a bad loss and ragged rows by path', () => {
    const input = small() as unknown as Record<string, unknown>;
    (input['input'] as unknown[][])[1]![0] = 'x';
    input['loss'] = 'hinge';
    input['extra'] = 1;
    const paths = errorsOf(input).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['input[1][0]', 'loss', 'extra']));
    const ragged = small();
    ragged.input[2] = [1];
    expect(errorsOf(ragged)[0]!.path).toBe('input[2]');
    expect(errorsOf(null)).toEqual([
      { path: '', message: 'expected an object {input, target, loss, layers}, got null' },
    ]);
    expect(errorsOf({ ...small(), layers: [] })[0]!.path).toBe('layers');
  });

  it('reports an overflowing loss instead of printing null', () => {
    const input = small();
    input.layers[2]!.W = input.layers[2]!.W.map((row) => row.map(() => 1e300));
    input.layers[2]!.activation = 'linear';
    const errors = errorsOf(input);
    expect(errors[0]!.message).toContain('overflowed');
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = runBackprop(v);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    // Near-valid inputs: a valid case with one field replaced by arbitrary JSON.
    const keys = ['input', 'target', 'loss', 'layers'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, v) => {
        const input = { ...small(), [key]: v };
        expect(() => runBackprop(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('W', 'b', 'activation', 'residual', 'batchnorm'),
        fc.jsonValue(),
        (i, key, v) => {
          const input = small() as unknown as { layers: Record<string, unknown>[] };
          input.layers[i]![key] = v;
          expect(() => runBackprop(input)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
