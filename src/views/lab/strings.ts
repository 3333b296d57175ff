/**
 * The gradient-flow lab's strings, keyed `lab.*`. They live in the app's catalogue (src/i18n: en,
 * zh-CN, zh-TW), so the lab follows the language switcher; this `t` only narrows the keys to the
 * lab's own. `{name}` marks a parameter.
 */
import { t as translate } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { TrainSlot } from '../../engine/nn/labConfig';

/** A lab string key. */
export type LabStringKey = Extract<MessageKey, `lab.${string}`>;

/** The lab string `key` in the current language with `{name}` placeholders filled from `params`. */
export function t(
  key: LabStringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return translate(key, params);
}

/** A slot's name as the lab says it: A and B in the reader's language, the plane's C to F. */
export function slotName(slot: TrainSlot): string {
  return slot === 'a' ? t('lab.slotA') : slot === 'b' ? t('lab.slotB') : slot.toUpperCase();
}
