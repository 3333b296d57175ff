/** NAdam: torch.optim.NAdam 2.x (single-tensor path), Adam with Nesterov momentum and a momentum schedule. */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
} from '../types';
import {
  betasSpec,
  booleanParam,
  epsSpec,
  lrSpec,
  maximizeSpec,
  numberParam,
  pairParam,
  snapshot,
  switchSpec,
  weightDecaySpec,
} from './common';
import { aligned } from './symbols';

const PARAMS: readonly ParamSpec[] = [
  lrSpec(2e-3, 1),
  betasSpec(),
  epsSpec(1e-8),
  weightDecaySpec(0),
  {
    name: 'momentum_decay',
    kind: 'number',
    default: 4e-3,
    min: 0,
    sliderMax: 0.05,
    why: 'torch refuses a negative momentum_decay',
  },
  switchSpec('decoupled_weight_decay'),
  maximizeSpec(),
];

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
        else g = g + weightDecay * p;
      }
      const m = expAvg[i]! * beta1 + keep1 * g;
      expAvg[i] = m;
      const v = expAvgSq[i]! * beta2 + keep2 * g * g;
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

function gradientLines(config: OptimizerConfig): string[] {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  if (weightDecay === 0) return ['g_t &= \\nabla f(\\theta_{t-1})'];
  if (booleanParam(PARAMS, config, 'decoupled_weight_decay')) {
    return [
      'g_t &= \\nabla f(\\theta_{t-1})',
      '\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}',
    ];
  }
  return ['g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'];
}

function tex(config: OptimizerConfig): string {
  return aligned([
    ...gradientLines(config),
    '\\mu_t &= \\beta_1 \\left(1 - \\tfrac{1}{2}\\, 0.96^{t\\psi}\\right), \\quad \\mu_{t+1} = \\beta_1 \\left(1 - \\tfrac{1}{2}\\, 0.96^{(t+1)\\psi}\\right)',
    '\\pi_t &= \\pi_{t-1}\\, \\mu_t, \\quad \\pi_0 = 1',
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t',
    'v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
    'd_t &= \\sqrt{v_t / (1 - \\beta_2^t)} + \\epsilon',
    '\\theta_t &= \\theta_{t-1} - \\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t}\\, \\frac{g_t}{d_t}' +
      ' - \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_{t+1}}\\, \\frac{m_t}{d_t}',
  ]);
}

/** torch.optim.NAdam: Adam with a Nesterov look-ahead on the first moment and a warming momentum μ_t. */
export const nadam: OptimizerDef = {
  type: 'nadam',
  label: 'NAdam',
  presets: [{ id: 'nadam', label: 'NAdam', config: { type: 'nadam', lr: 0.1 } }],
  params: PARAMS,
  tex,
  note:
    "Not in the notes' boxes (it joins their NAG and Adam). The momentum term is divided by 1 − π_t·μ_{t+1}, as in the paper " +
    'and torch 2.x; torch 1.13 divided by 1 − π_t·μ_t·μ_{t+1}, counting μ_t twice (fixed in torch 2.0), so a 1.13 run drifts from these paths.',
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
