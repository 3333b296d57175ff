/** The formula panel's strings: `formula.*` keys of the app's catalogue, in the current language. */
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { OptimizerType } from '../../engine/types';

/** An id of a formula-panel string. */
export type FormulaStringId = Extract<MessageKey, `formula.${string}`>;

/** The string `id` in the app's language with `{name}` parameters filled in. */
export function formulaText(
  id: FormulaStringId,
  params: Record<string, string | number> = {},
): string {
  return t(id, params);
}

/** An optimizer's note on torch and the notes, in the app's language (the engine's note is English). */
export function optimizerNote(type: OptimizerType): string {
  return t(`optimizer.note.${type}`);
}
