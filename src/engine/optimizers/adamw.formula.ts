/** torch.optim.AdamW: Adam's step formula with weight decay always decoupled (θ shrinks first). */
import { adamFormula } from './adam.formula';
import type { OptimizerFormula } from './stepTex';

export const adamwFormula: OptimizerFormula = {
  note:
    'Not in the notes: Adam with weight decay applied to θ directly (θ ← θ(1 − ηλ)) rather than added to the gradient, ' +
    "so the decay is not rescaled by Adam's per-coordinate denominator.",
  decoupled: () => true,
  stepLines: adamFormula.stepLines,
};
