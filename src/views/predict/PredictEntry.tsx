/**
 * Predict-then-run's entries (issue 14): nothing unless the URL has `predict=` or the open lesson
 * asks a question; then the panel and the map layer load with their code (PredictUI.tsx), which
 * the first paint does not need.
 */
import { lazy, Suspense } from 'react';
import { withAllTexts } from '../../i18n';
import { usePresent } from '../../state/present';
import { useLesson } from '../lessons/catalogStore';
import type { Projection } from '../map/projection';

const load = () => withAllTexts(import('./PredictUI'));
const PredictPanelUI = lazy(() => load().then((m) => ({ default: m.PredictPanel })));
const PredictLayerUI = lazy(() => load().then((m) => ({ default: m.PredictLayer })));

/** The page was opened with `predict=` (read once: the flag belongs to the link). */
const FLAG = typeof window !== 'undefined' && /[?&]predict=/.test(window.location.search);

function usePredictOn(): boolean {
  const lesson = useLesson(usePresent((s) => s.lesson));
  return FLAG || (typeof lesson === 'object' && lesson.predict !== undefined);
}

/** The question, the learner's answer and the verdict (beside the map, or in presenter mode). */
export function PredictPanel(props: { presenting?: boolean }) {
  if (!usePredictOn()) return null;
  return (
    <Suspense fallback={null}>
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
