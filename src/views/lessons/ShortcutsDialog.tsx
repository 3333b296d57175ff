import { useEffect, useRef } from 'react';
import { t } from '../../i18n';
import { SHORTCUTS, usePresent } from '../../state/present';

/** The keyboard-shortcuts dialog (`?`), a native modal dialog: focus stays inside, Esc closes it. */
export function ShortcutsDialog() {
  const open = usePresent((s) => s.shortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-heading"
      data-testid="shortcuts-dialog"
      onClose={() => usePresent.getState().setShortcutsOpen(false)}
    >
      <h2 id="shortcuts-heading">{t('shortcuts.heading')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((row) => (
            <tr key={row.action}>
              <th scope="row">
                {row.keys.map((k, i) => (
                  <span key={i}>
                    {k === '…' ? ' … ' : <kbd>{k}</kbd>}
                    {i < row.keys.length - 1 && k !== '…' && row.keys[i + 1] !== '…' ? ' ' : ''}
                  </span>
                ))}
              </th>
              <td>{t(row.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-help">{t('shortcuts.note')}</p>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
