/** The header's "Embed" button; the dialog itself loads only when opened. */
import { lazy, Suspense, useState } from 'react';
import { t, withAllTexts } from '../../i18n';

const EmbedDialog = lazy(() => withAllTexts(import('./EmbedDialog')));

export function EmbedButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="embed-button"
      >
        {t('embed.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
