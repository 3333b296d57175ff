/** NAdam: torch.optim.NAdam 2.x (single-tensor path), Adam with Nesterov momentum and a momentum schedule. */
import { lerp, addcmul } from './kernels';
import { fma } from './fma';
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
  FamilyArrows,
  DomainPoint,
} from '../types';
import { vec, num, times } from './stateVectors';
import { booleanParam, numberParam, pairParam, snapshot } from './common';
import { PARAMS, nadamMeta } from './nadam.meta';

class NadamInstance implements OptimizerInstance {
  private readonly expAvg: Float64Array;
  private readonly expAvgSq: Float64Array;
  private readonly lastDenom: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  /** torch's mu_product: the product of every μ_t so far. */
  private muProduct = 1;
  private stepCount = 0;
  private lastLr = 0;
  private lastMu = 0;
  private lastMuNext = 0;

  constructor(
    private beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    /** torch 2.x's decoupled_weight_decay: θ ← θ(1 − ηλ) instead of g + λθ (AdamW's rule). */
    private readonly decoupled: boolean,
    private readonly momentumDecay: number,
    n: number,
  ) {
    this.expAvg = new Float64Array(n);
    this.expAvgSq = new Float64Array(n);
    this.lastDenom = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { beta1, beta2, eps, weightDecay, momentumDecay, expAvg, expAvgSq } = this;
    const step = ++this.stepCount;
    const biasCorrection2 = 1 - Math.pow(beta2, step);
    // torch computes μ_t afresh each step from the current β1 (a cycling schedule may change it).
    const mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
    const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
    const muProduct = this.muProduct * mu;
    this.muProduct = muProduct;
    // torch 2.x: π_t·μ_{t+1} (the paper's). torch 1.13 wrote mu_product * mu * mu_next here,
    // counting μ_t twice; 2.0 fixed it.
    const muProductNext = muProduct * muNext;
    const gradScale = (-lr * (1 - mu)) / (1 - muProduct);
    const avgScale = (-lr * muNext) / (1 - muProductNext);
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
      const denom = Math.sqrt(v / biasCorrection2) + eps;
      p = p + (gradScale * g) / denom;
      p = p + (avgScale * m) / denom;
      params[i] = p;
      this.lastDenom[i] = denom;
      this.lastGrad[i] = g;
      this.lastParams[i] = p;
    }
    this.lastLr = lr;
    this.lastMu = mu;
    this.lastMuNext = muNext;
  }

  /** A cycling schedule sets torch's param_group ['betas'][0] between steps. */
  setMomentum(value: number): void {
    this.beta1 = value;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      m: snapshot(this.expAvg),
      v: snapshot(this.expAvgSq),
      denom: snapshot(this.lastDenom),
      mu: this.lastMu,
      mu_next: this.lastMuNext,
      mu_product: this.muProduct,
      theta: snapshot(this.lastParams),
    };
  }
}

/** The map's glyphs: −η m_t / (1 − π_t μ_{t+1}) and the box of the whole Nesterov blend. */
function glyphs({ state, lr, g }: StateFrame): FamilyGlyphs {
  const m = vec(state, 'm');
  const denom = vec(state, 'denom');
  const mu = num(state, 'mu');
  const muNext = num(state, 'mu_next');
  const pi = num(state, 'mu_product');
  let momentum: FamilyGlyphs['momentum'];
  let box: DomainPoint | undefined;
  if (m && muNext !== undefined && pi !== undefined)
    momentum = { kind: 'm-hat', vector: times(-lr / (1 - pi * muNext), m) };
  if (m && denom && mu !== undefined && muNext !== undefined && pi !== undefined) {
    const gradScale = (-lr * (1 - mu)) / (1 - pi);
    const avgScale = (-lr * muNext) / (1 - pi * muNext);
    box = [
      (gradScale * g[0]) / denom[0] + (avgScale * m[0]) / denom[0],
      (gradScale * g[1]) / denom[1] + (avgScale * m[1]) / denom[1],
    ];
  }
  return { momentum, box };
}

/** Step-by-step arrows: the Nesterov blend of m and g, −η·blend = update ⊙ d. */
function arrows({ state, lr, update }: StateFrame): FamilyArrows {
  const denom = vec(state, 'denom');
  if (!denom || !(lr > 0)) return {};
  // The update is −η·(blend of m and g)/d, so −η·blend = update ⊙ d.
  const blend: DomainPoint = [update[0] * denom[0], update[1] * denom[1]];
  return {
    direction: times(-1 / lr, blend),
    arrows: [
      {
        term: 'momentum',
        vector: blend,
        tex:
          '-\\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t}\\, g_t' +
          ' - \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_t\\, \\mu_{t+1}}\\, m_t',
        label: 'Nesterov momentum',
      },
    ],
  };
}

export const nadam: OptimizerDef = {
  glyphs,
  arrows,
  ...nadamMeta,
  create(config, n) {
    const [beta1, beta2] = pairParam(PARAMS, config, 'betas');
    return new NadamInstance(
      beta1,
      beta2,
      numberParam(PARAMS, config, 'eps'),
      numberParam(PARAMS, config, 'weight_decay'),
      booleanParam(PARAMS, config, 'decoupled_weight_decay'),
      numberParam(PARAMS, config, 'momentum_decay'),
      n,
    );
  },
};
