/**
 * The lab's loss landscape, as the worker computes it: the loss of the lab's network on its
 * training batch (binary cross-entropy, batch norm in training mode: the lab's own forward pass) on
 * a plane through the current weights θ, coarse to fine, with directions drawn at random (Li et
 * al. 2018's filter-normalised ones, or raw) or taken from the PCA of the saved training paths;
 * every path projected onto a PCA plane with the loss the plane shows there and the true loss at
 * the real weights; and Goodfellow et al. 2015's 1-D interpolation from θ₀ to θ. Plain functions
 * over src/engine/landscape: the worker, the main-thread stand-in, the tests and the bench share them.
 */
import { randomDirection } from '../../engine/landscape/directions';
import { pathPlaneLosses, pcaOfPath } from '../../engine/landscape/pca';
import { createPlaneEvaluator } from '../../engine/landscape/plane';
import type { PlaneEvaluator } from '../../engine/landscape/plane';
import { createLossFunction } from '../../engine/landscape/problem';
import { sharpness } from '../../engine/landscape/sharpness';
import type { LossFunction } from '../../engine/landscape/problem';
import { progressiveGrid } from '../../engine/landscape/progressive';
import type { CancelFlag } from '../../engine/landscape/progressive';
import { buildNetwork } from '../../engine/nn/network';
import { createRng } from '../../engine/nn/rng';
import type { LabConfig } from '../../engine/nn/labConfig';
import { LAB_LOSS, labDataset, labNetworkSpec } from './model';
import type {
  LabReply,
  LandscapeRequest,
  LandscapeResult,
  ProjectedPath,
  SharpnessRequest,
  SharpnessResult,
  SharpnessSeries,
  TrainingPath,
} from './protocol';

/** Grid points per side of a slice when the network is small enough (DESIGN.md: 41 × 41). */
export const LANDSCAPE_SIDE = 41;
/** Smallest side a big network's slice shrinks to. */
export const MIN_LANDSCAPE_SIDE = 9;
/**
 * Parameter × sample products one slice may cost: a 41 × 41 slice of a 6 × 16 net (1,153
 * parameters) on 200 points is 3.9e8, DESIGN.md's 2 s budget; bigger nets get a coarser grid.
 */
export const LANDSCAPE_BUDGET = 4e8;
/** The 1-D interpolation's t runs over [T_MIN, T_MAX] (beyond both ends, as Goodfellow et al.). */
export const INTERPOLATION_T: readonly [number, number] = [-0.25, 1.25];
/** Points of the 1-D interpolation on a small net (t = 0 and t = 1 fall on it: 60 is a multiple of 6). */
export const INTERPOLATION_POINTS = 61;
/** Fewer points for big nets, each with t = 0 and t = 1 on the grid (n − 1 a multiple of 6). */
const INTERPOLATION_CHOICES = [61, 31, 13] as const;

/**
 * Points of the 1-D interpolation for a net of `paramCount` parameters on `batch` samples: 61
 * unless that would cost over a quarter of {@link LANDSCAPE_BUDGET}, then 31 or 13.
 */
export function interpolationPoints(paramCount: number, batch: number): number {
  const cost = Math.max(1, paramCount * batch);
  return INTERPOLATION_CHOICES.find((n) => n * cost <= LANDSCAPE_BUDGET / 4) ?? 13;
}
/** Random directions span α, β ∈ [−RANDOM_SPAN, RANDOM_SPAN] (Li et al.'s plots use 1). */
export const RANDOM_SPAN = 1;
/** A PCA plane covers the projected paths with this margin on each side (a share of their span). */
export const PCA_MARGIN = 0.25;
/** Progress replies are posted at most this often (ms), and at the end of every pass. */
const PROGRESS_MS = 80;

/**
 * Odd grid side (so α = 0 and β = 0 lie on the grid) for a net of `paramCount` parameters on
 * `batch` samples: `wanted` (at most) unless that would cost over {@link LANDSCAPE_BUDGET}.
 */
export function landscapeSide(paramCount: number, batch: number, wanted = LANDSCAPE_SIDE): number {
  const fit = Math.floor(Math.sqrt(LANDSCAPE_BUDGET / Math.max(1, paramCount * batch)));
  const side = Math.max(MIN_LANDSCAPE_SIDE, Math.min(Math.floor(wanted), fit));
  return side % 2 === 1 ? side : side - 1;
}

/** `n` evenly spaced values from lo to hi inclusive. */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) =>
    n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1),
  );
}

/**
 * `n` values k·h − m·h spanning about [lo, hi] (lo ≤ 0 ≤ hi) with 0 exactly on the grid at index
 * m, so the plane's origin, the real current weights, is a grid point.
 */
export function axisThroughZero(lo: number, hi: number, n: number): Float64Array {
  const h = (hi - lo) / Math.max(1, n - 1);
  const m = Math.max(0, Math.min(n - 1, Math.round(-lo / h)));
  return Float64Array.from({ length: n }, (_, k) => (k - m) * h);
}

/**
 * Axis values of a PCA plane: the projected points' range (always including the origin 0) widened
 * by {@link PCA_MARGIN} of its span on each side, with 0 on the grid. A flat range (all points on
 * one line) takes half the other axis's span, so the grid still has an extent. `coords` is
 * [x0, y0, x1, y1, …].
 */
export function pcaAxes(
  coords: Float64Array,
  side: number,
): { alphas: Float64Array; betas: Float64Array } {
  const range = (k: 0 | 1): [number, number] => {
    let lo = 0;
    let hi = 0;
    for (let i = k; i < coords.length; i += 2) {
      lo = Math.min(lo, coords[i]!);
      hi = Math.max(hi, coords[i]!);
    }
    return [lo, hi];
  };
  let [x0, x1] = range(0);
  let [y0, y1] = range(1);
  const tiny = 1e-9 * Math.max(1e-300, x1 - x0, y1 - y0);
  if (x1 - x0 <= tiny && y1 - y0 <= tiny) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  if (y1 - y0 <= tiny) [y0, y1] = [y0 - (x1 - x0) / 4, y1 + (x1 - x0) / 4];
  if (x1 - x0 <= tiny) [x0, x1] = [x0 - (y1 - y0) / 4, x1 + (y1 - y0) / 4];
  const mx = PCA_MARGIN * (x1 - x0);
  const my = PCA_MARGIN * (y1 - y0);
  return {
    alphas: axisThroughZero(x0 - mx, x1 + mx, side),
    betas: axisThroughZero(y0 - my, y1 + my, side),
  };
}

/** The training loss of a lab configuration as a function of θ (its network, data, LAB_LOSS, train-mode BN). */
export function labLossFunction(config: LabConfig): LossFunction {
  const net = buildNetwork(labNetworkSpec(config));
  const data = labDataset(config);
  return createLossFunction({
    net,
    input: data.input,
    target: data.target,
    loss: LAB_LOSS,
    batch: data.count,
  });
}

/** Whether two configurations have the same loss landscape: one network layout on the same data. */
export function sameLandscape(a: LabConfig, b: LabConfig): boolean {
  return (
    JSON.stringify(labNetworkSpec(a)) === JSON.stringify(labNetworkSpec(b)) &&
    a.dataset === b.dataset &&
    a.seed === b.seed
  );
}

function snapshotsOf(path: TrainingPath): Float64Array[] {
  const P = path.paramCount;
  return Array.from(path.steps, (_, i) => path.params.subarray(i * P, (i + 1) * P));
}

/** Checks a request's paths against each other and the first one's network; throws naming the field. */
function checkPaths(request: LandscapeRequest, f: LossFunction): void {
  const P = f.problem.net.paramCount;
  if (request.paths.length === 0)
    throw new RangeError('paths: at least one training path is needed');
  request.paths.forEach((path, k) => {
    if (
      path.paramCount !== P ||
      path.params.length !== path.steps.length * P ||
      path.steps.length < 1
    )
      throw new RangeError(`paths[${k}]: expected snapshots of ${P} parameters`);
    if (k > 0 && !sameLandscape(request.paths[0]!.config, path.config))
      throw new RangeError(
        `paths[${k}]: another network or data set than paths[0]; it does not live on this landscape`,
      );
    if (!path.params.every(Number.isFinite))
      throw new RangeError(`paths[${k}]: the weights are not finite (the run diverged)`);
  });
  if (request.directions === 'pca' && request.paths.reduce((n, p) => n + p.steps.length, 0) < 2)
    throw new RangeError('directions: the PCA of a path needs at least two snapshots; train first');
}

/**
 * L((1 − t)·θ₀ + t·θ) at `points` values of t over INTERPOLATION_T (Goodfellow et
 * al. 2015, "Qualitatively characterizing neural network optimization problems"): t = 0 is the
 * initial net, t = 1 the current one.
 */
export function interpolate(
  f: LossFunction,
  initial: Float64Array,
  current: Float64Array,
  points = interpolationPoints(initial.length, f.problem.batch),
): { t: Float64Array; loss: Float64Array } {
  const t = linspace(INTERPOLATION_T[0], INTERPOLATION_T[1], points);
  const d = Float64Array.from(current, (v, k) => v - initial[k]!);
  const line = createPlaneEvaluator(f, initial, d, new Float64Array(d.length));
  return { t, loss: Float64Array.from(t, (tt) => line.lossAt(tt, 0)) };
}

/** The plane, its axes and the projected paths of a request, before any grid point is computed. */
export function landscapePlane(
  request: LandscapeRequest,
  f: LossFunction,
): {
  plane: PlaneEvaluator;
  alphas: Float64Array;
  betas: Float64Array;
  explained: readonly [number, number] | null;
  paths: ProjectedPath[];
} {
  checkPaths(request, f);
  const first = request.paths[0]!;
  const P = first.paramCount;
  const theta = first.params.subarray(first.params.length - P);
  const { net } = f.problem;
  const side = landscapeSide(P, f.problem.batch, request.side);
  if (request.directions !== 'pca') {
    const rng = createRng(request.seed);
    const d1 = randomDirection(net, theta, rng, request.directions);
    const d2 = randomDirection(net, theta, rng, request.directions);
    const axis = linspace(-RANDOM_SPAN, RANDOM_SPAN, side);
    return {
      plane: createPlaneEvaluator(f, theta, d1, d2),
      alphas: axis,
      betas: Float64Array.from(axis),
      explained: null,
      paths: [],
    };
  }
  const perPath = request.paths.map(snapshotsOf);
  const pca = pcaOfPath(perPath.flat(), 'mean', theta);
  const { alphas, betas } = pcaAxes(pca.coords, side);
  let at = 0;
  const paths = request.paths.map((path, k) => {
    const n = path.steps.length;
    const own = { ...pca, coords: pca.coords.subarray(2 * at, 2 * (at + n)) };
    const losses = pathPlaneLosses(f, own, perPath[k]!);
    at += n;
    return {
      steps: Float64Array.from(path.steps),
      coords: Float64Array.from(own.coords),
      planeLoss: losses.plane,
      trueLoss: losses.true,
    };
  });
  return {
    plane: createPlaneEvaluator(f, theta, pca.d1, pca.d2),
    alphas,
    betas,
    explained: pca.explainedVarianceRatio,
    paths,
  };
}

/** Copies of a result's arrays, so a progress reply can be transferred while the grid fills on. */
function copyResult(r: LandscapeResult): LandscapeResult {
  return { ...r, grid: Float64Array.from(r.grid) };
}

/**
 * Runs one landscape request: posts a 'landscape-progress' reply once the plane, the projected
 * paths and the interpolation are known, then after each pass of the grid (coarse first) and at
 * most every PROGRESS_MS in between, and finally the 'landscape' reply; or an 'error' reply. Stops
 * quietly when `signal` is set (the main-thread stand-in's terminate); in a worker the client
 * cancels by terminating it. `pause`, when given, is awaited between rows (the main thread uses it
 * to stay responsive).
 */
export async function runLandscape(
  request: LandscapeRequest,
  post: (reply: LabReply) => void,
  signal: CancelFlag = { aborted: false },
  pause?: () => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<void> {
  const { id, runId } = request;
  try {
    const first = request.paths[0];
    if (!first) throw new RangeError('paths: at least one training path is needed');
    const f = labLossFunction(first.config);
    const { plane, alphas, betas, explained, paths } = landscapePlane(request, f);
    const P = first.paramCount;
    const theta = first.params.subarray(first.params.length - P);
    const total = alphas.length * betas.length;
    const result: LandscapeResult = {
      directions: request.directions,
      alphas,
      betas,
      grid: new Float64Array(total).fill(Number.NaN),
      knownStride: 0,
      done: 0,
      total,
      originLoss: f.value(theta),
      originStep: first.steps[first.steps.length - 1]!,
      explained,
      paths,
      interpolation: interpolate(f, first.params.subarray(0, P), theta),
    };
    let state = result;
    post({ id, runId, type: 'landscape-progress', result: copyResult(state) });
    let last = now();
    const rows = progressiveGrid(plane, alphas, betas, { signal, grid: result.grid });
    for (let r = rows.next(); !r.done; r = rows.next()) {
      const u = r.value;
      // The pass ends with its last row: after it, every multiple of its stride is known.
      const passEnd = u.row + u.stride >= alphas.length;
      state = { ...state, done: u.done, knownStride: passEnd ? u.stride : state.knownStride };
      if (passEnd || now() - last >= PROGRESS_MS) {
        if (u.done < total)
          post({ id, runId, type: 'landscape-progress', result: copyResult(state) });
        last = now();
      }
      if (pause) await pause();
      if (signal.aborted) return;
    }
    if (signal.aborted) return;
    post({ id, runId, type: 'landscape', result: state });
  } catch (error) {
    post({
      id,
      runId,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Power iteration's tolerance for the chart: ‖Hv − λv‖ ≤ 1e−4·|λ| (four digits, far below a pixel). */
export const SHARPNESS_TOLERANCE = 1e-4;
/** Hessian-vector products per snapshot at most. */
export const SHARPNESS_ITERATIONS = 500;

/** Up to `points` indices of 0 … n − 1, evenly spread, the first and last always. */
export function evenIndices(n: number, points: number): number[] {
  if (n <= points) return Array.from({ length: n }, (_, i) => i);
  const m = Math.max(2, points);
  return [...new Set(Array.from({ length: m }, (_, k) => Math.round((k * (n - 1)) / (m - 1))))];
}

/**
 * Runs one sharpness request: λ_max of ∇²L at evenly picked snapshots of every path (power
 * iteration on Hessian-vector products, src/engine/landscape/sharpness.ts, each run warm-started
 * from the previous snapshot's eigenvector), posting 'sharpness-progress' after each snapshot (at
 * most every PROGRESS_MS) and the 'sharpness' reply at the end; or an 'error' reply.
 */
export async function runSharpness(
  request: SharpnessRequest,
  post: (reply: LabReply) => void,
  signal: CancelFlag = { aborted: false },
  pause?: () => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<void> {
  const { id, runId } = request;
  try {
    if (request.paths.length === 0)
      throw new RangeError('paths: at least one training path is needed');
    const picks = request.paths.map((p) =>
      evenIndices(p.steps.length, Math.max(2, request.points)),
    );
    const series: SharpnessSeries[] = request.paths.map((p, k) => ({
      steps: Float64Array.from(picks[k]!, (i) => p.steps[i]!),
      sharpness: new Float64Array(picks[k]!.length).fill(Number.NaN),
      converged: new Uint8Array(picks[k]!.length),
    }));
    const total = picks.reduce((n, p) => n + p.length, 0);
    const snapshot = (done: number): SharpnessResult => ({
      series: series.map((s) => ({
        steps: s.steps,
        sharpness: Float64Array.from(s.sharpness),
        converged: Uint8Array.from(s.converged),
      })),
      done,
      total,
    });
    let done = 0;
    let last = now();
    for (let k = 0; k < request.paths.length; k++) {
      const path = request.paths[k]!;
      const f = labLossFunction(path.config);
      const P = f.problem.net.paramCount;
      if (path.paramCount !== P || path.params.length !== path.steps.length * P)
        throw new RangeError(`paths[${k}]: expected snapshots of ${P} parameters`);
      let init: Float64Array | undefined;
      for (let n = 0; n < picks[k]!.length; n++) {
        const i = picks[k]![n]!;
        const theta = path.params.subarray(i * P, (i + 1) * P);
        if (!theta.every(Number.isFinite)) continue;
        const r = sharpness(f, theta, {
          tolerance: SHARPNESS_TOLERANCE,
          maxIterations: SHARPNESS_ITERATIONS,
          ...(init ? { init } : {}),
        });
        series[k]!.sharpness[n] = r.eigenvalue;
        series[k]!.converged[n] = r.converged ? 1 : 0;
        init = r.eigenvector;
        done++;
        if (now() - last >= PROGRESS_MS && done < total) {
          post({ id, runId, type: 'sharpness-progress', result: snapshot(done) });
          last = now();
        }
        if (pause) await pause();
        if (signal.aborted) return;
      }
    }
    post({ id, runId, type: 'sharpness', result: snapshot(total) });
  } catch (error) {
    post({
      id,
      runId,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
