import { describe, expect, it } from 'vitest';
import {
  initialLocale,
  LANG_STORAGE_KEY,
  localeFromLanguages,
  localeOfTag,
  parseLocale,
  withLangParam,
} from './detect';
import type { LocaleEnvironment } from './detect';

describe('browser languages', () => {
  it('sends Taiwan, Hong Kong, Macau and Traditional-script Chinese to 繁體中文', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh_tw', 'ZH-hk'])
      expect(localeOfTag(tag), tag).toBe('zh-TW');
  });

  it('sends every other Chinese to 简体中文, the script subtag winning over the region', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'zh-Hans-TW'])
      expect(localeOfTag(tag), tag).toBe('zh-CN');
  });

  it('takes the first preferred language the app speaks, else English', () => {
    expect(localeFromLanguages(['fr-FR', 'zh-TW', 'en'])).toBe('zh-TW');
    expect(localeFromLanguages(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeFromLanguages(['de', 'ja'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
    expect(localeOfTag('zhx')).toBeNull();
  });
});

describe('the lang= parameter', () => {
  it('accepts the three locales in any letter case and rejects everything else', () => {
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale('zh-tw')).toBe('zh-TW');
    expect(parseLocale('ZH_CN')).toBe('zh-CN');
    expect(parseLocale('en')).toBe('en');
    for (const bad of ['zh', 'fr', '', 'zh-CN<script>', 'constructor', 'toString', null, undefined])
      expect(parseLocale(bad), String(bad)).toBeNull();
  });

  it('is set in place, every other parameter kept as it was', () => {
    expect(withLangParam('', 'zh-CN')).toBe('?lang=zh-CN');
    expect(withLangParam('?page=lab&lab=d:3', 'zh-TW')).toBe('?page=lab&lab=d:3&lang=zh-TW');
    expect(withLangParam('?lang=en&scene=abc&view=x', 'zh-CN')).toBe(
      '?lang=zh-CN&scene=abc&view=x',
    );
    expect(withLangParam('?scene=a&lang=zh-TW&lang=en', 'en')).toBe('?scene=a&lang=en');
  });
});

describe('the language a page opens in', () => {
  const env = (
    search: string,
    languages: string[],
    stored: string | null = null,
  ): LocaleEnvironment => ({
    location: { search },
    navigator: { languages },
    storage: () => ({
      getItem: (k) => (k === LANG_STORAGE_KEY ? stored : null),
      setItem: () => {},
    }),
  });

  it("takes this tab's language (a lang= link opened earlier) over the menu's last choice", () => {
    const store = (value: string) => () => ({
      getItem: (k: string) => (k === LANG_STORAGE_KEY ? value : null),
      setItem: () => {},
    });
    const tab = { location: { search: '' }, navigator: { languages: ['en'] } };
    expect(initialLocale({ ...tab, storage: store('zh-CN'), session: store('zh-TW') })).toBe(
      'zh-TW',
    );
    expect(initialLocale({ ...tab, storage: store('zh-CN'), session: store('bogus') })).toBe(
      'zh-CN',
    );
  });

  it('is the URL first, then the stored choice, then the browser', () => {
    expect(initialLocale(env('?lang=zh-TW', ['zh-CN'], 'en'))).toBe('zh-TW');
    expect(initialLocale(env('', ['zh-CN'], 'zh-TW'))).toBe('zh-TW');
    expect(initialLocale(env('', ['zh-HK']))).toBe('zh-TW');
    expect(initialLocale(env('?lang=klingon', ['zh-CN'], 'nonsense'))).toBe('zh-CN');
  });

  it('still opens when storage throws, as in a sandboxed iframe', () => {
    const denied = (): never => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(
      initialLocale({
        location: { search: '' },
        navigator: { languages: ['zh-MO'] },
        storage: denied,
      }),
    ).toBe('zh-TW');
    expect(
      initialLocale({
        location: { search: '' },
        navigator: { languages: [], language: 'zh-SG' },
        storage: () => ({ getItem: denied, setItem: denied }),
      }),
    ).toBe('zh-CN');
  });
});
