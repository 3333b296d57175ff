import { useId } from 'react';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { closeLesson } from './presenter';
import './lessons.css';

/**
 * The frame every lesson panel shares (beside the map and beside the lab): the kicker, the title,
 * the explanation, what the page adds (`children`), then its own actions (`actions`, e.g. Present)
 * before "All lessons" and "Close".
 */
export function LessonFrame(props: {
  testId: string;
  className?: string;
  title: string;
  body: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const titleId = useId();
  return (
    <section
      className={`panel lesson-panel${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={props.testId}
    >
      <p className="lesson-kicker">{t('lessons.panel')}</p>
      <h2 id={titleId}>{props.title}</h2>
      <p className="lesson-body" data-testid="lesson-body">
        {props.body}
      </p>
      {props.children}
      <div className="lesson-actions">
        {props.actions}
        <a href="./?page=lessons">{t('lessons.all')}</a>
        <button type="button" onClick={() => closeLesson()} data-testid="close-lesson">
          {t('lessons.close')}
        </button>
      </div>
    </section>
  );
}
