/** Rprop: torch.optim.Rprop 2.x (single-tensor path), resilient backpropagation (Riedmiller & Braun, 1993). */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  ParamSpec,
} from '../types';
import { lrSpec, maximizeSpec, snapshot, tupleParam } from './common';
import { aligned } from './symbols';

const PARAMS: readonly ParamSpec[] = [
  lrSpec(1e-2, 1),
  {
    name: 'etas',
    kind: 'pair',
    default: [0.5, 1.2],
    // torch: 0 < η− < 1 < η+.
    elements: [
      { min: 0, minExclusive: true, max: 1, maxExclusive: true },
      { min: 1, minExclusive: true },
    ],
    sliderMin: 0.01,
    sliderMax: 3,
    why: 'torch.optim.Rprop needs 0 < etas[0] < 1 < etas[1] (shrink on a sign flip, grow otherwise)',
  },
  // torch does not check step_sizes at all: any (min, max) is clamped to as given.
  { name: 'step_sizes', kind: 'pair', default: [1e-6, 50], sliderMin: 0, sliderMax: 100 },
  maximizeSpec(),
];

class RpropInstance implements OptimizerInstance {
  private readonly prev: Float64Array;
  private readonly stepSize: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastSign: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;

  constructor(
    private readonly etaMinus: number,
    private readonly etaPlus: number,
    private readonly stepMin: number,
    private readonly stepMax: number,
    n: number,
  ) {
    this.prev = new Float64Array(n);
    this.stepSize = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastSign = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { prev, stepSize, etaMinus, etaPlus, stepMin, stepMax } = this;
    // torch fills step_size with the group's lr when the state is created (the first step);
    // later changes of lr (a scheduler) do not reach it.
    if (this.stepCount === 0) stepSize.fill(lr);
    this.stepCount++;
    for (let i = 0; i < params.length; i++) {
      let g = grad[i]!;
      const product = g * prev[i]!;
      // sign(g·prev) → η+, η− or 1; NaN stays NaN, as torch's masked writes leave it.
      const factor =
        product > 0 ? etaPlus : product < 0 ? etaMinus : product === 0 ? 1 : Number.NaN;
      // torch's clamp_(min, max): max(min(x, max), min) with NaN propagated.
      let size = stepSize[i]! * factor;
      size = Math.min(Math.max(size, stepMin), stepMax);
      stepSize[i] = size;
      this.lastGrad[i] = g;
      this.lastSign[i] = factor;
      // After a sign flip the step is skipped and the stored gradient is zeroed.
      if (factor === etaMinus) g = 0;
      const next = params[i]! + -(Math.sign(g) * size);
      params[i] = next;
      prev[i] = g;
      this.lastParams[i] = next;
    }
    this.lastLr = lr;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      eta_t: snapshot(this.lastSign),
      step_size: snapshot(this.stepSize),
      theta: snapshot(this.lastParams),
    };
  }
}

function tex(_config: OptimizerConfig): string {
  return aligned([
    'g_t &= \\nabla f(\\theta_{t-1})',
    'e_t &= \\begin{cases} \\eta_+ & g_t\\, g_{t-1} > 0 \\\\ \\eta_- & g_t\\, g_{t-1} < 0 \\\\ 1 & \\text{otherwise} \\end{cases}',
    '\\delta_t &= \\operatorname{clamp}(e_t\\, \\delta_{t-1},\\ \\delta_{\\min},\\ \\delta_{\\max}), \\quad \\delta_0 = \\eta',
    'g_t &\\leftarrow 0 \\ \\text{where}\\ e_t = \\eta_-',
    '\\theta_t &= \\theta_{t-1} - \\operatorname{sign}(g_t)\\, \\delta_t',
  ]);
}

/** torch.optim.Rprop: a per-coordinate step size that grows while the gradient's sign holds and shrinks when it flips. */
export const rprop: OptimizerDef = {
  type: 'rprop',
  label: 'Rprop',
  params: PARAMS,
  tex,
  note:
    'Not in the notes: only the sign of each gradient coordinate is used. torch starts every step size at lr, multiplies it by ' +
    'η+ while the sign holds and by η− when it flips (then skips that coordinate once), within [step_sizes]; later lr changes do not reach it.',
  create(config, n) {
    const [etaMinus, etaPlus] = tupleParam(PARAMS, config, 'etas') as readonly [number, number];
    const [stepMin, stepMax] = tupleParam(PARAMS, config, 'step_sizes') as readonly [
      number,
      number,
    ];
    return new RpropInstance(etaMinus, etaPlus, stepMin, stepMax, n);
  },
};
