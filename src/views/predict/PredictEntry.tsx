/**
 * Predict-then-run's entries (issue 14): nothing unless the URL has `predict=` or the open lesson
 * asks a question; then the panel and the map layer load with their code (PredictUI.tsx), which
 * the first paint does not need.
 */
import { lazy, Suspense } from 'react';
import { withAllTexts } from '../../i18n';
import { usePresent } from '../../state/present';
import { useDescent } from '../../state/store';
import { loadLessons, useCatalog, useLesson } from '../lessons/catalogStore';
import type { Projection } from '../map/projection';

/** The page was opened with `predict=` (read once: the flag belongs to the link). */
const FLAG = typeof window !== 'undefined' && /[?&]predict=/.test(window.location.search);

/** The panel's code has taken over the question (or failed to load): the hold is its no more. */
let tookOver = false;
let updateHold: () => void = () => undefined;

/**
 * Holds the run at step 0 (the store's `held`) from the page's start while a question may be
 * pending: the link has `predict=`, or the open lesson asks one (or the catalogue that says
 * whether it does is still loading). The panel's chunk ends the hold when it has asked
 * (`questionTakenOver`); from then on its own store decides what a key does (it reveals). Until
 * then the lesson's text and the charts, which tell the answer, are hidden too (lessons.css).
 * Not called in an embed, which asks no question.
 */
export function startQuestionHold(): void {
  const root = document.documentElement;
  updateHold = () => {
    const id = usePresent.getState().lesson;
    const lessons = useCatalog.getState().lessons;
    const lesson = id === null ? undefined : lessons?.find((l) => l.id === id);
    const asks = FLAG || (id !== null && (lessons === null || lesson?.predict !== undefined));
    const held = asks && !tookOver;
    // A catalogue that cannot load would hold the run for good: playback comes back instead.
    if (held && id !== null && lessons === null) void loadLessons().catch(questionTakenOver);
    if (useDescent.getState().held !== held) useDescent.getState().setHeld(held);
    root.classList.toggle('question-held', held);
  };
  usePresent.subscribe(updateHold);
  useCatalog.subscribe(updateHold);
  updateHold();
}

/** Called by the panel once it has asked its question, or found none to ask. */
export function questionTakenOver(): void {
  tookOver = true;
  updateHold();
}

const load = () =>
  withAllTexts(import('./PredictUI')).catch((error: unknown) => {
    // Without the panel nobody would end the hold: playback comes back, the boundary says why.
    questionTakenOver();
    throw error;
  });
const PredictPanelUI = lazy(() => load().then((m) => ({ default: m.PredictPanel })));
const PredictLayerUI = lazy(() => load().then((m) => ({ default: m.PredictLayer })));

function usePredictOn(): boolean {
  const lesson = useLesson(usePresent((s) => s.lesson));
  return FLAG || (typeof lesson === 'object' && lesson.predict !== undefined);
}

/** The question, the learner's answer and the verdict (beside the map, or in presenter mode). */
export function PredictPanel(props: { presenting?: boolean }) {
  if (!usePredictOn()) return null;
  return (
    // Until the panel's code is in, a placeholder of its size (app.css): the room sees the
    // question coming and why the run waits. It has no words: they would weigh on the first paint.
    <Suspense
      fallback={<div className="panel predict-loading" data-testid="predict-loading" aria-busy />}
    >
      <PredictPanelUI presenting={props.presenting === true} />
    </Suspense>
  );
}

/** The guess, the true point and the distance between them, drawn on the map. */
export function PredictLayer(props: { projection: Projection }) {
  if (!usePredictOn()) return null;
  return (
    <Suspense fallback={null}>
      <PredictLayerUI projection={props.projection} />
    </Suspense>
  );
}
