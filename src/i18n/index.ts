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

// The first screen's English (./en) ships in the main bundle; the rest of English (./en-more) and
// each Chinese catalogue (~9 KB gzip) load when needed: after the first paint, before a page or
// panel that needs them, or when the language is chosen. This keeps the JavaScript fetched before
// the first paint inside its 130 KB budget (DESIGN.md).
const LOADERS: Readonly<Record<Locale, () => Promise<Messages>>> = {
  en: () => import('./en-more').then((m) => ({ ...en, ...m.enMore })),
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  'zh-TW': () => import('./zh-TW').then((m) => m.zhTW),
};
const loaded: Partial<Record<Locale, Messages>> = {};

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

/** What `t` reads: a full catalogue, or English's first-screen part until the rest arrives. */
let current: Partial<Messages> = en;

/**
 * The current locale, and a revision that changes whenever `t`'s texts change (a language switch,
 * or the rest of English arriving); components read both through `useLocale` and re-render.
 */
export const useLocaleStore = create<{ readonly locale: Locale; readonly revision: number }>()(
  () => ({ locale: 'en', revision: 0 }),
);

/**
 * The current locale, subscribed: the calling component re-renders when the language changes or
 * when texts it may have shown empty (not loaded yet) arrive.
 */
export function useLocale(): Locale {
  useLocaleStore((s) => s.revision);
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
  if (locale === 'en' && !loaded.en) {
    // The first screen's English is built in: no wait; the rest comes with loadAllTexts.
    current = en;
    if (useLocaleStore.getState().locale !== locale) publish(locale);
    return;
  }
  let messages: Messages;
  try {
    messages = await loadCatalogue(locale);
  } catch (error) {
    // A catalogue that cannot load (offline, blocked chunk) leaves the current language on.
    console.warn(`Descent: the ${locale} texts could not be loaded`, error);
    return;
  }
  if (requested !== locale) return;
  const changed = current !== messages;
  current = messages;
  if (changed || useLocaleStore.getState().locale !== locale) publish(locale);
}

function publish(locale: Locale): void {
  useLocaleStore.setState((s) => ({ locale, revision: s.revision + 1 }));
}

/**
 * Loads every text of the current language (for English, the part the first screen does not
 * need); resolves when `t` has them all. Never rejects: a chunk that cannot load leaves `t` with
 * what it has. Awaited before a page or lazy panel renders (see `withAllTexts`).
 */
export async function loadAllTexts(): Promise<void> {
  await setLocale(requested);
  if (current === en) {
    try {
      const messages = await loadCatalogue('en');
      if (requested === 'en') {
        current = messages;
        publish('en');
      }
    } catch (error) {
      console.warn('Descent: the English texts could not be loaded', error);
    }
  }
}

/** `load`'s result once every text is loaded too: for lazy components (React.lazy). */
export async function withAllTexts<T>(load: Promise<T>): Promise<T> {
  const [value] = await Promise.all([load, loadAllTexts()]);
  return value;
}

/** Whether `t` has every text of the current language (English's later part included). */
export function allTextsLoaded(): boolean {
  return current !== en;
}

const missing = new Set<string>();

/**
 * Keys `t` was asked for before their texts were loaded (each was shown empty until they came):
 * the first screen's keys belong in ./en. Read by the test API; empty when nothing flashed blank.
 */
export function textsShownBeforeLoading(): readonly string[] {
  return [...missing];
}

/**
 * Whether `key` is a message key (for keys built from data, e.g. surface ids). A value already
 * typed as a key is not narrowed, so a caller's fallback branch keeps its type.
 */
export function isMessageKey(key: MessageKey): boolean;
export function isMessageKey(key: string): key is MessageKey;
export function isMessageKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(current, key);
}

/** The message for `key` with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = current[key];
  if (template === undefined) {
    // Not loaded yet (English beyond the first screen): empty now, re-rendered when it arrives.
    missing.add(key);
    void loadAllTexts();
    return '';
  }
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
