/**
 * Adafactor: torch.optim.Adafactor 2.x (single-tensor path; Shazeer & Stern, 2018). A surface's
 * point is the vector [x, y], which torch keeps an unfactored second moment for; a matrix (the
 * lab's weights, created with their shape) keeps factored row and column moments instead.
 */
import { lerp } from './kernels';
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
} from '../types';
import { vec, num, times } from './stateVectors';
import { numberParam, snapshot, tupleParam } from './common';
import { PARAMS, adafactorMeta } from './adafactor.meta';

/** torch.finfo(torch.float64).eps, Adafactor's eps1 when it is None. */
const FLOAT64_EPS = 2.220446049250313e-16;

class AdafactorInstance implements OptimizerInstance {
  private readonly variance: Float64Array;
  /** A matrix's factored second moment: row_var (rows) and col_var (cols); empty for a vector. */
  private readonly rowVar: Float64Array;
  private readonly colVar: Float64Array;
  private readonly update: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  private lastRho = 0;
  private lastAlpha = 0;
  private lastDenom = 1;
  private lastBeta2 = 0;

  constructor(
    private readonly beta2Decay: number,
    private readonly eps1: number,
    private readonly eps2: number,
    private readonly d: number,
    private readonly weightDecay: number,
    n: number,
    /** Rows of a matrix parameter (rows × n/rows), or 0 for a vector. */
    private readonly rows = 0,
  ) {
    this.variance = new Float64Array(rows > 0 ? 0 : n);
    this.rowVar = new Float64Array(rows);
    this.colVar = new Float64Array(rows > 0 ? n / rows : 0);
    this.update = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { variance, update, eps1, eps2 } = this;
    const n = params.length;
    const step = ++this.stepCount;
    const oneMinusBeta2 = Math.pow(step, this.beta2Decay);
    const rho = Math.min(lr, 1 / Math.pow(step, 0.5));
    let paramSq = 0;
    for (let i = 0; i < n; i++) paramSq += params[i]! * params[i]!;
    const alpha = Math.max(eps2, Math.sqrt(paramSq) / Math.pow(n, 0.5)) * rho;
    if (this.weightDecay !== 0) {
      const shrink = 1 - lr * this.weightDecay;
      for (let i = 0; i < n; i++) params[i] = params[i]! * shrink;
    }
    const floor = eps1 * eps1;
    let updateSq = 0;
    if (this.rows > 0) this.factoredUpdate(grad, oneMinusBeta2);
    for (let i = 0; i < n; i++) {
      const g = grad[i]!;
      let v: number;
      if (this.rows > 0) v = update[i]!;
      else {
        v = lerp(variance[i]!, g * g, oneMinusBeta2);
        variance[i] = v;
      }
      // clamp_(min=eps1²) then rsqrt_, then × g.
      const u = (1 / Math.sqrt(Math.max(v, floor))) * g;
      update[i] = u;
      updateSq += u * u;
      this.lastGrad[i] = g;
    }
    const denom = Math.max(1, Math.sqrt(updateSq) / (Math.pow(n, 0.5) * this.d));
    const scale = -alpha / denom;
    for (let i = 0; i < n; i++) {
      const next = params[i]! + scale * update[i]!;
      params[i] = next;
      this.lastParams[i] = next;
    }
    this.lastLr = lr;
    this.lastRho = rho;
    this.lastAlpha = alpha;
    this.lastDenom = denom;
    this.lastBeta2 = 1 - oneMinusBeta2;
  }

  /**
   * A matrix's variance estimate into `update`: row_var ← lerp(row_var, mean over columns of g²),
   * col_var likewise over rows, then row_var[i]·col_var[j] / max(mean(row_var), eps1), as torch's
   * `row_var @ col_var` divided by `row_var.mean(dim=-2).clamp_(min=eps1)`.
   */
  private factoredUpdate(grad: Float64Array, weight: number): void {
    const { rows, rowVar, colVar, update } = this;
    const cols = colVar.length;
    // torch: torch.norm(grad, dim=…).square_().div_(size): the norm squared, not the plain sum.
    for (let i = 0; i < rows; i++) {
      let sq = 0;
      for (let j = 0; j < cols; j++) sq += grad[i * cols + j]! ** 2;
      const norm = Math.sqrt(sq);
      rowVar[i] = lerp(rowVar[i]!, (norm * norm) / cols, weight);
    }
    for (let j = 0; j < cols; j++) {
      let sq = 0;
      for (let i = 0; i < rows; i++) sq += grad[i * cols + j]! ** 2;
      const norm = Math.sqrt(sq);
      colVar[j] = lerp(colVar[j]!, (norm * norm) / rows, weight);
    }
    let rowSum = 0;
    for (let i = 0; i < rows; i++) rowSum += rowVar[i]!;
    const scale = Math.max(rowSum / rows, this.eps1);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) update[i * cols + j] = (rowVar[i]! * colVar[j]!) / scale;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      beta2_t: this.lastBeta2,
      v: snapshot(this.variance),
      rho_t: this.lastRho,
      alpha_t: this.lastAlpha,
      u: snapshot(this.update),
      clip: this.lastDenom,
      theta: snapshot(this.lastParams),
    };
  }
}

/** torch.optim.Adafactor: Adam-like without a first moment, a relative step size and update clipping. */

/** The map's glyphs: the box −α_t u_t / clip. */
function glyphs({ state }: StateFrame): FamilyGlyphs {
  const u = vec(state, 'u');
  const alpha = num(state, 'alpha_t');
  const clip = num(state, 'clip');
  return {
    box: u && alpha !== undefined && clip !== undefined ? times(-alpha / clip, u) : undefined,
  };
}

function createAdafactor(config: OptimizerConfig, n: number, rows: number): OptimizerInstance {
  const [eps1, eps2] = tupleParam(PARAMS, config, 'eps');
  return new AdafactorInstance(
    numberParam(PARAMS, config, 'beta2_decay'),
    eps1 ?? FLOAT64_EPS,
    eps2 ?? 1e-3,
    numberParam(PARAMS, config, 'd'),
    numberParam(PARAMS, config, 'weight_decay'),
    n,
    rows,
  );
}

export const adafactor: OptimizerDef = {
  glyphs,
  ...adafactorMeta,
  // A matrix ([out, in]) keeps factored moments; a vector (no shape, or [n]) does not.
  create: (config, n, shape) =>
    createAdafactor(config, n, shape && shape.length > 1 ? shape[0]! : 0),
};
