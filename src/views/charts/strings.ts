/**
 * English strings of the charts, keyed by stable ids (merged into the app's catalogue by
 * src/i18n). `{name}` marks a parameter.
 */
import { isMessageKey, t } from '../../i18n';

export const chartStrings = {
  'chart.loss.title': 'Loss per step',
  'chart.distance.title': 'Distance to the nearest minimum',
  'chart.axis.step': 'step',
  'chart.loss.axis.log': 'loss (log scale)',
  'chart.loss.axis.symlog': 'loss (symmetric log: linear within ±{c})',
  'chart.distance.axis.log': 'distance (log scale)',
  'chart.distance.axis.symlog': 'distance (symmetric log: linear within ±{c})',
  'chart.diverged': 'diverged at step {step}',
  'chart.cursor': 'step {step}',
  'chart.slider': 'Playback step',
  'chart.summary': '{title}, {scale}, {count} optimizers: {items}.',
  'chart.summary.item': '{label} {value} at step {step}',
  'chart.summary.diverged': '{label} diverged at step {step}',
  'chart.summary.empty': '{title}: no optimizer is shown.',
} as const;

/** An id of a chart string. */
export type ChartStringId = keyof typeof chartStrings;

/** The string `id` in the app's language (English fallback) with `{name}` parameters filled in. */
export function chartText(id: ChartStringId, params: Record<string, string | number> = {}): string {
  // Once src/i18n carries these keys, its current language wins; until then, English.
  if (isMessageKey(id)) return t(id, params);
  return chartStrings[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
