import { describe, expect, it } from 'vitest';
import fixture from '../__fixtures__/landscape/pca.json';
import { expectAllClose } from '../nn/fixtures.test-util';
import { fixtureLoss } from './fixtures.test-util';
import type { FixtureNetwork } from './fixtures.test-util';
import { pathPlaneLosses, pcaOfPath, symmetricEigen } from './pca';
import type { PathCenter } from './pca';

interface NumpyPca {
  directions: number[][];
  explained_variance_ratio: number[];
  coords: number[][];
  plane_loss: number[];
  true_loss: number[];
}
const FIXTURE = fixture as unknown as {
  torch: string;
  network: FixtureNetwork;
  snapshots: number[][];
  pca: Record<PathCenter, NumpyPca>;
};
const snapshots = FIXTURE.snapshots.map((s) => Float64Array.from(s));

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

describe('PCA of a saved training path matches numpy.linalg.svd', () => {
  it('the path was saved from torch 2.x SGD', () => {
    expect(FIXTURE.torch).toMatch(/^2\./);
    expect(snapshots.length).toBeGreaterThan(20);
  });
  for (const center of ['mean', 'final'] as const) {
    it(`centred on the ${center}: directions, explained variance, projections, losses`, () => {
      const want = FIXTURE.pca[center];
      const pca = pcaOfPath(snapshots, center);
      expectAllClose(pca.explainedVarianceRatio, want.explained_variance_ratio, 'ratio', 1e-9, 0);
      // Both sides flip each direction so its largest-magnitude entry is positive.
      expectAllClose(pca.d1, want.directions[0]!, 'd1', 1e-8, 1e-11);
      expectAllClose(pca.d2, want.directions[1]!, 'd2', 1e-8, 1e-11);
      const scale = Math.max(...want.coords.flat().map(Math.abs));
      expectAllClose(pca.coords, want.coords.flat(), 'coords', 1e-9, 1e-12 * scale);
      const { f } = fixtureLoss(FIXTURE.network);
      const losses = pathPlaneLosses(f, pca, snapshots);
      expectAllClose(losses.true, want.true_loss, 'true loss', 1e-9, 0);
      expectAllClose(losses.plane, want.plane_loss, 'plane loss', 1e-9, 0);
      // The final weights are the plane's origin: there the picture is exact.
      expect(losses.plane[snapshots.length - 1]).toBe(losses.true[snapshots.length - 1]);
    });
  }

  it('the projection hides something on this path, and more for points far from the plane', () => {
    const pca = pcaOfPath(snapshots);
    const { f } = fixtureLoss(FIXTURE.network);
    const { plane, true: real } = pathPlaneLosses(f, pca, snapshots);
    const gaps = Array.from(plane, (p, i) => Math.abs(p - real[i]!));
    expect(Math.max(...gaps)).toBeGreaterThan(1e-3);
    expect(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]).toBeLessThan(1);
  });
});

describe('PCA of constructed paths', () => {
  const P = 30;
  const base = Float64Array.from({ length: P }, (_, i) => Math.cos(i));
  const u = Float64Array.from({ length: P }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const w = Float64Array.from({ length: P }, (_, i) => (i % 3 === 1 ? 0.5 : 0));

  it('a path inside a plane: directions orthonormal, ratios sum to 1, plane loss = true loss', () => {
    const path = Array.from({ length: 12 }, (_, t) =>
      Float64Array.from(base, (b, i) => b + Math.sin(t) * u[i]! + ((t * t) / 50) * w[i]!),
    );
    const pca = pcaOfPath(path);
    expect(dot(pca.d1, pca.d1)).toBeCloseTo(1, 14);
    expect(dot(pca.d2, pca.d2)).toBeCloseTo(1, 14);
    expect(Math.abs(dot(pca.d1, pca.d2))).toBeLessThan(1e-14);
    expect(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]).toBeCloseTo(1, 12);
    // Reconstructing each snapshot from its coordinates gives it back.
    path.forEach((s, t) => {
      const x = pca.coords[2 * t]!;
      const y = pca.coords[2 * t + 1]!;
      for (let i = 0; i < P; i++) {
        expect(pca.origin[i]! + x * pca.d1[i]! + y * pca.d2[i]!).toBeCloseTo(s[i]!, 12);
      }
    });
  });

  it('a straight path: d2 is still a unit vector orthogonal to d1, explaining 0', () => {
    const path = Array.from({ length: 5 }, (_, t) =>
      Float64Array.from(base, (b, i) => b + t * u[i]!),
    );
    const pca = pcaOfPath(path, 'final');
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(1, 14);
    expect(pca.explainedVarianceRatio[1]).toBe(0);
    expect(dot(pca.d2, pca.d2)).toBeCloseTo(1, 14);
    expect(Math.abs(dot(pca.d1, pca.d2))).toBeLessThan(1e-14);
    expect(() => pcaOfPath([base])).toThrow(RangeError);
  });

  it('two paths together: one plane through a given origin, each path projected onto it', () => {
    const start = Float64Array.from(base);
    const pathA = Array.from({ length: 6 }, (_, t) =>
      Float64Array.from(base, (b, i) => b + t * u[i]! + 0.1 * t * t * w[i]!),
    );
    const pathB = Array.from({ length: 6 }, (_, t) =>
      Float64Array.from(base, (b, i) => b - 0.5 * t * u[i]! + t * w[i]!),
    );
    const pca = pcaOfPath([...pathA, ...pathB], 'mean', start);
    expect(pca.origin).toBe(start);
    // Both paths start at the shared origin, so both project to (0, 0) there.
    expect([pca.coords[0], pca.coords[1], pca.coords[12], pca.coords[13]]).toEqual([0, 0, 0, 0]);
    expect(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]).toBeCloseTo(1, 12);
    expect(() => pcaOfPath(pathA, 'mean', new Float64Array(3))).toThrow(RangeError);
  });

  it('symmetricEigen reconstructs A = V Λ Vᵀ with descending eigenvalues', () => {
    const n = 7;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++)
        A[i * n + j] = A[j * n + i] = Math.sin(i * 3 + j) + (i === j ? i : 0);
    const { values, vectors } = symmetricEigen(A, n);
    for (let k = 1; k < n; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += values[k]! * vectors[k]![i]! * vectors[k]![j]!;
        expect(s).toBeCloseTo(A[i * n + j]!, 12);
      }
    }
  });
});
