/** Adamax: torch.optim.Adamax 2.x (single-tensor path), Adam with an infinity-norm second moment. */
import { lerp } from './kernels';
import { fma } from './fma';
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
  FamilyArrows,
} from '../types';
import { vec, num, times, each } from './stateVectors';
import { pairParam, numberParam, snapshot } from './common';
import { PARAMS, adamaxMeta } from './adamax.meta';

class AdamaxInstance implements OptimizerInstance {
  private readonly expAvg: Float64Array;
  /** torch's exp_inf: u_t = max(β₂·u_{t-1}, |g_t| + ε). */
  private readonly expInf: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  private lastClr = 0;

  constructor(
    private beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    n: number,
  ) {
    this.expAvg = new Float64Array(n);
    this.expInf = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { beta1, beta2, eps, weightDecay, expAvg, expInf } = this;
    const step = ++this.stepCount;
    const keep1 = 1 - beta1;
    const clr = lr / (1 - Math.pow(beta1, step));
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const p = params[i]!;
      let g = grad[i]!;
      if (weightDecay !== 0) g = fma(weightDecay, p, g); // grad.add(param, alpha=wd)
      const m = lerp(expAvg[i]!, g, keep1); // exp_avg.lerp_(grad, 1 - beta1)
      expAvg[i] = m;
      // Math.max propagates NaN like torch.amax, so a blown-up gradient still stops the run.
      const u = Math.max(expInf[i]! * beta2, Math.abs(g) + eps);
      expInf[i] = u;
      const next = p + (-clr * m) / u;
      params[i] = next;
      this.lastGrad[i] = g;
      this.lastParams[i] = next;
    }
    this.lastLr = lr;
    this.lastClr = clr;
  }

  /** A cycling schedule sets torch's param_group ['betas'][0] between steps. */
  setMomentum(value: number): void {
    this.beta1 = value;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      clr: this.lastClr,
      g: snapshot(this.lastGrad),
      m: snapshot(this.expAvg),
      u: snapshot(this.expInf),
      theta: snapshot(this.lastParams),
    };
  }
}

/** The map's glyphs: −η m̂_t (clr = η / (1 − β₁ᵗ), so −clr·m = −η m̂) and the box −clr·m / u. */
function glyphs({ state }: StateFrame): FamilyGlyphs {
  const m = vec(state, 'm');
  const u = vec(state, 'u');
  const clr = num(state, 'clr');
  if (!m || clr === undefined) return {};
  return {
    momentum: { kind: 'm-hat', vector: times(-clr, m) },
    box: u && each(m, u, (mi, ui) => (-clr * mi) / ui),
  };
}

/** Step-by-step arrows: the momentum −η m̂_t (η·m̂ = clr·m). */
function arrows({ state, lr }: StateFrame): FamilyArrows {
  const m = vec(state, 'm');
  const clr = num(state, 'clr');
  if (!m || clr === undefined || !(lr > 0)) return {};
  return {
    direction: times(clr / lr, m),
    arrows: [
      { term: 'momentum', vector: times(-clr, m), tex: '-\\eta\\, \\hat{m}_t', label: 'momentum' },
    ],
  };
}

export const adamax: OptimizerDef = {
  glyphs,
  arrows,
  ...adamaxMeta,
  create(config, n) {
    const [beta1, beta2] = pairParam(PARAMS, config, 'betas');
    return new AdamaxInstance(
      beta1,
      beta2,
      numberParam(PARAMS, config, 'eps'),
      numberParam(PARAMS, config, 'weight_decay'),
      n,
    );
  },
};
