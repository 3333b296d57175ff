import { useState } from 'react';
import { loadAllTexts, t, useLocale } from '../../i18n';
import type { MessageKey } from '../../i18n';
import './help.css';

/** The panels that carry a "what am I looking at" note. */
export type HelpTopic = 'map' | 'surface' | 'optimizers' | 'charts' | 'formula';

/**
 * A small "?" that opens a two-line explanation of the panel it sits in: what the picture shows
 * and what to try. A native <details>, so it works with keyboard and screen readers unaided.
 * The note's text is among those loaded after the first paint (i18n/en-more): it is rendered
 * only once opened, and opening asks for it in case it has not arrived yet.
 */
export function PanelHelp(props: { topic: HelpTopic }) {
  useLocale();
  const [open, setOpen] = useState(false);
  const body = `help.${props.topic}` as MessageKey;
  return (
    <details
      className="panel-help"
      data-testid={`help-${props.topic}`}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        if (isOpen) void loadAllTexts();
        setOpen(isOpen);
      }}
    >
      <summary aria-label={t('help.toggle')} title={t('help.toggle')}>
        <span aria-hidden="true">?</span>
      </summary>
      {open && <p>{t(body)}</p>}
    </details>
  );
}
