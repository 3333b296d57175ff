/**
 * The regime pad's geometry (issue 14; Goh 2017, "Why Momentum Really Works"): the (lr, μ) plane
 * of torch SGD on the local quadratic at a point (the playback cursor's), its axes, the pointer
 * and keyboard mapping, the critical-damping curves and where each region's name goes. Pure, unit-tested; the maths of
 * the regions is regime.ts's.
 */
import { symmetricEigen2 } from '../../engine/analysis/eigen';
import {
  directionDynamics,
  REGIMES,
  regimeGrid,
  stableProductBound,
} from '../../engine/analysis/regime';
import type { Regime, RegimeGrid } from '../../engine/analysis/regime';
import type { DomainPoint, OptimizerConfig, Surface } from '../../engine/types';

/** Columns (lr) and rows (μ) of the pad's grid. */
export const LR_POINTS = 80;
export const MU_POINTS = 50;
/** The μ axis: 0 … 0.99 (torch allows μ ≥ 0; at 1 nothing converges). */
export const MU_MAX = 0.99;

/** The settings of torch SGD that shape the pad (lr and μ are its axes). */
export interface PadForm {
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
}

/** The local quadratic the pad is drawn for. */
export interface PadModel {
  /** Eigenvalues of H(start) + wd·I, ascending. */
  readonly eigenvalues: readonly number[];
  /** The positive ones (the directions that can converge): the pad's colours. */
  readonly positive: readonly number[];
  /** lr at the pad's right edge (its left edge is lrMax / LR_POINTS). */
  readonly lrMax: number;
}

/** torch SGD's pad form of `config` (dampening only applies with momentum, as in torch). */
export function padForm(config: OptimizerConfig): PadForm {
  return {
    dampening: config.dampening ?? 0,
    nesterov: config.nesterov ?? false,
    weightDecay: config.weight_decay ?? 0,
  };
}

/**
 * The model at `point`: eigenvalues of the exact Hessian plus weight decay, and an lr axis wide
 * enough to hold the whole stable band at every μ of the pad (1.1 × the largest bound/λ_max).
 * Null when the Hessian is not finite or nothing curves upward (no setting converges).
 */
export function padModel(surface: Surface, point: DomainPoint, form: PadForm): PadModel | null {
  const h = new Float64Array(3);
  surface.hessian(point[0], point[1], h);
  const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
  const eigenvalues = [e.lambdaMin + form.weightDecay, e.lambdaMax + form.weightDecay];
  if (!eigenvalues.every(Number.isFinite)) return null;
  const positive = eigenvalues.filter((l) => l > 0);
  if (positive.length === 0) return { eigenvalues, positive, lrMax: NaN };
  const lambdaMax = Math.max(...positive);
  // Heavy ball's bound grows with μ, Nesterov's shrinks: take the widest over the μ axis.
  const widest = Math.max(
    stableProductBound({ momentum: 0 }),
    stableProductBound({ momentum: MU_MAX, dampening: form.dampening, nesterov: form.nesterov }),
  );
  return { eigenvalues, positive, lrMax: (1.1 * widest) / lambdaMax };
}

/**
 * Whether two models draw the same pad (same eigenvalues and lr axis). On a quadratic the model
 * is the same at every point, so playback, which moves the point every frame, need not recompute
 * the pad's grid (~100 ms a second of playback when it did).
 */
export function samePadModel(a: PadModel | null, b: PadModel | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (
    Object.is(a.lrMax, b.lrMax) &&
    a.eigenvalues.length === b.eigenvalues.length &&
    a.eigenvalues.every((v, i) => Object.is(v, b.eigenvalues[i]))
  );
}

/** The pad's grid for `model` (linear lr axis from lrMax/LR_POINTS to lrMax). */
export function padGrid(model: PadModel, form: PadForm): RegimeGrid {
  return regimeGrid(model.positive, {
    lrMin: model.lrMax / LR_POINTS,
    lrMax: model.lrMax,
    lrPoints: LR_POINTS,
    momentumPoints: MU_POINTS,
    momentumMax: MU_MAX,
    logLr: false,
    dampening: form.dampening,
    nesterov: form.nesterov,
  });
}

/** Where (lr, μ) sits on the pad, as fractions: x from the left, y from the bottom (clamped). */
export function toPad(lr: number, mu: number, lrMax: number): { x: number; y: number } {
  const clamp = (v: number) => Math.max(0, Math.min(1, Number.isFinite(v) ? v : 0));
  return { x: clamp(lr / lrMax), y: clamp(mu / MU_MAX) };
}

/**
 * The (lr, μ) at pad fractions (x from the left, y from the bottom), as a person would set them:
 * lr to 3 significant digits, never below the pad's first column; μ to 2 decimals in [0, 0.99].
 */
export function fromPad(x: number, y: number, lrMax: number): { lr: number; momentum: number } {
  const fx = Math.max(0, Math.min(1, x));
  const fy = Math.max(0, Math.min(1, y));
  const lr = Math.max(lrMax / LR_POINTS, fx * lrMax);
  return { lr: Number(lr.toPrecision(3)), momentum: Math.round(fy * MU_MAX * 100) / 100 };
}

/**
 * The setting after an arrow key on the pad: ← → move lr by one column (Shift: ten), ↑ ↓ move μ by
 * 0.01 (Shift: 0.1); null for any other key. Clamped to the pad.
 */
export function keyStep(
  key: string,
  shift: boolean,
  lr: number,
  momentum: number,
  lrMax: number,
): { lr: number; momentum: number } | null {
  const dLr = (lrMax / LR_POINTS) * (shift ? 10 : 1);
  const dMu = shift ? 0.1 : 0.01;
  const lrFloor = lrMax / LR_POINTS;
  const clampLr = (v: number) => Number(Math.max(lrFloor, Math.min(lrMax, v)).toPrecision(3));
  const clampMu = (v: number) => Math.round(Math.max(0, Math.min(MU_MAX, v)) * 100) / 100;
  switch (key) {
    case 'ArrowRight':
      return { lr: clampLr(lr + dLr), momentum };
    case 'ArrowLeft':
      return { lr: clampLr(lr - dLr), momentum };
    case 'ArrowUp':
      return { lr, momentum: clampMu(momentum + dMu) };
    case 'ArrowDown':
      return { lr, momentum: clampMu(momentum - dMu) };
    default:
      return null;
  }
}

/**
 * The critical-damping curve of one direction λ on the pad: per row of `grid` the lr where that
 * direction's two roots meet (discriminant 0, between monotone and ripples), by bisection on the
 * lr axis. Goh's closed form for heavy ball without dampening is μ = (1 − √(lr·λ))². Rows where
 * the roots never meet on the axis are left out.
 */
export function criticalCurve(
  lambda: number,
  grid: RegimeGrid,
  form: PadForm,
): { lr: number; momentum: number }[] {
  const out: { lr: number; momentum: number }[] = [];
  const lo0 = grid.lrs[0]!;
  const hi0 = grid.lrs[grid.lrs.length - 1]!;
  for (const momentum of grid.momenta) {
    if (momentum === 0) continue; // μ = 0 has one root: there is nothing to damp.
    const disc = (lr: number) =>
      directionDynamics(lambda, {
        lr,
        momentum,
        dampening: form.dampening,
        nesterov: form.nesterov,
      }).discriminant;
    // Small lr: two real roots near 1 and μ (disc > 0); scan for the first sign change.
    let lo = lo0;
    let hi = NaN;
    const n = 200;
    for (let i = 1; i <= n; i++) {
      const lr = lo0 + ((hi0 - lo0) * i) / n;
      if (disc(lr) < 0) {
        hi = lr;
        break;
      }
      lo = lr;
    }
    if (!Number.isFinite(hi) || !(disc(lo) >= 0)) continue;
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (disc(mid) >= 0) lo = mid;
      else hi = mid;
    }
    out.push({ lr: (lo + hi) / 2, momentum });
  }
  return out;
}

/**
 * The critical-damping lines as drawn: each direction's curve (criticalCurve) kept only where that
 * direction is the slowest one and converges, i.e. where it is the boundary between the pad's
 * monotone and ripples colours; split into polylines where it is not.
 */
export function criticalDamping(
  positive: readonly number[],
  grid: RegimeGrid,
  form: PadForm,
): { lr: number; momentum: number }[][] {
  const lines: { lr: number; momentum: number }[][] = [];
  for (const lambda of positive) {
    let line: { lr: number; momentum: number }[] = [];
    for (const p of criticalCurve(lambda, grid, form)) {
      const settings = { ...p, dampening: form.dampening, nesterov: form.nesterov };
      const own = directionDynamics(lambda, settings).radius;
      const rules =
        own < 1 &&
        positive.every((other) => directionDynamics(other, settings).radius <= own + 1e-12);
      if (rules) line.push(p);
      else if (line.length > 0) {
        lines.push(line);
        line = [];
      }
    }
    if (line.length > 0) lines.push(line);
  }
  return lines.filter((l) => l.length > 1);
}

/** Where to write each region's name: the middle of its cells, for regions of ≥ 1.5% of the pad. */
export function regionLabels(grid: RegimeGrid): { regime: Regime; lr: number; momentum: number }[] {
  const n = grid.lrs.length;
  const sums = REGIMES.map(() => ({ i: 0, j: 0, count: 0 }));
  for (let c = 0; c < grid.regime.length; c++) {
    const s = sums[grid.regime[c]!]!;
    s.i += c % n;
    s.j += Math.floor(c / n);
    s.count++;
  }
  const out: { regime: Regime; lr: number; momentum: number }[] = [];
  sums.forEach((s, r) => {
    if (s.count < 0.015 * grid.regime.length) return;
    // The centroid, moved to the nearest cell that is really in the region (regions can be bent).
    const ci = s.i / s.count;
    const cj = s.j / s.count;
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < grid.regime.length; c++) {
      if (grid.regime[c] !== r) continue;
      const d = ((c % n) - ci) ** 2 + (Math.floor(c / n) - cj) ** 2;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    out.push({
      regime: REGIMES[r]!,
      lr: grid.lrs[best % n]!,
      momentum: grid.momenta[Math.floor(best / n)]!,
    });
  });
  return out;
}

/** The fastest cell of the pad (smallest radius): Goh's optimum, to the grid's resolution. */
export function fastestCell(grid: RegimeGrid): { lr: number; momentum: number; radius: number } {
  let best = 0;
  for (let c = 1; c < grid.radius.length; c++) if (grid.radius[c]! < grid.radius[best]!) best = c;
  const n = grid.lrs.length;
  return {
    lr: grid.lrs[best % n]!,
    momentum: grid.momenta[Math.floor(best / n)]!,
    radius: grid.radius[best]!,
  };
}
