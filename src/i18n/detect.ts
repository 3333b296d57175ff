/**
 * Which language the app starts in, and where a choice is kept. Priority: the `lang=` query
 * parameter (validated), then this tab's language (sessionStorage: a `lang=` link or a switch
 * carries over to the pages the navigation links open), then the last choice made with the menu
 * (localStorage), then the browser's languages (zh-TW / zh-HK / zh-MO / zh-Hant* → 繁體中文,
 * other zh* → 简体中文, else English). Storage and history may throw (sandboxed iframes,
 * file://): every access is guarded.
 */
import { replaceSearch } from '../state/replaceSearch';
import { getLocale, LOCALE_IDS, setLocale, useLocaleStore } from './index';
import type { Locale } from './index';

/** The query parameter that carries the language. */
export const LANG_PARAM = 'lang';
/** The localStorage key of the last chosen language. */
export const LANG_STORAGE_KEY = 'descent.lang';

/** A `lang=` value as a locale: known ids in any letter case (`zh-cn`, `ZH_TW`), else null. */
export function parseLocale(text: string | null | undefined): Locale | null {
  if (typeof text !== 'string' || text.length > 16) return null;
  const wanted = text.trim().replace(/_/g, '-').toLowerCase();
  return LOCALE_IDS.find((id) => id.toLowerCase() === wanted) ?? null;
}

/** The locale for one BCP 47 language tag, or null when the app has no catalogue for it. */
export function localeOfTag(tag: string): Locale | null {
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const [language, ...rest] = parts;
  if (language === 'en') return 'en';
  if (language !== 'zh') return null;
  // The script subtag decides when present (zh-Hans-HK is Simplified); otherwise the region.
  if (rest.includes('hant')) return 'zh-TW';
  if (rest.includes('hans')) return 'zh-CN';
  if (rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-TW';
  return 'zh-CN';
}

/** The locale for the browser's preferred languages: the first one the app speaks, else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** `search` with `lang` set to `locale`; every other parameter kept as it is, in its place. */
export function withLangParam(search: string, locale: Locale): string {
  const parts = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '');
  const at = parts.findIndex((p) => p === LANG_PARAM || p.startsWith(`${LANG_PARAM}=`));
  const entry = `${LANG_PARAM}=${locale}`;
  const out = parts.filter((p) => p !== LANG_PARAM && !p.startsWith(`${LANG_PARAM}=`));
  out.splice(at < 0 ? out.length : at, 0, entry);
  return `?${out.join('&')}`;
}

/** The parts of a window the language code reads; tests pass their own. */
export interface LocaleEnvironment {
  readonly location: { readonly search: string };
  readonly navigator?: { readonly languages?: readonly string[]; readonly language?: string };
  /** Returns the page's localStorage; may throw (sandboxed frames), and so may its methods. */
  readonly storage?: () => Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Returns this tab's sessionStorage; may throw like `storage`. */
  readonly session?: () => Pick<Storage, 'getItem' | 'setItem'> | null;
}

type StorageGetter = (() => Pick<Storage, 'getItem' | 'setItem'> | null) | undefined;

function readStored(storage: StorageGetter): Locale | null {
  try {
    return parseLocale(storage?.()?.getItem(LANG_STORAGE_KEY));
  } catch {
    return null;
  }
}

function writeStored(storage: StorageGetter, locale: Locale): void {
  try {
    storage?.()?.setItem(LANG_STORAGE_KEY, locale);
  } catch {
    // No storage in sandboxed frames (or it is full): the language lasts for this page only.
  }
}

/** The language a page opens in (URL, then storage, then the browser). Never throws. */
export function initialLocale(env: LocaleEnvironment): Locale {
  const fromUrl = parseLocale(new URLSearchParams(env.location.search).get(LANG_PARAM));
  if (fromUrl) return fromUrl;
  const stored = readStored(env.session) ?? readStored(env.storage);
  if (stored) return stored;
  const nav = env.navigator;
  const languages =
    nav?.languages && nav.languages.length > 0
      ? nav.languages
      : nav?.language
        ? [nav.language]
        : [];
  return localeFromLanguages(languages);
}

function browserEnvironment(win: Window): LocaleEnvironment {
  return {
    location: win.location,
    navigator: win.navigator,
    storage: () => win.localStorage,
    session: () => win.sessionStorage,
  };
}

/** Sets `<html lang>` (BCP 47: zh-CN / zh-TW / en), so screen readers and fonts follow. */
function markDocument(win: Window, locale: Locale): void {
  win.document.documentElement.lang = locale;
}

/**
 * Chooses the language before the first render and keeps `<html lang>` in step with it.
 * Returns a stop function.
 */
export async function startLocale(win: Window = window): Promise<() => void> {
  const env = browserEnvironment(win);
  await setLocale(initialLocale(env));
  // A `lang=` link sets this tab's language, so the navigation links (which carry no lang=) keep it.
  if (parseLocale(new URLSearchParams(win.location.search).get(LANG_PARAM)))
    writeStored(env.session, getLocale());
  markDocument(win, getLocale());
  return useLocaleStore.subscribe((s) => markDocument(win, s.locale));
}

/** What the language switcher calls: keep the choice in the URL and storage, then switch at once. */
export function chooseLocale(locale: Locale, win: Window = window): void {
  replaceSearch(withLangParam(win.location.search, locale), win);
  const env = browserEnvironment(win);
  writeStored(env.storage, locale);
  writeStored(env.session, locale);
  void setLocale(locale);
}
