/** Rprop: torch.optim.Rprop 2.x (single-tensor path), resilient backpropagation (Riedmiller & Braun, 1993). */
import type {
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
  StateFrame,
  FamilyGlyphs,
} from '../types';
import { vec } from './stateVectors';
import { snapshot, tupleParam } from './common';
import { PARAMS, rpropMeta } from './rprop.meta';

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

/** torch.optim.Rprop: a per-coordinate step size that grows while the gradient's sign holds and shrinks when it flips. */

/** The map's glyphs: the box of signed step sizes (a coordinate whose gradient changed sign skips). */
function glyphs({ state, g }: StateFrame): FamilyGlyphs {
  const size = vec(state, 'step_size');
  const eta = vec(state, 'eta_t');
  // A coordinate whose gradient changed sign (e_t = η− < 1) skips its step.
  if (!size || !eta) return {};
  return {
    box: [0, 1].map((i) => (eta[i]! < 1 ? 0 : -Math.sign(g[i]!) * size[i]!)) as [number, number],
  };
}

export const rprop: OptimizerDef = {
  glyphs,
  ...rpropMeta,
  create(config, n) {
    const [etaMinus, etaPlus] = tupleParam(PARAMS, config, 'etas') as readonly [number, number];
    // None (null) leaves that side unbounded, as torch's clamp_(None, max) / clamp_(min, None).
    const [stepMin, stepMax] = tupleParam(PARAMS, config, 'step_sizes');
    return new RpropInstance(etaMinus, etaPlus, stepMin ?? -Infinity, stepMax ?? Infinity, n);
  },
};
