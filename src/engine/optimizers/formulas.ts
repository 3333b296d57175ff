/**
 * The formula panel's registry: each family's `<type>.formula.ts` (its rule with this step's
 * numbers and the notes' box), found by its file name, so no list names the families here. A chunk
 * of its own, loaded with the panel after the first paint; a family registered with an inline
 * `formula` (see ./registry) is found too.
 */
import type { OptimizerConfig, OptimizerType } from '../types';
import { GRADIENT_TEX, MAXIMIZE_GRADIENT_TEX, maximizing } from './maximize';
import { INLINE_FORMULAS } from './registry';
import type { OptimizerFormula } from './stepTex';

export type { OptimizerFormula, StepFrame, StepNumbers } from './stepTex';

/** Every `<type>.formula.ts`, whose export is `<type>Formula`. */
const FILES = import.meta.glob<Readonly<Record<string, OptimizerFormula>>>('./*.formula.ts', {
  eager: true,
});

/** The type names that have a `<type>.formula.ts` (the architecture test checks them). */
export const FORMULA_FILE_TYPES: readonly string[] = Object.keys(FILES).map((path) =>
  path.slice(2, -'.formula.ts'.length),
);

/** `type`'s formula part; throws for a family that has none (a registration mistake). */
export function formulaOf(type: OptimizerType): OptimizerFormula {
  const formula = INLINE_FORMULAS[type] ?? FILES[`./${type}.formula.ts`]?.[`${type}Formula`];
  if (!formula) throw new Error(`optimizer '${type}' has no ${type}.formula.ts`);
  return formula;
}

/**
 * The update rule as torch runs `config`, in TeX (aligned lines): its family's `tex`, with the
 * gradient negated when `maximize` is on (each of torch's steps begins `grad = -grad`).
 */
export function ruleTex(config: OptimizerConfig): string {
  const tex = formulaOf(config.type).tex(config);
  return maximizing(config) ? tex.replace(GRADIENT_TEX, MAXIMIZE_GRADIENT_TEX) : tex;
}
