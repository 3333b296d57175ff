/**
 * Message lookup: `t('playback.step', { step: 3, steps: 200 })`. Catalogues share one key set
 * (`Messages`), so adding a language is adding one object here.
 */
import { create } from 'zustand';
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import type { MessageKey, Messages } from './en';

export type { MessageKey, Messages };

/** Languages with a catalogue. */
export const LOCALES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;

/** Every locale, in the order the language switcher lists them. */
export const LOCALE_IDS = Object.keys(LOCALES) as readonly Locale[];

/** Whether `value` names a locale with a catalogue (exact spelling, e.g. `zh-CN`). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LOCALES, value);
}

let current: Messages = en;

/** The current locale; components read it through `useLocale` so a switch re-renders them. */
export const useLocaleStore = create<{ readonly locale: Locale }>()(() => ({ locale: 'en' }));

/** The current locale, subscribed: the calling component re-renders when the language changes. */
export function useLocale(): Locale {
  return useLocaleStore((s) => s.locale);
}

/** The current locale, read once (no subscription). */
export function getLocale(): Locale {
  return useLocaleStore.getState().locale;
}

/**
 * Switches the catalogue `t` reads from, then tells subscribed components (`useLocale`), which
 * re-render with the new language. Persistence (URL, storage, `<html lang>`) is in ./detect.
 */
export function setLocale(locale: Locale): void {
  current = LOCALES[locale];
  if (useLocaleStore.getState().locale !== locale) useLocaleStore.setState({ locale });
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
