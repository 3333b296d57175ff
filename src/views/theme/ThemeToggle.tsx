import { t } from '../../i18n';
import { THEME_CHOICES, useTheme } from './theme';
import type { ThemeChoice } from './theme';

/** Symbols before each choice, so the menu reads as a theme menu without a visible label. */
const ICONS: Readonly<Record<ThemeChoice, string>> = { auto: '◐', light: '☀', dark: '☾' };

/** Light / dark / auto (follow the system), in the header of every page. */
export function ThemeToggle() {
  const choice = useTheme((s) => s.choice);
  return (
    <label className="theme-toggle">
      <span className="visually-hidden">{t('theme.label')}</span>
      <select
        value={choice}
        title={t('theme.label')}
        data-testid="theme-select"
        onChange={(e) => useTheme.getState().setChoice(e.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {`${ICONS[c]} ${t(`theme.${c}`)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
