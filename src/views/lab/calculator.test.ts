import { describe, expect, it } from 'vitest';
import { calcStages, computeCalc, editCalc, freshCalc, revealed } from './calculator';

describe('backprop calculator', () => {
  it('finite differences agree with backprop on every weight and bias', () => {
    const result = computeCalc(freshCalc([2, 3, 2, 1], 'sigmoid', 7));
    expect(result.maxRelError).toBeLessThan(1e-6);
    for (const layer of result.layers) {
      layer.dW.forEach((row, j) =>
        row.forEach((g, k) => expect(layer.dWNumeric[j]![k]!).toBeCloseTo(g, 7)),
      );
      layer.db.forEach((g, j) => expect(layer.dbNumeric[j]!).toBeCloseTo(g, 7));
    }
  });

  it('shows the notes’ identities: δ at the output is (y − t)·σ′(z), dW = δ·aᵀ and db = δ', () => {
    const state = freshCalc([2, 2, 1], 'sigmoid', 3);
    const { layers } = computeCalc(state);
    const [hidden, out] = [layers[0]!, layers[1]!];
    const y = out.a[0]!;
    expect(out.delta[0]!).toBeCloseTo((y - state.target[0]!) * y * (1 - y), 12);
    expect(out.db[0]!).toBeCloseTo(out.delta[0]!, 12);
    expect(out.dW[0]![1]!).toBeCloseTo(out.delta[0]! * hidden.a[1]!, 12);
    // BP2: δ¹_j = (W²ᵀ δ²)_j · σ′(z¹_j)
    const a = hidden.a[0]!;
    expect(hidden.delta[0]!).toBeCloseTo(out.W[0]![0]! * out.delta[0]! * a * (1 - a), 12);
  });

  it('editing a weight changes the output and keeps the check passing', () => {
    const state = freshCalc([2, 2, 1], 'tanh', 1);
    const before = computeCalc(state);
    const edited = editCalc(state, 'params', 0, 2.5);
    const after = computeCalc(edited);
    expect(after.layers[0]!.W[0]![0]).toBe(2.5);
    expect(after.loss).not.toBeCloseTo(before.loss, 6);
    expect(after.maxRelError).toBeLessThan(1e-6);
    expect(editCalc(state, 'params', 0, Number.NaN)).toBe(state);
  });

  it('steps go forward, BP1 at the output, BP2 down to the first layer, then BP3 and BP4', () => {
    const stages = calcStages(3);
    expect(stages.map((s) => s.kind)).toEqual(['forward', 'bp1', 'bp2', 'bp2', 'bp3', 'bp4']);
    expect(revealed(stages, 0, 2)).toEqual({ delta: false, db: false, dW: false });
    expect(revealed(stages, 1, 2).delta).toBe(true);
    expect(revealed(stages, 1, 0).delta).toBe(false);
    expect(revealed(stages, 3, 0).delta).toBe(true);
    expect(revealed(stages, 5, 0)).toEqual({ delta: true, db: true, dW: true });
  });
});
