/** RAdam: torch.optim.RAdam 2.x (single-tensor path), Adam with a variance-rectified warm-up. */
import { lerp, addcmul } from './kernels';
import { fma } from './fma';
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
  DomainPoint,
} from '../types';
import { vec, num, times, each } from './stateVectors';
import { booleanParam, numberParam, pairParam, snapshot } from './common';
import { PARAMS, radamMeta } from './radam.meta';
import { adamArrows } from './adam';

class RadamInstance implements OptimizerInstance {
  private readonly expAvg: Float64Array;
  private readonly expAvgSq: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  private lastBiasCorrection1 = 1;
  private lastRhoT = 0;
  /** The rectification term, 0 while ρ_t ≤ 5 (torch then takes an un-normalised momentum step). */
  private lastRect = 0;

  constructor(
    private beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    /** torch 2.x's decoupled_weight_decay: θ ← θ(1 − ηλ) instead of g + λθ (AdamW's rule). */
    private readonly decoupled: boolean,
    n: number,
  ) {
    this.expAvg = new Float64Array(n);
    this.expAvgSq = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { beta1, beta2, eps, weightDecay, expAvg, expAvgSq } = this;
    const step = ++this.stepCount;
    const biasCorrection1 = 1 - Math.pow(beta1, step);
    const beta2Power = Math.pow(beta2, step);
    const biasCorrection2 = 1 - beta2Power;
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * step * beta2Power) / biasCorrection2;
    const rectified = rhoT > 5;
    const rect = rectified
      ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
      : 0;
    const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    const keep1 = 1 - beta1;
    const keep2 = 1 - beta2;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      let p = params[i]!;
      let g = grad[i]!;
      if (weightDecay !== 0) {
        if (this.decoupled) p = p * (1 - lr * weightDecay);
        else g = fma(weightDecay, p, g); // grad.add(param, alpha=wd)
      }
      // exp_avg.lerp_(grad, 1 − β1); exp_avg_sq.mul_(β2).addcmul_(grad, grad, value=1 − β2)
      const m = lerp(expAvg[i]!, g, keep1);
      expAvg[i] = m;
      const v = addcmul(expAvgSq[i]! * beta2, g, g, keep2);
      expAvgSq[i] = v;
      const mHat = m / biasCorrection1;
      const next = rectified
        ? p - mHat * lr * (biasCorrection2Sqrt / (Math.sqrt(v) + eps)) * rect
        : p - mHat * lr;
      params[i] = next;
      this.lastGrad[i] = g;
      this.lastParams[i] = next;
    }
    this.lastLr = lr;
    this.lastBiasCorrection1 = biasCorrection1;
    this.lastRhoT = rhoT;
    this.lastRect = rect;
  }

  /** A cycling schedule sets torch's param_group ['betas'][0] between steps. */
  setMomentum(value: number): void {
    this.beta1 = value;
  }

  inspect(): OptimizerInspection {
    const bc1 = this.lastBiasCorrection1;
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      m: snapshot(this.expAvg),
      v: snapshot(this.expAvgSq),
      m_hat: Array.from(this.expAvg, (m) => m / bc1),
      rho_t: this.lastRhoT,
      rect: this.lastRect,
      theta: snapshot(this.lastParams),
    };
  }
}

/** The map's glyphs: −η m̂_t, and the box once the variance is rectified (before, plain momentum). */
function glyphs({ config, params, state, lr }: StateFrame): FamilyGlyphs {
  const mHat = vec(state, 'm_hat');
  const v = vec(state, 'v');
  const rect = num(state, 'rect');
  const t = num(state, 'step');
  let box: DomainPoint | undefined;
  // Before ρ_t > 5 RAdam takes plain momentum steps: no adaptive box.
  if (mHat && v && rect !== undefined && rect > 0 && t !== undefined) {
    const beta2 = pairParam(params, config, 'betas')[1];
    const eps = numberParam(params, config, 'eps');
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    box = each(mHat, v, (m, vi) => -lr * m * rect * (bc2Sqrt / (Math.sqrt(vi) + eps)));
  }
  return { momentum: mHat && { kind: 'm-hat', vector: times(-lr, mHat) }, box };
}

export const radam: OptimizerDef = {
  glyphs,
  arrows: adamArrows,
  ...radamMeta,
  create(config, n) {
    const [beta1, beta2] = pairParam(PARAMS, config, 'betas');
    return new RadamInstance(
      beta1,
      beta2,
      numberParam(PARAMS, config, 'eps'),
      numberParam(PARAMS, config, 'weight_decay'),
      booleanParam(PARAMS, config, 'decoupled_weight_decay'),
      n,
    );
  },
};
