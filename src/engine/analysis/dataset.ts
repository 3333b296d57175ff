/**
 * The mini-batch playground's data (note 001): a two-parameter model fitted to a data set generated
 * from a seed, so its loss is a real surface over (w, b) and a mini-batch gradient a real sample.
 *
 * - 'linear': y = w·x + b + noise, loss = mean squared error (torch's MSELoss, mean reduction).
 * - 'logistic': label ~ Bernoulli(σ(w·x + b)), loss = mean binary cross-entropy
 *   (torch's BCEWithLogitsLoss, computed the same stable way: softplus(z) − y·z).
 *
 * The surface's x axis is w and its y axis is b.
 */
import { createRng } from '../nn/rng';
import type { Domain, DomainPoint, Surface } from '../types';

/** Which model the data is for. */
export type RegressionKind = 'linear' | 'logistic';

/** Inputs and targets of one seeded data set. */
export interface RegressionDataset {
  readonly kind: RegressionKind;
  readonly seed: number;
  /** Number of examples N. */
  readonly n: number;
  /** x_i. */
  readonly inputs: Float64Array;
  /** y_i (real for 'linear', 0 or 1 for 'logistic'). */
  readonly targets: Float64Array;
  /** The (w, b) the data was generated from (not the fitted optimum). */
  readonly truth: DomainPoint;
}

/** Generating parameters: x ~ N(mean, sd²); an off-centre x mean couples w and b (tilted contours). */
const GENERATORS = {
  linear: { w: 2, b: -1, xMean: 1, xSd: 1, noiseSd: 0.5 },
  logistic: { w: 1.5, b: -0.5, xMean: 0.5, xSd: 1.5, noiseSd: 0 },
} as const;

/** Most examples a data set may hold (each full-batch gradient touches them all). */
export const MAX_DATASET_SIZE = 10_000;

/** A data set of `n` examples drawn from `seed`: same seed, same numbers. */
export function makeDataset(kind: RegressionKind, n: number, seed: number): RegressionDataset {
  if (!Number.isInteger(n) || n < 2 || n > MAX_DATASET_SIZE) {
    throw new RangeError(`dataset size must be an integer in [2, ${MAX_DATASET_SIZE}], got ${n}`);
  }
  const g = GENERATORS[kind];
  const rng = createRng(seed);
  const inputs = new Float64Array(n);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = g.xMean + g.xSd * rng.normal();
    inputs[i] = x;
    const z = g.w * x + g.b;
    targets[i] = kind === 'linear' ? z + g.noiseSd * rng.normal() : rng.next() < sigmoid(z) ? 1 : 0;
  }
  return { kind, seed, n, inputs, targets, truth: [g.w, g.b] };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Mean loss and its gradient with respect to (w, b) over examples order[from … to−1], written into
 * out[0..1]; returns the mean loss. The one routine behind both the full-batch surface (identity
 * order) and the mini-batches, so a batch of all N examples gives bit-identical numbers.
 */
export function batchGradient(
  data: RegressionDataset,
  order: Uint32Array,
  from: number,
  to: number,
  w: number,
  b: number,
  out: Float64Array,
): number {
  const { inputs, targets } = data;
  let loss = 0;
  let gw = 0;
  let gb = 0;
  if (data.kind === 'linear') {
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      const x = inputs[i]!;
      const r = w * x + b - targets[i]!;
      loss += r * r;
      gw += 2 * r * x;
      gb += 2 * r;
    }
  } else {
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      const x = inputs[i]!;
      const y = targets[i]!;
      const z = w * x + b;
      loss += softplus(z) - y * z;
      const d = sigmoid(z) - y;
      gw += d * x;
      gb += d;
    }
  }
  const count = to - from;
  out[0] = gw / count;
  out[1] = gb / count;
  return loss / count;
}

/** Exact full-batch Hessian [L_ww, L_wb, L_bb] at (w, b). */
function fullHessian(data: RegressionDataset, w: number, b: number, out: Float64Array): void {
  const { inputs, n } = data;
  let hww = 0;
  let hwb = 0;
  let hbb = 0;
  for (let i = 0; i < n; i++) {
    const x = inputs[i]!;
    // MSE: 2·[x², x; x, 1]; BCE: σ(1 − σ)·[x², x; x, 1].
    let s = 2;
    if (data.kind === 'logistic') {
      const p = sigmoid(w * x + b);
      s = p * (1 - p);
    }
    hww += s * x * x;
    hwb += s * x;
    hbb += s;
  }
  out[0] = hww / n;
  out[1] = hwb / n;
  out[2] = hbb / n;
}

/** The identity order 0 … n−1, the full batch. */
export function identityOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * The loss minimiser: the exact least-squares solution of the 2×2 normal equations for 'linear';
 * Newton's method with step halving for 'logistic' (convex, so it converges unless the classes are
 * separable, when the optimum is at infinity: undefined).
 */
export function datasetOptimum(data: RegressionDataset): DomainPoint | undefined {
  const { inputs, targets, n } = data;
  if (data.kind === 'linear') {
    let sxx = 0;
    let sx = 0;
    let sxy = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      const x = inputs[i]!;
      sxx += x * x;
      sx += x;
      sxy += x * targets[i]!;
      sy += targets[i]!;
    }
    const det = sxx * n - sx * sx;
    if (!(Math.abs(det) > 1e-12 * sxx * n)) return undefined;
    return [(sxy * n - sx * sy) / det, (sxx * sy - sx * sxy) / det];
  }
  const order = identityOrder(n);
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  let w = 0;
  let b = 0;
  let loss = batchGradient(data, order, 0, n, w, b, g);
  for (let iter = 0; iter < 100; iter++) {
    fullHessian(data, w, b, h);
    const det = h[0]! * h[2]! - h[1]! * h[1]!;
    if (!(det > 0)) return undefined;
    const dw = (h[2]! * g[0]! - h[1]! * g[1]!) / det;
    const db = (h[0]! * g[1]! - h[1]! * g[0]!) / det;
    let t = 1;
    let nw = w - dw;
    let nb = b - db;
    let next = batchGradient(data, order, 0, n, nw, nb, g);
    while (next > loss && t > 1e-10) {
      t /= 2;
      nw = w - t * dw;
      nb = b - t * db;
      next = batchGradient(data, order, 0, n, nw, nb, g);
    }
    const moved = Math.hypot(nw - w, nb - b);
    w = nw;
    b = nb;
    loss = next;
    if (Math.hypot(w, b) > 1e4) return undefined;
    if (moved <= 1e-14 * (1 + Math.hypot(w, b))) break;
  }
  return Math.hypot(g[0]!, g[1]!) < 1e-8 ? [w, b] : undefined;
}

/**
 * The full-batch loss over (w, b) as a Surface with exact gradient and Hessian. Its domain is
 * centred on the optimum (the generating parameters when there is none) and wide enough to include
 * the origin; its minima list holds the optimum (empty for separable logistic data).
 */
export function datasetSurface(data: RegressionDataset): Surface {
  const order = identityOrder(data.n);
  const optimum = datasetOptimum(data);
  const centre = optimum ?? data.truth;
  const half = Math.max(3, 1.5 * Math.max(Math.abs(centre[0]), Math.abs(centre[1])));
  const domain: Domain = {
    x: [centre[0] - half, centre[0] + half],
    y: [centre[1] - half, centre[1] + half],
  };
  const scratch = new Float64Array(2);
  const linear = data.kind === 'linear';
  return {
    id: linear ? 'dataset-linear' : 'dataset-logistic',
    label: linear
      ? `Linear regression, MSE (N = ${data.n}, seed ${data.seed})`
      : `Logistic regression, BCE (N = ${data.n}, seed ${data.seed})`,
    tex: linear
      ? 'L(w, b) = \\frac{1}{N}\\sum_{i=1}^{N} (w x_i + b - y_i)^{2}'
      : 'L(w, b) = \\frac{1}{N}\\sum_{i=1}^{N} \\left[\\log\\left(1 + e^{w x_i + b}\\right) - y_i (w x_i + b)\\right]',
    f: (w, b) => batchGradient(data, order, 0, data.n, w, b, scratch),
    grad: (w, b, out) => batchGradient(data, order, 0, data.n, w, b, out),
    hessian: (w, b, out) => fullHessian(data, w, b, out),
    domain,
    minima: optimum ? [optimum] : [],
  };
}
