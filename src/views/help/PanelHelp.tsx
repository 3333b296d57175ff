import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import './help.css';

/** The panels that carry a "what am I looking at" note. */
export type HelpTopic = 'map' | 'surface' | 'optimizers' | 'charts' | 'formula';

/**
 * A small "?" that opens a two-line explanation of the panel it sits in: what the picture shows
 * and what to try. A native <details>, so it works with keyboard and screen readers unaided.
 */
export function PanelHelp(props: { topic: HelpTopic }) {
  const body = `help.${props.topic}` as MessageKey;
  return (
    <details className="panel-help" data-testid={`help-${props.topic}`}>
      <summary aria-label={t('help.toggle')} title={t('help.toggle')}>
        <span aria-hidden="true">?</span>
      </summary>
      <p>{t(body)}</p>
    </details>
  );
}
