/** Test helpers: the torch fixtures turned into engine inputs, and a tolerant comparison. */
import { expect } from 'vitest';
import data from '../__fixtures__/backprop/cases.json';
import type { Activation } from './activations';
import type { LossKind } from './losses';
import { buildNetwork, layerViews } from './network';
import type { Network } from './network';

/** One fixture layer as the CLI reads it. */
export interface FixtureLayer {
  W: number[][];
  b: number[];
  activation: string;
  residual: boolean;
  batchnorm?: { gamma: number[]; beta: number[]; eps: number };
}

/** One torch case: the CLI input and the CLI output torch computed. */
export interface FixtureCase {
  readonly name: string;
  /** torch's numeric guards decide this gradient: it is torch's, not the true derivative. */
  readonly guarded?: boolean;
  readonly input: { input: number[][]; target: number[][]; loss: string; layers: FixtureLayer[] };
  readonly expected: {
    loss: number;
    layers: { dW: number[][]; db: number[]; dgamma?: number[]; dbeta?: number[] }[];
  };
}

/** Every case of cases.json. */
export const FIXTURES = (data as unknown as { cases: FixtureCase[] }).cases;
/** The torch version scripts/fixtures_backprop.py ran. */
export const BACKPROP_TORCH_VERSION = (data as unknown as { torch: string }).torch;

/** The engine's network, flat parameters and batch for a fixture. */
export function fixtureNet(c: FixtureCase): {
  net: Network;
  params: Float64Array;
  input: Float64Array;
  target: Float64Array;
  loss: LossKind;
  batch: number;
} {
  const layers = c.input.layers;
  const net = buildNetwork({
    inputSize: c.input.input[0]!.length,
    layers: layers.map((l) => ({
      units: l.W.length,
      activation: l.activation as Activation,
      residual: l.residual,
      ...(l.batchnorm ? { batchnorm: { eps: l.batchnorm.eps } } : {}),
    })),
  });
  const params = new Float64Array(net.paramCount);
  net.layers.forEach((layout, i) => {
    const v = layerViews(layout, params);
    const l = layers[i]!;
    v.W.set(l.W.flat());
    v.b.set(l.b);
    if (l.batchnorm) {
      v.gamma!.set(l.batchnorm.gamma);
      v.beta!.set(l.batchnorm.beta);
    }
  });
  return {
    net,
    params,
    input: Float64Array.from(c.input.input.flat()),
    target: Float64Array.from(c.input.target.flat()),
    loss: c.input.loss as LossKind,
    batch: c.input.input.length,
  };
}

/** |a − e| ≤ rel·|e| + abs for every entry, reporting the first entry that is not. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  rel = 1e-9,
  abs = 1e-15,
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= rel * Math.abs(e) + abs)) {
      expect.fail(`${what}[${i}]: got ${a}, torch ${e} (diff ${Math.abs(a - e)})`);
    }
  }
}
