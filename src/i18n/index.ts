/**
 * Message lookup: `t('playback.step', { step: 3, steps: 200 })`. Catalogues share one key set
 * (`Messages`), so adding a language is adding one object here.
 */
import { create } from 'zustand';
import { en } from './en';
import type { MessageKey, Messages } from './en';

export type { MessageKey, Messages };

/** Every locale, in the order the language switcher lists them. */
export const LOCALE_IDS = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALE_IDS)[number];

// English ships in the main bundle; each Chinese catalogue (~9 KB gzip) loads only when chosen,
// which keeps the initial JavaScript inside its 150 KB budget.
const LOADERS: Readonly<Record<Locale, () => Promise<Messages>>> = {
  en: () => Promise.resolve(en),
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  'zh-TW': () => import('./zh-TW').then((m) => m.zhTW),
};
const loaded: Partial<Record<Locale, Messages>> = { en };

/** Whether `value` names a locale with a catalogue (exact spelling, e.g. `zh-CN`). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_IDS as readonly string[]).includes(value);
}

/** Loads (once) and returns a locale's catalogue. */
export async function loadCatalogue(locale: Locale): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return ready;
  const messages = await LOADERS[locale]();
  loaded[locale] = messages;
  return messages;
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

let requested: Locale = 'en';

/**
 * Switches the catalogue `t` reads from, then tells subscribed components (`useLocale`), which
 * re-render with the new language. A catalogue not loaded yet is fetched first; if another
 * switch is asked for meanwhile, the later one wins. Persistence (URL, storage, `<html lang>`)
 * is in ./detect.
 */
export async function setLocale(locale: Locale): Promise<void> {
  requested = locale;
  let messages: Messages;
  try {
    messages = await loadCatalogue(locale);
  } catch (error) {
    // A catalogue that cannot load (offline, blocked chunk) leaves the current language on.
    console.warn(`Descent: the ${locale} texts could not be loaded`, error);
    return;
  }
  if (requested !== locale) return;
  current = messages;
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
