import { t, useLocale } from '../../i18n';
import { usePresent } from '../../state/present';
import { useLesson } from './catalogStore';
import { closeLesson, setPresenting } from './presenter';
import './lessons.css';

/** The open lesson's text beside the map, with Present, All lessons and Close. */
export function LessonPanel() {
  const id = usePresent((s) => s.lesson);
  const locale = useLocale();
  const lesson = useLesson(id);
  if (id === null || lesson === 'loading') return null;
  if (!lesson) {
    return (
      <section className="panel lesson-panel" role="status" data-testid="lesson-missing">
        <p>{t('lessons.notFound', { id })}</p>
        <a href="./?page=lessons">{t('lessons.all')}</a>
      </section>
    );
  }
  return (
    <section
      className="panel lesson-panel"
      aria-labelledby="lesson-title"
      data-testid="lesson-panel"
    >
      <p className="lesson-kicker">{t('lessons.panel')}</p>
      <h2 id="lesson-title">{lesson.title[locale]}</h2>
      <p className="lesson-body" data-testid="lesson-body">
        {lesson.body[locale]}
      </p>
      <div className="lesson-actions">
        <button
          type="button"
          className="primary"
          onClick={() => setPresenting(true)}
          aria-keyshortcuts="p"
          data-testid="present"
        >
          {t('lessons.present')}
        </button>
        <a href="./?page=lessons">{t('lessons.all')}</a>
        <button type="button" onClick={() => closeLesson()} data-testid="close-lesson">
          {t('lessons.close')}
        </button>
      </div>
    </section>
  );
}
