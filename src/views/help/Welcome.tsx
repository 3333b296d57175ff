import { useState } from 'react';
import { t } from '../../i18n';
import { usePresent } from '../../state/present';
import './help.css';

const DISMISSED_KEY = 'descent.welcome.dismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    // A sandboxed frame has no storage: show the card, it can still be closed.
    return false;
  }
}

/**
 * The first visit's invitation: three optimizers at step 0 on the notes' surface, and a way into
 * the lessons for whoever does not know where to start. Shown only on a page opened without a
 * scene (a shared link already says what to look at) and never over an open lesson (which has
 * its own text, and another surface); closing it is remembered.
 */
export function Welcome(props: { firstVisit: boolean }) {
  const [open, setOpen] = useState(() => props.firstVisit && !wasDismissed());
  const inLesson = usePresent((s) => s.lesson !== null);
  if (!open || inLesson) return null;
  const close = (): void => {
    setOpen(false);
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Storage may be unavailable (sandboxed embeds, private modes): closing still works.
    }
  };
  return (
    <section className="panel welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.body')}</p>
      <div className="welcome-actions">
        <a className="welcome-lessons" href="./?page=lessons">
          {t('welcome.lessons')}
        </a>
        <button type="button" onClick={close}>
          {t('welcome.close')}
        </button>
      </div>
    </section>
  );
}
