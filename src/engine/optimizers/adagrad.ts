/** AdaGrad: torch.optim.Adagrad 2.x (single-tensor, dense path). */
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
import { vec, num, each } from './stateVectors';
import { numberParam, snapshot } from './common';
import { PARAMS, adagradMeta } from './adagrad.meta';

class AdagradInstance implements OptimizerInstance {
  private readonly sum: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  private lastClr = 0;

  constructor(
    private readonly lrDecay: number,
    private readonly weightDecay: number,
    initialAccumulator: number,
    private readonly eps: number,
    n: number,
  ) {
    this.sum = new Float64Array(n).fill(initialAccumulator);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const step = ++this.stepCount;
    const clr = lr / (1 + (step - 1) * this.lrDecay);
    const { sum, eps, weightDecay } = this;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const p = params[i]!;
      let g = grad[i]!;
      if (weightDecay !== 0) g = fma(weightDecay, p, g); // grad.add(param, alpha=wd)
      const s = addcmul(sum[i]!, g, g, 1); // state_sum.addcmul_(grad, grad, value=1)
      sum[i] = s;
      const next = p + (-clr * g) / (Math.sqrt(s) + eps);
      params[i] = next;
      this.lastGrad[i] = g;
      this.lastParams[i] = next;
    }
    this.lastLr = lr;
    this.lastClr = clr;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      clr: this.lastClr,
      g: snapshot(this.lastGrad),
      sum: snapshot(this.sum),
      theta: snapshot(this.lastParams),
    };
  }
}

/** The map's glyphs: the box −clr·g / (√sum + ε). */
function glyphs({ config, state, g }: StateFrame): FamilyGlyphs {
  const sum = vec(state, 'sum');
  const clr = num(state, 'clr');
  const eps = numberParam(PARAMS, config, 'eps');
  return {
    box:
      sum && clr !== undefined
        ? each(g, sum, (gi, s) => (-clr * gi) / (Math.sqrt(s) + eps))
        : undefined,
  };
}

/** Step-by-step arrows: the gradient scaled per coordinate. */
function arrows({ g }: StateFrame): FamilyArrows {
  return { direction: g };
}

export const adagrad: OptimizerDef = {
  glyphs,
  arrows,
  ...adagradMeta,
  create(config, n) {
    return new AdagradInstance(
      numberParam(PARAMS, config, 'lr_decay'),
      numberParam(PARAMS, config, 'weight_decay'),
      numberParam(PARAMS, config, 'initial_accumulator_value'),
      numberParam(PARAMS, config, 'eps'),
      n,
    );
  },
};
