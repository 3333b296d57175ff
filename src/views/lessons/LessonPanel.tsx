import { t, useLocale } from '../../i18n';
import { usePresent } from '../../state/present';
import { useLesson } from './catalogStore';
import { LessonFrame } from './LessonFrame';
import { setPresenting } from './presenter';
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
    <LessonFrame
      testId="lesson-panel"
      title={lesson.title[locale]}
      body={lesson.body[locale]}
      actions={
        <button
          type="button"
          className="primary"
          onClick={() => setPresenting(true)}
          aria-keyshortcuts="p"
          data-testid="present"
        >
          {t('lessons.present')}
        </button>
      }
    />
  );
}
