/** RMSprop: torch.optim.RMSprop 2.x (single-tensor path), plain, centered and with momentum. */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
} from '../types';
import {
  booleanParam,
  epsSpec,
  lrSpec,
  numberParam,
  snapshot,
  switchSpec,
  nonNegativeSpec,
  weightDecaySpec,
  maximizeSpec,
} from './common';
import { aligned } from './symbols';

const PARAMS: readonly ParamSpec[] = [
  lrSpec(0.01),
  nonNegativeSpec('alpha', 0.99),
  epsSpec(1e-8),
  weightDecaySpec(0),
  nonNegativeSpec('momentum', 0),
  switchSpec('centered'),
  maximizeSpec(),
];

class RmspropInstance implements OptimizerInstance {
  private readonly squareAvg: Float64Array;
  /** torch's grad_avg (centered only). */
  private readonly gradAvg: Float64Array;
  /** torch's momentum_buffer (momentum > 0 only); torch starts it at zero. */
  private readonly buf: Float64Array;
  private readonly lastDenom: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;

  constructor(
    private readonly alpha: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    private momentum: number,
    private readonly centered: boolean,
    n: number,
  ) {
    this.squareAvg = new Float64Array(n);
    this.gradAvg = new Float64Array(n);
    this.buf = new Float64Array(n);
    this.lastDenom = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { alpha, eps, weightDecay, momentum, centered, squareAvg, gradAvg, buf } = this;
    const keep = 1 - alpha;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const p = params[i]!;
      let g = grad[i]!;
      if (weightDecay !== 0) g = g + weightDecay * p;
      const v = squareAvg[i]! * alpha + keep * g * g;
      squareAvg[i] = v;
      let avg: number;
      if (centered) {
        const gbar = gradAvg[i]! * alpha + keep * g;
        gradAvg[i] = gbar;
        avg = Math.sqrt(v + -gbar * gbar);
      } else {
        avg = Math.sqrt(v);
      }
      avg = avg + eps;
      let next: number;
      if (momentum > 0) {
        const b = buf[i]! * momentum + g / avg;
        buf[i] = b;
        next = p + -lr * b;
      } else {
        next = p + (-lr * g) / avg;
      }
      params[i] = next;
      this.lastDenom[i] = avg;
      this.lastGrad[i] = g;
      this.lastParams[i] = next;
    }
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
      v: snapshot(this.squareAvg),
      denom: snapshot(this.lastDenom),
      theta: snapshot(this.lastParams),
    };
    if (this.centered) state.gbar = snapshot(this.gradAvg);
    if (this.momentum > 0) state.b = snapshot(this.buf);
    return state;
  }
}

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const momentum = numberParam(PARAMS, config, 'momentum');
  const centered = booleanParam(PARAMS, config, 'centered');
  const lines = [
    weightDecay !== 0
      ? 'g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'
      : 'g_t &= \\nabla f(\\theta_{t-1})',
    'v_t &= \\alpha\\, v_{t-1} + (1 - \\alpha)\\, g_t^2',
  ];
  if (centered) {
    lines.push('\\bar{g}_t &= \\alpha\\, \\bar{g}_{t-1} + (1 - \\alpha)\\, g_t');
    lines.push('d_t &= \\sqrt{v_t - \\bar{g}_t^2} + \\epsilon');
  } else {
    lines.push('d_t &= \\sqrt{v_t} + \\epsilon');
  }
  if (momentum > 0) {
    lines.push('b_t &= \\mu\\, b_{t-1} + g_t / d_t');
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, b_t');
  } else {
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, g_t / d_t');
  }
  return aligned(lines);
}

/** torch.optim.RMSprop: steps divided by the running RMS of the gradient. */
export const rmsprop: OptimizerDef = {
  type: 'rmsprop',
  label: 'RMSprop',
  presets: [{ id: 'rmsprop', label: 'RMSprop', config: { type: 'rmsprop', lr: 0.01 } }],
  params: PARAMS,
  tex,
  note:
    'torch adds eps outside the square root (√v + ε) where the notes write √(v + ε), and its default decay alpha is 0.99 ' +
    "(the notes suggest 0.9); lr's default 0.01 is torch's, the notes suggest 0.001.",
  create(config, n) {
    return new RmspropInstance(
      numberParam(PARAMS, config, 'alpha'),
      numberParam(PARAMS, config, 'eps'),
      numberParam(PARAMS, config, 'weight_decay'),
      numberParam(PARAMS, config, 'momentum'),
      booleanParam(PARAMS, config, 'centered'),
      n,
    );
  },
};
