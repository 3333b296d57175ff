/**
 * A lab lesson's text beside the lab (issue 14): opened from the gallery (`?page=lab&lab=…&lesson=
 * <id>`), the lab keeps the lesson's explanation and says what to look at, and when, as the
 * optimizer lessons keep theirs beside the map. Closing it leaves the lab as it is.
 */
import { t, useLocale } from '../../i18n';
import { LAB_LESSONS } from '../../lessons/labLessons';
import { usePresent } from '../../state/present';
import { closeLesson } from '../lessons/presenter';
import '../lessons/lessons.css';

/** The open lab lesson's title, explanation and "look" text, or nothing. */
export function LabLessonPanel() {
  const id = usePresent((s) => s.lesson);
  const locale = useLocale();
  const lesson = LAB_LESSONS.find((l) => l.id === id);
  if (!lesson) return null;
  return (
    <section
      className="panel lesson-panel lab-lesson"
      aria-labelledby="lab-lesson-title"
      data-testid="lab-lesson-panel"
    >
      <p className="lesson-kicker">{t('lessons.panel')}</p>
      <h2 id="lab-lesson-title">{lesson.title[locale]}</h2>
      <p className="lesson-body" data-testid="lesson-body">
        {lesson.body[locale]}
      </p>
      <p className="lab-lesson-look" data-testid="lab-lesson-look">
        <strong>{t('lessons.look')}</strong> {lesson.look[locale]}
      </p>
      <div className="lesson-actions">
        <a href="./?page=lessons">{t('lessons.all')}</a>
        <button type="button" onClick={() => closeLesson()} data-testid="close-lesson">
          {t('lessons.close')}
        </button>
      </div>
    </section>
  );
}
