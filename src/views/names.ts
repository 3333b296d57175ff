/**
 * The names optimizers go by on screen (legend, charts, formula, sliders, announcements): the
 * config's own label, else the optimizer's display name; when two share a name the later ones
 * are numbered ("Adam", "Adam 2") so every line in a legend can be told apart.
 */
import { displayName } from '../engine/optimizers';
import type { OptimizerConfig } from '../engine/types';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';

/**
 * Labels the app itself wrote (the default scene's "Momentum", an entry of the add menu in any of
 * the three languages), not typed by the user: they are shown as the name in the page's language.
 * Each list holds the en, zh-CN and zh-TW catalogue texts of its key (names.test.ts checks it).
 */
export const PRESET_LABELS: Readonly<Record<string, MessageKey>> = {
  Momentum: 'optimizers.preset.momentum',
  动量法: 'optimizers.preset.momentum',
  動量法: 'optimizers.preset.momentum',
  'NAG (Nesterov)': 'optimizers.preset.nag',
  'NAG（Nesterov）': 'optimizers.preset.nag',
};

/** The name optimizer `config` shows before duplicates are numbered. */
export function baseName(config: OptimizerConfig): string {
  return presetLabel(displayName(config));
}

/** `label` in the page's language when the app wrote it (PRESET_LABELS), else as written. */
export function presetLabel(label: string): string {
  const preset = Object.hasOwn(PRESET_LABELS, label) ? PRESET_LABELS[label] : undefined;
  return preset === undefined ? label : t(preset);
}

/** One distinct name per optimizer, in scene order (see the module comment). */
export function optimizerNames(configs: readonly OptimizerConfig[]): string[] {
  const bases = configs.map(baseName);
  const taken = new Set(bases);
  const seen = new Map<string, number>();
  return bases.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    // "Adam 2", unless another optimizer is literally called "Adam 2": then "Adam 3", …
    let n = count;
    while (taken.has(`${name} ${n}`)) n++;
    const numbered = `${name} ${n}`;
    taken.add(numbered);
    return numbered;
  });
}

/** The distinct name of optimizer `index` of `configs` ('' when there is none). */
export function optimizerName(configs: readonly OptimizerConfig[], index: number): string {
  return optimizerNames(configs)[index] ?? '';
}
