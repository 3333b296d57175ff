/**
 * L-BFGS: torch.optim.LBFGS 2.x, ported line by line (minFunc's algorithm as torch runs it).
 * One scene step is one `optimizer.step(closure)`: up to max_iter inner iterations, each a
 * two-loop-recursion direction and a fixed step (lr) or a strong-Wolfe line search. Every point
 * the closure is evaluated at is kept as a probe, so the map can show what a step cost.
 */
import type {
  Closure,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
} from '../types';
import { vec, num, times } from './stateVectors';
import { choiceParam, numberParam, snapshot } from './common';
import { PARAMS, lbfgsMaxEval, lbfgsMeta } from './lbfgs.meta';
import { fma } from './fma';
import { TorchRaises } from './torchRaises';

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const absMax = (a: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!);
    // torch's max propagates NaN.
    if (Number.isNaN(v)) return Number.NaN;
    if (v > m) m = v;
  }
  return m;
};
const absSum = (a: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]!);
  return s;
};

/** torch.optim.lbfgs._cubic_interpolate: the minimiser of the cubic through two points, clamped. */
function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  bounds?: readonly [number, number],
): number {
  const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  // torch divides Python floats here: equal points raise rather than give an infinity.
  if (x1 === x2) throw new TorchRaises('ZeroDivisionError', 'torch.optim.lbfgs._cubic_interpolate');
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 ** 2 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return pyMin(pyMax(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

/** Python's max(a, b) / min(a, b): the first argument unless the second compares greater/less. */
const pyMax = (a: number, b: number): number => (b > a ? b : a);
const pyMin = (a: number, b: number): number => (b < a ? b : a);

type Objective = (t: number) => { f: number; g: Float64Array };

/**
 * torch.optim.lbfgs._strong_wolfe as LBFGS.step (torch 2.x) calls it: c1 = 1e-4, c2 = 0.9 and its
 * own tolerance_change = 1e-9 (the optimizer's tolerance_change is not passed on), max_ls = what is
 * left of max_eval. Returns f, g, t and the evaluations used.
 */
function strongWolfe(
  objective: Objective,
  t0: number,
  d: Float64Array,
  f: number,
  g: Float64Array,
  gtd: number,
  maxLs: number,
): { f: number; g: Float64Array; t: number; evals: number } {
  const c1 = 1e-4;
  const c2 = 0.9;
  const toleranceChange = 1e-9;
  let t = t0;
  const dNorm = absMax(d);
  let { f: fNew, g: gNew } = objective(t);
  let evals = 1;
  let gtdNew = dot(gNew, d);
  let tPrev = 0;
  let fPrev = f;
  let gPrev = g.slice();
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: number[] = [];
  let bracketF: number[] = [];
  let bracketG: Float64Array[] = [];
  let bracketGtd: number[] = [];
  while (lsIter < maxLs) {
    if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew.slice()];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      bracket = [t];
      bracketF = [fNew];
      bracketG = [gNew];
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew.slice()];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    tPrev = tmp;
    fPrev = fNew;
    gPrev = gNew.slice();
    gtdPrev = gtdNew;
    ({ f: fNew, g: gNew } = objective(t));
    evals++;
    gtdNew = dot(gNew, d);
    lsIter++;
  }
  if (lsIter === maxLs) {
    bracket = [0, t];
    bracketF = [f, fNew];
    bracketG = [g, gNew];
  }
  let insufProgress = false;
  let [lowPos, highPos] = bracketF[0]! <= bracketF[bracketF.length - 1]! ? [0, 1] : [1, 0];
  // torch reads bracket[low_pos] of a one-point bracket whose loss is NaN (NaN <= NaN is false, so
  // low_pos = 1), or of an empty one (no evaluation was left): IndexError.
  if (lowPos >= bracket.length)
    throw new TorchRaises('IndexError', 'torch.optim.lbfgs._strong_wolfe');
  while (!done && lsIter < maxLs) {
    if (Math.abs(bracket[1]! - bracket[0]!) * dNorm < toleranceChange) break;
    t = cubicInterpolate(
      bracket[0]!,
      bracketF[0]!,
      bracketGtd[0]!,
      bracket[1]!,
      bracketF[1]!,
      bracketGtd[1]!,
    );
    const hi = pyMax(bracket[0]!, bracket[1]!);
    const lo = pyMin(bracket[0]!, bracket[1]!);
    const eps = 0.1 * (hi - lo);
    if (pyMin(hi - t, t - lo) < eps) {
      if (insufProgress || t >= hi || t <= lo) {
        t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
        insufProgress = false;
      } else {
        insufProgress = true;
      }
    } else {
      insufProgress = false;
    }
    ({ f: fNew, g: gNew } = objective(t));
    evals++;
    gtdNew = dot(gNew, d);
    lsIter++;
    if (fNew > f + c1 * t * gtd || fNew >= bracketF[lowPos]!) {
      bracket[highPos] = t;
      bracketF[highPos] = fNew;
      bracketG[highPos] = gNew.slice();
      bracketGtd[highPos] = gtdNew;
      [lowPos, highPos] = bracketF[0]! <= bracketF[1]! ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) {
        done = true;
      } else if (gtdNew * (bracket[highPos]! - bracket[lowPos]!) >= 0) {
        bracket[highPos] = bracket[lowPos]!;
        bracketF[highPos] = bracketF[lowPos]!;
        bracketG[highPos] = bracketG[lowPos]!;
        bracketGtd[highPos] = bracketGtd[lowPos]!;
      }
      bracket[lowPos] = t;
      bracketF[lowPos] = fNew;
      bracketG[lowPos] = gNew.slice();
      bracketGtd[lowPos] = gtdNew;
    }
  }
  return { f: bracketF[lowPos]!, g: bracketG[lowPos]!, t: bracket[lowPos]!, evals };
}

class LbfgsInstance implements OptimizerInstance {
  readonly needsClosure = true;
  // torch's state, kept across steps.
  private d: Float64Array | undefined;
  private t = 0;
  private oldDirs: Float64Array[] = [];
  private oldStps: Float64Array[] = [];
  private ro: number[] = [];
  private al: number[] = [];
  private hDiag = 1;
  private prevFlatGrad: Float64Array | undefined;
  private nIter = 0;
  private funcEvals = 0;
  // For inspect() and the map.
  private probeList: number[] = [];
  private stepCount = 0;
  private lastLr = 0;
  private lastInner = 0;
  private lastEvals = 0;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;

  constructor(
    private readonly maxIter: number,
    private readonly maxEval: number,
    private readonly toleranceGrad: number,
    private readonly toleranceChange: number,
    private readonly historySize: number,
    private readonly lineSearch: boolean,
    n: number,
  ) {
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, _grad: Float64Array, lr: number, closure?: Closure): void {
    if (closure === undefined) throw new Error('L-BFGS needs a closure');
    const n = params.length;
    this.probeList = [];
    this.stepCount++;
    this.lastLr = lr;
    const evaluate = (at: Float64Array): { f: number; g: Float64Array } => {
      for (let i = 0; i < n; i++) this.probeList.push(at[i]!);
      const g = new Float64Array(n);
      const f = closure(at, g);
      return { f, g };
    };
    const first = evaluate(params);
    let loss = first.f;
    let flatGrad = first.g;
    this.lastGrad.set(flatGrad);
    let currentEvals = 1;
    this.funcEvals++;
    this.lastInner = 0;
    this.lastEvals = 1;
    let optCond = absMax(flatGrad) <= this.toleranceGrad;
    if (optCond) {
      this.lastParams.set(params);
      return;
    }
    let d = this.d;
    let t = this.t;
    let prevLoss: number;
    let nIter = 0;
    while (nIter < this.maxIter) {
      nIter++;
      this.nIter++;
      if (this.nIter === 1) {
        d = flatGrad.map((v) => -v);
        this.oldDirs = [];
        this.oldStps = [];
        this.ro = [];
        this.hDiag = 1;
      } else {
        const y = flatGrad.map((v, i) => v - this.prevFlatGrad![i]!);
        const s = d!.map((v) => v * t);
        const ys = dot(y, s);
        if (ys > 1e-10) {
          if (this.oldDirs.length === this.historySize) {
            this.oldDirs.shift();
            this.oldStps.shift();
            this.ro.shift();
          }
          this.oldDirs.push(y);
          this.oldStps.push(s);
          this.ro.push(1 / ys);
          this.hDiag = ys / dot(y, y);
        }
        const numOld = this.oldDirs.length;
        // torch's `al = [None] * history_size`; only the first numOld entries are ever read, so a
        // long history (up to MAX_LBFGS_HISTORY) costs nothing until it fills.
        if (this.al.length < numOld) this.al = new Array<number>(numOld).fill(0);
        const al = this.al;
        const q = flatGrad.map((v) => -v);
        for (let i = numOld - 1; i >= 0; i--) {
          al[i] = dot(this.oldStps[i]!, q) * this.ro[i]!;
          const a = -al[i]!;
          const dir = this.oldDirs[i]!;
          // torch: q.add_(old_dirs[i], alpha=-al[i]), one fused multiply-add (see fma.ts).
          for (let j = 0; j < n; j++) q[j] = fma(a, dir[j]!, q[j]!);
        }
        const r = q.map((v) => v * this.hDiag);
        for (let i = 0; i < numOld; i++) {
          const be = dot(this.oldDirs[i]!, r) * this.ro[i]!;
          const a = al[i]! - be;
          const stp = this.oldStps[i]!;
          for (let j = 0; j < n; j++) r[j] = fma(a, stp[j]!, r[j]!);
        }
        d = r;
      }
      if (this.prevFlatGrad === undefined) this.prevFlatGrad = flatGrad.slice();
      else this.prevFlatGrad.set(flatGrad);
      prevLoss = loss;
      t = this.nIter === 1 ? pyMin(1, 1 / absSum(flatGrad)) * lr : lr;
      const gtd = dot(flatGrad, d!);
      if (gtd > -this.toleranceChange) break;
      let lsEvals = 0;
      const direction = d!;
      if (this.lineSearch) {
        const x = params.slice();
        const at = new Float64Array(n);
        const objective: Objective = (step) => {
          // torch's _directional_evaluate: p.add_(d, alpha=t), fused.
          for (let i = 0; i < n; i++) at[i] = fma(step, direction[i]!, x[i]!);
          return evaluate(at);
        };
        const found = strongWolfe(
          objective,
          t,
          direction,
          loss,
          flatGrad,
          gtd,
          this.maxEval - currentEvals,
        );
        loss = found.f;
        flatGrad = found.g;
        t = found.t;
        lsEvals = found.evals;
        for (let i = 0; i < n; i++) params[i] = fma(t, direction[i]!, params[i]!);
        optCond = absMax(flatGrad) <= this.toleranceGrad;
      } else {
        for (let i = 0; i < n; i++) params[i] = fma(t, direction[i]!, params[i]!);
        if (nIter !== this.maxIter) {
          const next = evaluate(params);
          loss = next.f;
          flatGrad = next.g;
          optCond = absMax(flatGrad) <= this.toleranceGrad;
          lsEvals = 1;
        }
      }
      currentEvals += lsEvals;
      this.funcEvals += lsEvals;
      if (nIter === this.maxIter) break;
      if (currentEvals >= this.maxEval) break;
      if (optCond) break;
      if (absMax(direction.map((v) => v * t)) <= this.toleranceChange) break;
      if (Math.abs(loss - prevLoss) < this.toleranceChange) break;
    }
    this.d = d;
    this.t = t;
    this.lastInner = nIter;
    this.lastEvals = currentEvals;
    this.lastParams.set(params);
  }

  probes(): Float64Array {
    return Float64Array.from(this.probeList);
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      d: this.d ? snapshot(this.d) : [],
      t_ls: this.t,
      inner: this.lastInner,
      evals: this.lastEvals,
      history: this.oldDirs.length,
      theta: snapshot(this.lastParams),
    };
  }
}

/** torch.optim.LBFGS: a quasi-Newton method; one step(closure) runs many inner iterations. */

/** The map's glyphs: the last search direction α·d, drawn from the point it left, θ_t − α d. */
function glyphs({ state }: StateFrame): FamilyGlyphs {
  const d = vec(state, 'd');
  const alpha = num(state, 't_ls');
  const theta = vec(state, 'theta');
  if (!d || alpha === undefined || !theta) return {};
  const vector = times(alpha, d);
  return { search: { from: [theta[0] - vector[0], theta[1] - vector[1]], vector } };
}

export const lbfgs: OptimizerDef = {
  glyphs,
  ...lbfgsMeta,
  create(config, n) {
    return new LbfgsInstance(
      numberParam(PARAMS, config, 'max_iter'),
      lbfgsMaxEval(config),
      numberParam(PARAMS, config, 'tolerance_grad'),
      numberParam(PARAMS, config, 'tolerance_change'),
      numberParam(PARAMS, config, 'history_size'),
      choiceParam(PARAMS, config, 'line_search_fn') === 'strong_wolfe',
      n,
    );
  },
};
