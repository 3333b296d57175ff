/**
 * Message lookup: `t('playback.step', { step: 3, steps: 200 })`. Catalogues share one key set
 * (`Messages`), so adding a language is adding one object here.
 */
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import type { MessageKey, Messages } from './en';

export type { MessageKey, Messages };

/** Languages with a catalogue. */
export const LOCALES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;

let current: Messages = en;

/** Switches the catalogue `t` reads from (callers re-render themselves). */
export function setLocale(locale: Locale): void {
  current = LOCALES[locale];
}

/**
 * Whether `key` is a message key (for keys built from data, e.g. surface ids). A value already
 * typed as a key is not narrowed, so a caller's fallback branch keeps its type.
 */
export function isMessageKey(key: MessageKey): boolean;
export function isMessageKey(key: string): key is MessageKey;
export function isMessageKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The message for `key` with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = current[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
