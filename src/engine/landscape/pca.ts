/**
 * PCA of a training path (Li et al. 2018, §7 "Visualizing optimization paths"): the two directions
 * in which the saved weight snapshots θ₀ … θₙ vary most, how much of the path's variance they hold,
 * and where every snapshot lands on the plane they span through the final weights θₙ.
 *
 * Centring. Li et al. build the matrix of θᵢ − θₙ and hand it to sklearn's PCA, which subtracts
 * its column means again, so the directions their code draws are those of the mean-centred path;
 * that is `'mean'`, the default: it answers "along which directions did training move most", and
 * its explained-variance ratio is sklearn's `explained_variance_ratio_`. `'final'` skips the second
 * centring (the SVD of θᵢ − θₙ itself, as the paper's text reads): its ratio measures the share of
 * Σ‖θᵢ − θₙ‖², the distance still to travel. Either way the plane passes through θₙ, so the
 * trained net sits at (0, 0) and the picture's origin is a real network.
 *
 * Method: the top eigenvectors u of the n × n Gram matrix G = M Mᵀ (cyclic Jacobi, exact for
 * symmetric matrices) give the directions v = Mᵀu / σ with σ² = λ; this is numpy.linalg.svd's
 * answer for the few dozen to few hundred snapshots a path keeps, at O(n²P + n³) cost.
 * Sign convention: each direction is flipped so that its entry of largest magnitude is positive.
 */
import { createPlaneEvaluator } from './plane';
import type { LossFunction } from './problem';

/** What the snapshots are centred on before the SVD (module comment). */
export type PathCenter = 'mean' | 'final';

/** The principal plane of a path. */
export interface PathPca {
  /** Centring used. */
  readonly center: PathCenter;
  /** The plane's origin: the final snapshot θₙ unless given (not copied). */
  readonly origin: Float64Array;
  /** First principal direction, unit length. */
  readonly d1: Float64Array;
  /** Second principal direction, unit length, orthogonal to d1. */
  readonly d2: Float64Array;
  /** Fraction of the path's variance along d1 and d2: σₖ² / Σσ², in [0, 1]. */
  readonly explainedVarianceRatio: readonly [number, number];
  /** Snapshot i projects to (coords[2i], coords[2i+1]) = (⟨θᵢ − θₙ, d1⟩, ⟨θᵢ − θₙ, d2⟩). */
  readonly coords: Float64Array;
}

/** Eigenvalues (descending) and unit eigenvectors (vectors[k] is the k-th) of a symmetric matrix. */
export function symmetricEigen(
  a: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array[] } {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += A[i * n + i]! * A[i * n + i]!;
      for (let j = i + 1; j < n; j++) off += A[i * n + j]! * A[i * n + j]!;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (apq === 0) continue;
        // Rotation that zeroes A[p][q] (Golub & Van Loan, Algorithm 8.5.1).
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!;
          const akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!;
          const aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!;
          const vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => A[j * n + j]! - A[i * n + i]!,
  );
  return {
    values: Float64Array.from(order, (i) => A[i * n + i]!),
    vectors: order.map((col) => Float64Array.from({ length: n }, (_, k) => V[k * n + col]!)),
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Flips `v` in place so its entry of largest magnitude (first on ties) is positive. */
function signConvention(v: Float64Array): void {
  let at = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[at]!)) at = i;
  if (v[at]! < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
}

/**
 * The principal plane of a path of `snapshots` (each the flat parameter vector, all one length;
 * the last one is the final weights θₙ). Several optimizers' paths go in together, concatenated;
 * `origin` then names the plane's origin (default: the last snapshot), which 'final' centring also
 * uses. Needs at least 2 snapshots; throws RangeError otherwise. When the path spans a single line
 * (rank 1), d2 is a unit vector orthogonal to d1 along the coordinate where d1 is smallest, and its
 * explained ratio is 0. Cost O(n²P + n³) for n snapshots of P parameters: keep n to a few hundred
 * (subsample a long path).
 */
export function pcaOfPath(
  snapshots: readonly Float64Array[],
  center: PathCenter = 'mean',
  origin: Float64Array = snapshots[snapshots.length - 1] ?? new Float64Array(0),
): PathPca {
  const n = snapshots.length;
  if (n < 2) throw new RangeError(`PCA of a path needs at least 2 snapshots, got ${n}`);
  const P = snapshots[0]!.length;
  if (snapshots.some((s) => s.length !== P) || origin.length !== P) {
    throw new RangeError('every snapshot and the origin need the same number of parameters');
  }
  const c = new Float64Array(P);
  if (center === 'final') c.set(origin);
  else {
    for (const s of snapshots) for (let k = 0; k < P; k++) c[k]! += s[k]!;
    for (let k = 0; k < P; k++) c[k]! /= n;
  }
  const M = snapshots.map((s) => Float64Array.from(s, (v, k) => v - c[k]!));
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const g = dot(M[i]!, M[j]!);
      G[i * n + j] = g;
      G[j * n + i] = g;
    }
  }
  let trace = 0;
  for (let i = 0; i < n; i++) trace += G[i * n + i]!;
  const { values, vectors } = symmetricEigen(G, n);
  const dirs: Float64Array[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < 2; k++) {
    const lambda = Math.max(values[k] ?? 0, 0);
    const u = vectors[k];
    const d = new Float64Array(P);
    if (u && lambda > 1e-12 * trace && trace > 0) {
      for (let i = 0; i < n; i++) {
        const ui = u[i]!;
        const row = M[i]!;
        for (let p = 0; p < P; p++) d[p]! += ui * row[p]!;
      }
      // Normalise explicitly rather than dividing by √λ: rounding in λ would leak into ‖d‖.
      const norm = Math.sqrt(dot(d, d));
      for (let p = 0; p < P; p++) d[p]! /= norm;
      ratios.push(lambda / trace);
    } else {
      // Degenerate path: any unit vector orthogonal to the previous direction(s).
      const prev = dirs[0];
      let at = 0;
      if (prev) for (let p = 1; p < P; p++) if (Math.abs(prev[p]!) < Math.abs(prev[at]!)) at = p;
      d[at] = 1;
      if (prev) {
        const proj = prev[at]!;
        for (let p = 0; p < P; p++) d[p]! -= proj * prev[p]!;
        const norm = Math.sqrt(dot(d, d));
        for (let p = 0; p < P; p++) d[p]! /= norm;
      }
      ratios.push(0);
    }
    signConvention(d);
    dirs.push(d);
  }
  const [d1, d2] = dirs as [Float64Array, Float64Array];
  const coords = new Float64Array(2 * n);
  const diff = new Float64Array(P);
  snapshots.forEach((s, i) => {
    for (let p = 0; p < P; p++) diff[p] = s[p]! - origin[p]!;
    coords[2 * i] = dot(diff, d1);
    coords[2 * i + 1] = dot(diff, d2);
  });
  return {
    center,
    origin,
    d1,
    d2,
    explainedVarianceRatio: [ratios[0]!, ratios[1]!],
    coords,
  };
}

/**
 * For every snapshot: the loss the plane shows at its projection, L(θₙ + xᵢ d1 + yᵢ d2), and the
 * true loss L(θᵢ) at the real weights. Their difference is what the 2-D picture hides.
 */
export function pathPlaneLosses(
  f: LossFunction,
  pca: PathPca,
  snapshots: readonly Float64Array[],
): { readonly plane: Float64Array; readonly true: Float64Array } {
  const plane = createPlaneEvaluator(f, pca.origin, pca.d1, pca.d2);
  const n = snapshots.length;
  const onPlane = new Float64Array(n);
  const real = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    onPlane[i] = plane.lossAt(pca.coords[2 * i]!, pca.coords[2 * i + 1]!);
    real[i] = f.value(snapshots[i]!);
  }
  return { plane: onPlane, true: real };
}
