import { useShallow } from 'zustand/react/shallow';
import { stepArrows } from '../../engine/analysis';
import type { ArrowTerm } from '../../engine/analysis';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { fmt } from './format';
import { optimizerName } from '../names';

/** Colours of the step-by-step arrows, shared by the panel and the map. */
export const ARROW_COLORS: Readonly<Record<ArrowTerm, string>> = {
  gradient: '#d62728',
  momentum: '#1f77b4',
  'scaled-gradient': '#9467bd',
  step: '#111111',
};

/** Step k of the selected optimizer at the cursor (the last step when the cursor is at the end). */
export function useStepArrows() {
  const s = useDescent(
    useShallow((st) => ({
      surface: st.surface,
      scene: st.scene,
      selected: st.selected,
      cursor: st.cursor,
    })),
  );
  const k = Math.max(0, Math.min(s.cursor, s.scene.steps - 1));
  return s.scene.optimizers[s.selected] ? stepArrows(s.surface, s.scene, s.selected, k) : undefined;
}

/** The terms of one step, as drawn on the map. */
export function StepPanel() {
  const step = useStepArrows();
  // The list and the index, not the name: a selector runs on every store change (each frame of
  // playback), and naming calls for the whole list's names.
  const optimizers = useDescent((s) => s.scene.optimizers);
  const selected = useDescent((s) => s.selected);
  const config = optimizers[selected];
  if (!config) return <p className="field-help">{t('formula.empty')}</p>;
  const name = optimizerName(optimizers, selected);
  if (!step) return <p className="field-help">{t('analysis.step.none', { name })}</p>;
  return (
    <div className="analysis-view" data-testid="step-view">
      <p>
        {t('analysis.step.heading', {
          name,
          k: step.k,
          next: step.k + 1,
          lr: fmt(step.lr, 4),
        })}
      </p>
      <ul className="step-arrows">
        {step.arrows.map((a) => (
          <li key={a.term} data-testid={`step-arrow-${a.term}`}>
            <span
              className="swatch"
              style={{ background: ARROW_COLORS[a.term] }}
              aria-hidden="true"
            />
            {t(`analysis.step.${a.term}`)}: ({fmt(a.vector[0], 4)}, {fmt(a.vector[1], 4)})
          </li>
        ))}
      </ul>
      {step.scale && (
        <p data-testid="step-scale">
          {t('analysis.step.scale', {
            x: fmt(step.scale.values[0], 4),
            y: fmt(step.scale.values[1], 4),
          })}
        </p>
      )}
      <p className="field-help">{t('analysis.step.help')}</p>
    </div>
  );
}
