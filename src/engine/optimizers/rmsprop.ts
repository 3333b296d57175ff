/** RMSprop: torch.optim.RMSprop 2.x (single-tensor path), plain, centered and with momentum. */
import { lerp, addcmul } from './kernels';
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
  FamilyArrows,
  StepArrow,
} from '../types';
import { vec, times, each } from './stateVectors';
import { booleanParam, numberParam, snapshot } from './common';
import { fma } from './fma';
import { PARAMS, rmspropMeta } from './rmsprop.meta';

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
      // torch's CPU kernels, each as it rounds (kernels.ts, fma.ts): add(alpha=wd), mul_(α).addcmul_,
      // lerp_ and addcmul(value=−1); a centered run near a kink amplified their last bits.
      let g = grad[i]!;
      if (weightDecay !== 0) g = fma(weightDecay, p, g);
      const v = addcmul(squareAvg[i]! * alpha, g, g, keep);
      squareAvg[i] = v;
      let avg: number;
      if (centered) {
        const gbar = lerp(gradAvg[i]!, g, keep);
        gradAvg[i] = gbar;
        avg = Math.sqrt(addcmul(v, gbar, gbar, -1));
      } else {
        avg = Math.sqrt(v);
      }
      avg = avg + eps;
      let next: number;
      if (momentum > 0) {
        const b = buf[i]! * momentum + g / avg;
        buf[i] = b;
        next = fma(-lr, b, p);
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

/** The map's glyphs: the adaptive box −η g / d and the momentum buffer. */
function glyphs({ state, lr, g }: StateFrame): FamilyGlyphs {
  const denom = vec(state, 'denom');
  const b = vec(state, 'b');
  return {
    box: denom && each(g, denom, (gi, d) => (-lr * gi) / d),
    momentum: b && { kind: 'buffer', vector: times(-lr, b) },
  };
}

/** Step-by-step arrows: the scaled gradient −η g / d (scale 1/d) and the momentum buffer. */
function arrows({ state, lr, g }: StateFrame): FamilyArrows {
  const denom = vec(state, 'denom');
  const b = vec(state, 'b');
  const out: StepArrow[] = [];
  if (denom)
    out.push({
      term: 'scaled-gradient',
      vector: times(-lr, [g[0] / denom[0], g[1] / denom[1]]),
      tex: '-\\eta\\, g_t / d_t',
      label: 'scaled gradient',
    });
  if (b)
    out.push({ term: 'momentum', vector: times(-lr, b), tex: '-\\eta\\, b_t', label: 'momentum' });
  return {
    arrows: out,
    scale: denom && { values: [1 / denom[0], 1 / denom[1]], tex: '1 / d_t' },
  };
}

export const rmsprop: OptimizerDef = {
  glyphs,
  arrows,
  ...rmspropMeta,
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
