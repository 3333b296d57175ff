/** torch.optim.AdamW: Adam's step formula with weight decay always decoupled (θ shrinks first). */
import { adamFormula, adamTex } from './adam.formula';
import { adamw } from './adamw';
import type { OptimizerFormula } from './stepTex';

export const adamwFormula: OptimizerFormula = {
  note:
    'Not in the notes: Adam with weight decay applied to θ directly (θ ← θ(1 − ηλ)) rather than added to the gradient, ' +
    "so the decay is not rescaled by Adam's per-coordinate denominator.",
  tex: (config) => adamTex(adamw.params, config, true),
  decoupled: () => true,
  stepLines: adamFormula.stepLines,
};
