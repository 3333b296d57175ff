import { formulaOf } from '../../engine/optimizers/formulas';
import type { OptimizerConfig } from '../../engine/types';

/**
 * The notes' algorithm box for `config` (note 003, with the notes' own symbols: η learning rate,
 * α decay or momentum, ε stability constant) as one aligned block, shown beside torch's executed
 * form; undefined for torch-only families. Each family keeps its box in its `*.formula.ts`.
 */
export function notesTex(config: OptimizerConfig): string | undefined {
  return formulaOf(config.type).notesBox?.(config);
}
