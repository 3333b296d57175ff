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
  // An unknown id is named by the link's notice (state/pageParams.ts), in presenter mode too.
  if (id === null || lesson === 'loading' || !lesson) return null;
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
