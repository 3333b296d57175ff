/**
 * Adafactor: torch.optim.Adafactor 2.x (single-tensor path; Shazeer & Stern, 2018). A surface's
 * point is the vector [x, y], which torch keeps an unfactored second moment for; factored row and
 * column moments only exist for matrices (the lab's weights).
 */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
} from '../types';
import { lerp, lrSpec, maximizeSpec, numberParam, snapshot, tupleParam } from './common';
import { aligned } from './symbols';

/** torch.finfo(torch.float64).eps, Adafactor's eps1 when it is None. */
const FLOAT64_EPS = 2.220446049250313e-16;

const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-2, 1),
  {
    name: 'beta2_decay',
    kind: 'number',
    default: -0.8,
    max: 0,
    sliderMin: -1,
    sliderMax: 0,
    why: 'torch.optim.Adafactor needs beta2_decay <= 0 (β₂ = 1 − t^beta2_decay must stay in [0, 1))',
  },
  {
    name: 'eps',
    kind: 'pair',
    default: [null, 1e-3],
    min: 0,
    elements: [{ min: 0, nullable: true }, { min: 0 }],
    why: 'torch.optim.Adafactor refuses a negative epsilon',
  },
  {
    name: 'd',
    kind: 'number',
    default: 1,
    min: 1,
    sliderMax: 10,
    why: 'torch.optim.Adafactor needs the clipping threshold d >= 1',
  },
  {
    name: 'weight_decay',
    kind: 'number',
    default: 0,
    min: 0,
    sliderMax: 1,
    why: 'torch refuses a negative weight decay',
  },
  maximizeSpec(),
];

class AdafactorInstance implements OptimizerInstance {
  private readonly variance: Float64Array;
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
  ) {
    this.variance = new Float64Array(n);
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
    for (let i = 0; i < n; i++) {
      const g = grad[i]!;
      const v = lerp(variance[i]!, g * g, oneMinusBeta2);
      variance[i] = v;
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

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lines = ['g_t &= \\nabla f(\\theta_{t-1})'];
  lines.push(
    '\\rho_t &= \\min\\!\\left(\\eta,\\ \\tfrac{1}{\\sqrt{t}}\\right), \\quad \\alpha_t = \\max\\!\\left(\\epsilon_2,\\ \\tfrac{\\lVert\\theta_{t-1}\\rVert}{\\sqrt{n}}\\right) \\rho_t',
  );
  if (weightDecay !== 0) {
    lines.push('\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}');
  }
  lines.push(
    '\\hat{\\beta}_{2,t} &= 1 - t^{c}, \\quad v_t = \\hat{\\beta}_{2,t}\\, v_{t-1} + (1 - \\hat{\\beta}_{2,t})\\, g_t^2',
  );
  lines.push('u_t &= \\frac{g_t}{\\sqrt{\\max(v_t,\\ \\epsilon_1^2)}}');
  lines.push(
    '\\theta_t &= \\theta_{t-1} - \\frac{\\alpha_t}{\\max\\!\\left(1,\\ \\lVert u_t\\rVert / (\\sqrt{n}\\, d)\\right)}\\, u_t',
  );
  return aligned(lines);
}

/** torch.optim.Adafactor: Adam-like without a first moment, a relative step size and update clipping. */
export const adafactor: OptimizerDef = {
  type: 'adafactor',
  label: 'Adafactor',
  params: PARAMS,
  tex,
  note:
    "Not in the notes: no first moment, β₂ rises with t (1 − t^c), and the step is relative to θ's own size (α_t); " +
    "on a matrix torch keeps only row and column averages of v (the memory saving), but the map's point is a vector, so v is kept whole, as torch does for vectors. " +
    'eps1 = null means float64 machine epsilon.',
  create(config, n) {
    const [eps1, eps2] = tupleParam(PARAMS, config, 'eps');
    return new AdafactorInstance(
      numberParam(PARAMS, config, 'beta2_decay'),
      eps1 ?? FLOAT64_EPS,
      eps2 ?? 1e-3,
      numberParam(PARAMS, config, 'd'),
      numberParam(PARAMS, config, 'weight_decay'),
      n,
    );
  },
};
