import { describe, expect, it } from 'vitest';
import { inputGradient, linearForward, weightGradient } from './matmul';
import * as reference from './matmul.reference';
import { createRng } from './rng';

/** Values like a layer's: mostly small normals, some exact zeros (dead ReLUs) and whole zero runs. */
function values(n: number, seed: number, zeroRate = 0.1): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.next() < zeroRate ? 0 : rng.normal();
  return out;
}

/** δ with whole samples and whole outputs zero, as dead units and saturated samples give. */
function deltas(m: number, outSize: number, seed: number): Float64Array {
  const d = values(m * outSize, seed, 0.2);
  for (let s = 0; s < m; s += 3) d.fill(0, s * outSize, (s + 1) * outSize);
  for (let j = 1; j < outSize; j += 5) for (let s = 0; s < m; s++) d[s * outSize + j] = 0;
  return d;
}

/** Indices where a and b differ as float64 bit patterns (Object.is: −0 ≠ 0, NaN = NaN). */
function bitwiseDiff(a: Float64Array, b: Float64Array): number[] {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff.push(i);
  return diff;
}

// Shapes around every tile edge (1–9 rows and columns) plus the lab's largest layer.
const SHAPES: [number, number, number][] = [];
for (const m of [1, 2, 3, 4, 5, 7, 8, 9])
  for (const inSize of [1, 3, 4, 6])
    for (const outSize of [1, 2, 4, 5, 8, 9]) SHAPES.push([m, inSize, outSize]);
SHAPES.push([200, 256, 256], [200, 2, 256], [200, 256, 1]);

describe('blocked matrix products', () => {
  it('compute Z = A Wᵀ + b bit for bit as the plain loop', () => {
    for (const [m, inSize, outSize] of SHAPES) {
      const A = values(m * inSize, m * 31 + inSize);
      const wo = 3; // W not at the start of the vector, as in every layer after the first
      const params = values(wo + outSize * inSize + outSize, outSize * 7 + 1, 0.05);
      const bo = wo + outSize * inSize;
      const got = new Float64Array(m * outSize).fill(NaN);
      const want = new Float64Array(m * outSize).fill(NaN);
      linearForward(A, m, inSize, params, wo, bo, outSize, got);
      reference.linearForward(A, m, inSize, params, wo, bo, outSize, want);
      expect(bitwiseDiff(got, want), `${m}×${inSize}→${outSize}`).toEqual([]);
    }
  });

  it('compute ∂L/∂W and ∂L/∂b bit for bit as the plain loop, dead units included', () => {
    for (const [m, inSize, outSize] of SHAPES) {
      const A = values(m * inSize, m + inSize * 13);
      const dZ = deltas(m, outSize, outSize * 5 + m);
      const wo = 2;
      const size = wo + outSize * inSize + outSize;
      const got = values(size, 9); // stale values must be overwritten
      const want = values(size, 9);
      weightGradient(dZ, A, m, inSize, outSize, got, wo, wo + outSize * inSize);
      reference.weightGradient(dZ, A, m, inSize, outSize, want, wo, wo + outSize * inSize);
      expect(bitwiseDiff(got, want), `${m}×${inSize}→${outSize}`).toEqual([]);
    }
  });

  it('add δ W to ∂L/∂a_prev bit for bit as the plain loop, keeping what was there', () => {
    for (const [m, inSize, outSize] of SHAPES) {
      const dZ = deltas(m, outSize, m * 3 + outSize);
      const wo = 5;
      const params = values(wo + outSize * inSize + outSize, inSize * 11 + 2, 0.05);
      const got = values(m * inSize, 4); // a residual's ∂L/∂a already in place
      const want = values(m * inSize, 4);
      inputGradient(dZ, params, wo, m, inSize, outSize, got);
      reference.inputGradient(dZ, params, wo, m, inSize, outSize, want);
      expect(bitwiseDiff(got, want), `${m}×${inSize}→${outSize}`).toEqual([]);
    }
  });

  it('propagate a non-finite value where the plain loop does', () => {
    const [m, inSize, outSize] = [8, 4, 8];
    const A = values(m * inSize, 1);
    A[5] = Infinity;
    const dZ = deltas(m, outSize, 2);
    dZ[9] = NaN;
    const got = new Float64Array(outSize * inSize + outSize);
    const want = new Float64Array(outSize * inSize + outSize);
    weightGradient(dZ, A, m, inSize, outSize, got, 0, outSize * inSize);
    reference.weightGradient(dZ, A, m, inSize, outSize, want, 0, outSize * inSize);
    expect(got.some((v) => Number.isNaN(v))).toBe(true);
    expect(bitwiseDiff(got, want)).toEqual([]);
  });
});
