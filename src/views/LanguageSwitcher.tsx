/**
 * The language menu in every page's header. Each language is listed under its own name (so a
 * reader who cannot read the current language still finds theirs); choosing one re-renders the
 * page at once and keeps the choice in the URL (`lang=`) and in storage.
 */
import { useId } from 'react';
import { LOCALE_IDS, t, useLocale } from '../i18n';
import type { Locale } from '../i18n';
import { chooseLocale, parseLocale } from '../i18n/detect';
import './language.css';

/** Each language's name in that language (names, not translated). */
const NATIVE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
};

export function LanguageSwitcher() {
  const locale = useLocale();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select
        id={id}
        data-testid="language-switcher"
        value={locale}
        title={t('app.language')}
        onChange={(event) => {
          const next = parseLocale(event.target.value);
          if (next) chooseLocale(next);
        }}
      >
        {LOCALE_IDS.map((id) => (
          <option key={id} value={id} lang={id}>
            {NATIVE_NAMES[id]}
          </option>
        ))}
      </select>
    </div>
  );
}
