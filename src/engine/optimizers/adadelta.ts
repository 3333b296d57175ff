/** AdaDelta: torch.optim.Adadelta 2.x (single-tensor path). */
import { addcmul } from './kernels';
import { fma } from './fma';
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
  FamilyArrows,
} from '../types';
import { vec, times } from './stateVectors';
import { numberParam, snapshot } from './common';
import { PARAMS, adadeltaMeta } from './adadelta.meta';

class AdadeltaInstance implements OptimizerInstance {
  /** torch's square_avg: running mean of g². */
  private readonly squareAvg: Float64Array;
  /** torch's acc_delta: running mean of Δ². */
  private readonly accDelta: Float64Array;
  private readonly lastDelta: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;

  constructor(
    private readonly rho: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    n: number,
  ) {
    this.squareAvg = new Float64Array(n);
    this.accDelta = new Float64Array(n);
    this.lastDelta = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { rho, eps, weightDecay, squareAvg, accDelta } = this;
    const keep = 1 - rho;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const p = params[i]!;
      let g = grad[i]!;
      if (weightDecay !== 0) g = fma(weightDecay, p, g); // grad.add(param, alpha=wd)
      const v = addcmul(squareAvg[i]! * rho, g, g, keep);
      squareAvg[i] = v;
      const delta = (Math.sqrt(accDelta[i]! + eps) / Math.sqrt(v + eps)) * g;
      accDelta[i] = addcmul(accDelta[i]! * rho, delta, delta, keep);
      const next = fma(-lr, delta, p); // param.add_(delta, alpha=-lr)
      params[i] = next;
      this.lastDelta[i] = delta;
      this.lastGrad[i] = g;
      this.lastParams[i] = next;
    }
    this.stepCount++;
    this.lastLr = lr;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      v: snapshot(this.squareAvg),
      delta: snapshot(this.lastDelta),
      u: snapshot(this.accDelta),
      theta: snapshot(this.lastParams),
    };
  }
}

/** The map's glyphs: the box −η Δ_t. */
function glyphs({ state, lr }: StateFrame): FamilyGlyphs {
  const delta = vec(state, 'delta');
  return { box: delta && times(-lr, delta) };
}

/** Step-by-step arrows: the gradient scaled per coordinate. */
function arrows({ g }: StateFrame): FamilyArrows {
  return { direction: g };
}

export const adadelta: OptimizerDef = {
  glyphs,
  arrows,
  ...adadeltaMeta,
  create(config, n) {
    return new AdadeltaInstance(
      numberParam(PARAMS, config, 'rho'),
      numberParam(PARAMS, config, 'eps'),
      numberParam(PARAMS, config, 'weight_decay'),
      n,
    );
  },
};
