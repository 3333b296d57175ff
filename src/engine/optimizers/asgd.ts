/**
 * ASGD: torch.optim.ASGD 2.x (single-tensor, non-capturable path), averaged SGD
 * (Polyak & Juditsky, 1992) with torch's decaying step η_t and averaging from step t0.
 */
import type { OptimizerDef, OptimizerInspection, OptimizerInstance } from '../types';
import { numberParam, snapshot } from './common';
import { PARAMS, asgdMeta } from './asgd.meta';

/**
 * Python's `lr / ((1 + lambd·lr·step) ** alpha)` as torch evaluates it: a negative base to a
 * fractional power is a complex number in Python, and torch keeps its real part when it copies
 * it into the float state (with a warning).
 */
function decayedEta(lr: number, base: number, alpha: number): number {
  if (base >= 0 || Number.isInteger(alpha)) return lr / Math.pow(base, alpha);
  // (−b)^α = b^α·e^{iπα}, so lr / that = lr·b^{−α}·e^{−iπα}; the real part is lr·b^{−α}·cos(πα).
  return (lr / Math.pow(-base, alpha)) * Math.cos(Math.PI * alpha);
}

class AsgdInstance implements OptimizerInstance {
  private readonly ax: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  /** torch's state eta and mu: set at the end of each step, used by the next. */
  private eta = Number.NaN;
  private mu = 1;
  private lastEta = 0;
  private lastMu = 1;

  constructor(
    private readonly lambd: number,
    private readonly alpha: number,
    private readonly t0: number,
    private readonly weightDecay: number,
    n: number,
  ) {
    this.ax = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { ax, lambd, weightDecay } = this;
    // torch creates eta = lr with the state, at the first step.
    if (this.stepCount === 0) this.eta = lr;
    const step = ++this.stepCount;
    const eta = this.eta;
    const mu = this.mu;
    const shrink = 1 - lambd * eta;
    for (let i = 0; i < params.length; i++) {
      let g = grad[i]!;
      let p = params[i]!;
      if (weightDecay !== 0) g = g + weightDecay * p;
      p = p * shrink;
      p = p + -eta * g;
      params[i] = p;
      // mu = 1 copies θ (no averaging yet); afterwards ax moves toward θ by mu.
      ax[i] = mu !== 1 ? ax[i]! + (p - ax[i]!) * mu : p;
      this.lastGrad[i] = g;
      this.lastParams[i] = p;
    }
    this.lastEta = eta;
    this.lastMu = mu;
    this.lastLr = lr;
    this.eta = decayedEta(lr, 1 + lambd * lr * step, this.alpha);
    this.mu = 1 / Math.max(1, step - this.t0);
  }

  averaged(): Float64Array {
    return this.ax;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      clr: this.lastEta,
      mu_avg: this.lastMu,
      ax: snapshot(this.ax),
      theta: snapshot(this.lastParams),
    };
  }
}

/** torch.optim.ASGD: SGD with a slowly decaying step and a running average θ̄ (`ax`) of its iterates. */
export const asgd: OptimizerDef = {
  ...asgdMeta,
  create(config, n) {
    return new AsgdInstance(
      numberParam(PARAMS, config, 'lambd'),
      numberParam(PARAMS, config, 'alpha'),
      numberParam(PARAMS, config, 't0'),
      numberParam(PARAMS, config, 'weight_decay'),
      n,
    );
  },
};
