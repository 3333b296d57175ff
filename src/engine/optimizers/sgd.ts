/** SGD with momentum, dampening, Nesterov and weight decay: torch.optim.SGD 2.x (single-tensor path). */
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
  StateFrame,
  FamilyGlyphs,
  FamilyArrows,
} from '../types';
import { registerOptimizer } from './registry';
import { vec, times } from './stateVectors';
import {
  booleanParam,
  lrSpec,
  maximizeSpec,
  numberParam,
  snapshot,
  switchSpec,
  nonNegativeSpec,
  weightDecaySpec,
} from './common';

export const PARAMS: readonly ParamSpec[] = [
  // torch 2.x's default (1.13 made lr a required argument).
  lrSpec(1e-3),
  nonNegativeSpec('momentum', 0),
  // torch does not check dampening at all.
  { name: 'dampening', kind: 'number', default: 0, sliderMin: 0, sliderMax: 1 },
  switchSpec('nesterov'),
  weightDecaySpec(0),
  maximizeSpec(),
];

class SgdInstance implements OptimizerInstance {
  private readonly buf: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  /** torch creates the momentum buffer lazily: the first step copies the gradient, undamped. */
  private hasBuffer = false;
  private stepCount = 0;
  private lastLr = 0;

  constructor(
    private momentum: number,
    private readonly dampening: number,
    private readonly nesterov: boolean,
    private readonly weightDecay: number,
    n: number,
  ) {
    this.buf = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const n = params.length;
    const { buf, momentum, weightDecay } = this;
    const keep = 1 - this.dampening;
    const first = !this.hasBuffer;
    for (let i = 0; i < n; i++) {
      const p = params[i]!;
      // Twice-rounded where torch's kernels fuse (add with alpha: see fma.ts). SGD's arithmetic
      // draws the first frame, and the fused helpers would put the first paint's JavaScript over
      // its 130 KB budget; the difference is in the last bit (a review's 520 torch scenes agreed
      // to 1e-9), unlike centered RMSprop's, which a kink amplified (rmsprop.ts).
      let d = grad[i]!;
      if (weightDecay !== 0) d = d + weightDecay * p;
      this.lastGrad[i] = d;
      if (momentum !== 0) {
        const b = first ? d : buf[i]! * momentum + keep * d;
        buf[i] = b;
        d = this.nesterov ? d + momentum * b : b;
      }
      const next = p + -lr * d;
      params[i] = next;
      this.lastParams[i] = next;
    }
    if (momentum !== 0) this.hasBuffer = true;
    this.stepCount++;
    this.lastLr = lr;
  }

  /** A cycling schedule sets torch's param_group ['momentum'] between steps. */
  setMomentum(value: number): void {
    this.momentum = value;
  }

  inspect(): OptimizerInspection {
    const state: Record<string, number | readonly number[]> = {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      theta: snapshot(this.lastParams),
    };
    if (this.momentum !== 0) state.b = snapshot(this.buf);
    return state;
  }
}

/** torch.optim.SGD: plain, momentum ("Momentum") and Nesterov ("NAG") descent. */

/** The map's glyphs: the heavy-ball buffer −η b_t, or NAG's look-ahead −η μ b_t (see glyphs.ts). */
function glyphs({ config, params, state, lr, momentum }: StateFrame): FamilyGlyphs {
  const b = vec(state, 'b');
  if (b && config.nesterov === true) {
    const mu = momentum ?? numberParam(params, config, 'momentum');
    return { momentum: { kind: 'lookahead', vector: times(-lr * mu, b) } };
  }
  return { momentum: b && { kind: 'buffer', vector: times(-lr, b) } };
}

/** Step-by-step arrows: the momentum buffer −η b_t. */
function arrows({ state, lr }: StateFrame): FamilyArrows {
  const b = vec(state, 'b');
  return {
    arrows: b
      ? [{ term: 'momentum', vector: times(-lr, b), tex: '-\\eta\\, b_t', label: 'momentum' }]
      : [],
  };
}

export const sgd: OptimizerDef = {
  glyphs,
  arrows,
  type: 'sgd',
  label: 'SGD',
  // torch.optim.SGD raises for nesterov without momentum or with dampening.
  crossCheck(fields) {
    if (fields.nesterov !== true) return undefined;
    const momentum = typeof fields.momentum === 'number' ? fields.momentum : 0;
    const dampening = typeof fields.dampening === 'number' ? fields.dampening : 0;
    return momentum <= 0 || dampening !== 0
      ? { field: 'nesterov', code: 'scene.nesterov' }
      : undefined;
  },
  presets: [
    { id: 'sgd', label: 'SGD', config: { type: 'sgd', lr: 0.1 } },
    { id: 'momentum', label: 'Momentum', config: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
    {
      id: 'nag',
      label: 'NAG (Nesterov)',
      config: { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true },
    },
  ],
  params: PARAMS,
  create(config, n) {
    return new SgdInstance(
      numberParam(PARAMS, config, 'momentum'),
      numberParam(PARAMS, config, 'dampening'),
      booleanParam(PARAMS, config, 'nesterov'),
      numberParam(PARAMS, config, 'weight_decay'),
      n,
    );
  },
};

declare module '../types' {
  interface OptimizerTypeNames {
    sgd: true;
  }
}

registerOptimizer(sgd);
