/** AdaGrad: torch.optim.Adagrad 2.x (single-tensor, dense path). */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
} from '../types';
import { epsSpec, lrSpec, maximizeSpec, numberParam, snapshot, weightDecaySpec } from './common';
import { aligned } from './symbols';

const PARAMS: readonly ParamSpec[] = [
  lrSpec(0.01),
  {
    name: 'lr_decay',
    kind: 'number',
    default: 0,
    min: 0,
    sliderMin: 0,
    sliderMax: 1,
    why: 'torch refuses a negative lr_decay',
  },
  weightDecaySpec(0),
  {
    name: 'initial_accumulator_value',
    kind: 'number',
    default: 0,
    min: 0,
    why: 'torch refuses a negative initial_accumulator_value',
    sliderMax: 10,
  },
  epsSpec(1e-10),
  maximizeSpec(),
];

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
      if (weightDecay !== 0) g = g + weightDecay * p;
      const s = sum[i]! + g * g;
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

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lrDecay = numberParam(PARAMS, config, 'lr_decay');
  const initial = numberParam(PARAMS, config, 'initial_accumulator_value');
  return aligned([
    weightDecay !== 0
      ? 'g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}'
      : 'g_t &= \\nabla f(\\theta_{t-1})',
    lrDecay !== 0 ? '\\eta_t &= \\frac{\\eta}{1 + (t - 1)\\,\\gamma}' : '\\eta_t &= \\eta',
    initial !== 0
      ? 's_t &= s_{t-1} + g_t^2 \\quad (s_0 \\text{ given})'
      : 's_t &= s_{t-1} + g_t^2 \\quad (s_0 = 0)',
    '\\theta_t &= \\theta_{t-1} - \\eta_t\\, \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
  ]);
}

/** torch.optim.Adagrad: per-coordinate steps shrink with the running sum of squared gradients. */
export const adagrad: OptimizerDef = {
  type: 'adagrad',
  label: 'AdaGrad',
  presets: [{ id: 'adagrad', label: 'AdaGrad', config: { type: 'adagrad', lr: 0.5 } }],
  params: PARAMS,
  tex,
  note:
    "Same rule as the notes' box, but torch's default eps is 1e-10 (the notes suggest 1e-6), added outside the square root, " +
    'and torch can start the sum at initial_accumulator_value and decay lr as lr / (1 + (t − 1)·lr_decay).',
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
