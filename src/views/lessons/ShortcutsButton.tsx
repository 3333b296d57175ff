import { t } from '../../i18n';
import { usePresent } from '../../state/present';

/** The header button that opens the shortcuts dialog. */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      className="shortcuts-button"
      onClick={() => usePresent.getState().setShortcutsOpen(true)}
      title={`${t('shortcuts.button')} (?)`}
      aria-label={t('shortcuts.button')}
      aria-keyshortcuts="?"
      data-testid="shortcuts-button"
    >
      ?
    </button>
  );
}
