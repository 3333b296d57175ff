/**
 * English strings of the formula panel, keyed by stable ids (merged into the app's catalogue by
 * src/i18n). `{name}` marks a parameter.
 */
import { isMessageKey, t } from '../../i18n';
import type { OptimizerType } from '../../engine/types';

export const formulaStrings = {
  'formula.tabs': 'Optimizer whose formula is shown',
  'formula.hidden': 'hidden',
  'formula.rule': 'Update rule, as torch runs it',
  'formula.notes': 'As note 003 writes it',
  'formula.note': 'Torch and the notes',
  'formula.step': 'Step {k} → {next}, with its numbers',
  'formula.elementwise':
    'Vector operations are element-wise; numbers are rounded to 4 significant digits.',
  'formula.diverged':
    '{label} diverged at step {step}: after that the position or the loss is no longer a finite number, so there are no values to show. Move back to step {step} or earlier, or lower the learning rate.',
  'formula.empty': 'Add an optimizer to see its update rule.',
} as const;

/** An id of a formula-panel string. */
export type FormulaStringId = keyof typeof formulaStrings;

/** The string `id` in the app's language (English fallback) with `{name}` parameters filled in. */
export function formulaText(
  id: FormulaStringId,
  params: Record<string, string | number> = {},
): string {
  // Once src/i18n carries these keys, its current language wins; until then, English.
  if (isMessageKey(id)) return t(id, params);
  return formulaStrings[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** An optimizer's note on torch and the notes, in the app's language (the engine's note is English). */
export function optimizerNote(type: OptimizerType): string {
  return t(`optimizer.note.${type}`);
}
