/** The charts' strings: `chart.*` keys of the app's catalogue, in the current language. */
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';

/** An id of a chart string. */
export type ChartStringId = Extract<MessageKey, `chart.${string}`>;

/** The string `id` in the app's language with `{name}` parameters filled in. */
export function chartText(id: ChartStringId, params: Record<string, string | number> = {}): string {
  return t(id, params);
}
