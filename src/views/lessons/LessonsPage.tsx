import { useState } from 'react';
import { ProblemList } from '../ProblemList';
import { usePageParamProblems } from '../hooks/usePageParamProblems';
import { t, useLocale } from '../../i18n';
import type { FieldError } from '../../engine/types';
import { LAB_LESSONS, labLessonHref } from '../../lessons/labLessons';
import type { LabLesson } from '../../lessons/labLessons';
import { LESSONS } from '../../lessons/catalog';
import type { LabConfig } from '../../state/lab';
import { LessonPreview } from './LessonPreview';
import { lessonHref } from './lessonLinks';
import './lessons.css';

/** A one-line summary of a lab configuration, in the lab's own words. */
function labSummary(c: LabConfig): string {
  const parts = [
    `${c.depth} × ${c.width}`,
    t(`lab.act.${c.activation}`),
    `${t(`lab.init.${c.init}`)}${c.weightScale !== 1 ? ` ×${c.weightScale}` : ''}`,
  ];
  if (c.batchnorm) parts.push(t('lab.batchnorm'));
  if (c.residual) parts.push(t('lab.residual'));
  return parts.join(' · ');
}

function LabPreview(props: { lesson: LabLesson }) {
  const { a, b } = props.lesson.state;
  return (
    <dl className="lesson-lab-preview">
      <div>
        <dt>A</dt>
        <dd>{labSummary(a)}</dd>
      </div>
      {b && (
        <div>
          <dt>B</dt>
          <dd>{labSummary(b)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The lesson gallery (`?page=lessons`): a card per lesson, optimizer scenes then lab presets. */
export default function LessonsPage() {
  const locale = useLocale();
  // Bad values of the page's own parameters (theme=, lang=, present=, …), named as the
  // visualizer and the lab name them.
  const [problems, setProblems] = useState<readonly FieldError[]>([]);
  usePageParamProblems('lessons', (more) => setProblems((p) => [...p, ...more]));
  return (
    <main className="lessons-page" data-testid="lessons-page">
      {problems.length > 0 && (
        <div className="notice" role="alert" data-testid="load-errors">
          <p>{t('app.urlProblems')}</p>
          <ProblemList problems={problems} />
          <button type="button" onClick={() => setProblems([])}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      <h2>{t('lessons.heading')}</h2>
      <p className="lessons-intro">{t('lessons.intro')}</p>
      <section aria-labelledby="lessons-visualizer">
        <h3 id="lessons-visualizer">{t('lessons.visualizerSection')}</h3>
        <ul className="lesson-cards">
          {LESSONS.map((lesson) => (
            <li key={lesson.id} className="lesson-card" data-testid={`lesson-card-${lesson.id}`}>
              <LessonPreview scene={lesson.scene} label={t('lessons.preview')} />
              <h4>
                <a className="lesson-card-link" href={lessonHref(lesson)}>
                  {lesson.title[locale]}
                </a>
              </h4>
              <p>{lesson.body[locale]}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lessons-lab">
        <h3 id="lessons-lab">{t('lessons.labSection')}</h3>
        <ul className="lesson-cards">
          {LAB_LESSONS.map((lesson) => (
            <li key={lesson.id} className="lesson-card" data-testid={`lesson-card-${lesson.id}`}>
              <LabPreview lesson={lesson} />
              <h4>
                <a className="lesson-card-link" href={labLessonHref(lesson)}>
                  {lesson.title[locale]}
                </a>
              </h4>
              <p>{lesson.body[locale]}</p>
              <p className="lesson-badge">{t('lessons.openLab')}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
