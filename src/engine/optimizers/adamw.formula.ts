/** torch.optim.AdamW: Adam's step formula with weight decay always decoupled (θ shrinks first). */
import { adamFormula } from './adam.formula';
import type { OptimizerFormula } from './stepTex';

export const adamwFormula: OptimizerFormula = {
  decoupled: () => true,
  stepLines: adamFormula.stepLines,
};
