/**
 * Adam and AdamW: torch.optim.Adam / AdamW 2.x (single-tensor, non-capturable path). One state
 * class serves both; AdamW only moves weight decay out of the gradient into a decay of θ.
 */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
  StateFrame,
  FamilyGlyphs,
  FamilyArrows,
} from '../types';
import { registerOptimizer } from './registry';
import { vec, times, each } from './stateVectors';
import {
  betasSpec,
  booleanParam,
  epsSpec,
  isDecoupled,
  lrSpec,
  maximizeSpec,
  numberParam,
  pairParam,
  snapshot,
  switchSpec,
  weightDecaySpec,
} from './common';

/**
 * Schema shared by Adam and AdamW: weight_decay's default differs (0 vs 1e-2), and only Adam has
 * the decoupled_weight_decay switch (AdamW is torch 2.x's Adam with it on).
 */
export function adamParams(
  defaultWeightDecay: number,
  decoupledSwitch: boolean,
): readonly ParamSpec[] {
  return [
    lrSpec(1e-3, 1),
    // torch.optim.Adam keeps the first two of a longer betas (Adamax, NAdam, RAdam raise).
    betasSpec(true),
    epsSpec(1e-8),
    weightDecaySpec(defaultWeightDecay),
    switchSpec('amsgrad'),
    ...(decoupledSwitch ? [switchSpec('decoupled_weight_decay')] : []),
    maximizeSpec(),
  ];
}

/** Running Adam/AdamW state over n parameters; allocates nothing per step. */
export class AdamInstance implements OptimizerInstance {
  private readonly expAvg: Float64Array;
  private readonly expAvgSq: Float64Array;
  private readonly maxExpAvgSq: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  private lastBiasCorrection1 = 1;
  private lastBiasCorrection2 = 1;

  constructor(
    private beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    private readonly amsgrad: boolean,
    /** AdamW: θ ← θ(1 − lr·λ) before the moments instead of adding λθ to the gradient. */
    private readonly decoupled: boolean,
    n: number,
  ) {
    this.expAvg = new Float64Array(n);
    this.expAvgSq = new Float64Array(n);
    this.maxExpAvgSq = new Float64Array(amsgrad ? n : 0);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { beta1, beta2, eps, amsgrad, expAvg, expAvgSq, maxExpAvgSq } = this;
    const step = ++this.stepCount;
    // torch evaluates these in Python floats: beta ** step, then lr / bc1 and sqrt(bc2).
    const biasCorrection1 = 1 - Math.pow(beta1, step);
    const biasCorrection2 = 1 - Math.pow(beta2, step);
    const negStepSize = -(lr / biasCorrection1);
    const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    const keep1 = 1 - beta1;
    const keep2 = 1 - beta2;
    const coupledDecay = this.decoupled ? 0 : this.weightDecay;
    // AdamW's decay runs every step, even at weight_decay = 0 (a multiply by exactly 1).
    const shrink = this.decoupled ? 1 - lr * this.weightDecay : 1;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      let p = params[i]!;
      let g = grad[i]!;
      // Twice-rounded where torch's lerp_ and addcmul_ fuse, as SGD (see sgd.ts: first paint).
      if (coupledDecay !== 0) g = g + coupledDecay * p;
      if (this.decoupled) p = p * shrink;
      const m = expAvg[i]! * beta1 + keep1 * g;
      expAvg[i] = m;
      let v = expAvgSq[i]! * beta2 + keep2 * g * g;
      expAvgSq[i] = v;
      if (amsgrad) {
        v = Math.max(maxExpAvgSq[i]!, v);
        maxExpAvgSq[i] = v;
      }
      const next = p + (negStepSize * m) / (Math.sqrt(v) / biasCorrection2Sqrt + eps);
      params[i] = next;
      this.lastGrad[i] = g;
      this.lastParams[i] = next;
    }
    this.lastLr = lr;
    this.lastBiasCorrection1 = biasCorrection1;
    this.lastBiasCorrection2 = biasCorrection2;
  }

  /** A cycling schedule sets torch's param_group ['betas'][0] between steps. */
  setMomentum(value: number): void {
    this.beta1 = value;
  }

  inspect(): OptimizerInspection {
    const bc1 = this.lastBiasCorrection1;
    const bc2 = this.lastBiasCorrection2;
    const second = this.amsgrad ? this.maxExpAvgSq : this.expAvgSq;
    const state: Record<string, number | readonly number[]> = {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      m: snapshot(this.expAvg),
      v: snapshot(this.expAvgSq),
      m_hat: Array.from(this.expAvg, (m) => m / bc1),
      v_hat: Array.from(second, (v) => v / bc2),
      theta: snapshot(this.lastParams),
    };
    if (this.amsgrad) state.v_max = snapshot(this.maxExpAvgSq);
    return state;
  }
}

/** Builds an Adam or AdamW instance from `config`, defaults from `params`. */
export function createAdam(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  n: number,
  decoupled: boolean,
): AdamInstance {
  const [beta1, beta2] = pairParam(params, config, 'betas');
  return new AdamInstance(
    beta1,
    beta2,
    numberParam(params, config, 'eps'),
    numberParam(params, config, 'weight_decay'),
    booleanParam(params, config, 'amsgrad'),
    decoupled || isDecoupled(params, config),
    n,
  );
}

const PARAMS = adamParams(0, true);

/** torch.optim.Adam: bias-corrected first and second moments; weight decay added to the gradient. */

/** The map's glyphs of Adam and AdamW: −η m̂_t and the box −η m̂ / (√v̂ + ε). */
export function adamGlyphs({ config, params, state, lr }: StateFrame): FamilyGlyphs {
  const mHat = vec(state, 'm_hat');
  const vHat = vec(state, 'v_hat');
  const eps = numberParam(params, config, 'eps');
  return {
    momentum: mHat && { kind: 'm-hat', vector: times(-lr, mHat) },
    box: mHat && vHat && each(mHat, vHat, (m, v) => (-lr * m) / (Math.sqrt(v) + eps)),
  };
}

/** Step-by-step arrows of Adam, AdamW and RAdam: the momentum −η m̂_t, the direction scaled. */
export function adamArrows({ state, lr }: StateFrame): FamilyArrows {
  const direction = vec(state, 'm_hat');
  return {
    direction,
    arrows: direction
      ? [
          {
            term: 'momentum',
            vector: times(-lr, direction),
            tex: '-\\eta\\, \\hat{m}_t',
            label: 'momentum',
          },
        ]
      : [],
  };
}

export const adam: OptimizerDef = {
  glyphs: adamGlyphs,
  arrows: adamArrows,
  type: 'adam',
  label: 'Adam',
  presets: [{ id: 'adam', label: 'Adam', config: { type: 'adam', lr: 0.1 } }],
  params: PARAMS,
  create: (config, n) => createAdam(PARAMS, config, n, false),
};

declare module '../types' {
  interface OptimizerTypeNames {
    adam: true;
  }
}

registerOptimizer(adam);
