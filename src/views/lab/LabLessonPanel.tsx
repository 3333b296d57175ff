/**
 * A lab lesson's text beside the lab (issue 14): opened from the gallery (`?page=lab&lab=…&lesson=
 * <id>`), the lab keeps the lesson's explanation and says what to look at, and when, as the
 * optimizer lessons keep theirs beside the map. Closing it leaves the lab as it is.
 */
import { t, useLocale } from '../../i18n';
import { LAB_LESSONS } from '../../lessons/labLessons';
import { usePresent } from '../../state/present';
import { LessonFrame } from '../lessons/LessonFrame';

/** The open lab lesson's title, explanation and "look" text, or nothing. */
export function LabLessonPanel() {
  const id = usePresent((s) => s.lesson);
  const locale = useLocale();
  const lesson = LAB_LESSONS.find((l) => l.id === id);
  if (!lesson) return null;
  return (
    <LessonFrame
      testId="lab-lesson-panel"
      className="lab-lesson"
      title={lesson.title[locale]}
      body={lesson.body[locale]}
    >
      <p className="lab-lesson-look" data-testid="lab-lesson-look">
        <strong>{t('lessons.look')}</strong> {lesson.look[locale]}
      </p>
    </LessonFrame>
  );
}
