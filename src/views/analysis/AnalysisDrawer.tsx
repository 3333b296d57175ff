/**
 * The "Analyze" drawer of the visualizer page (lazy-loaded): race, LR sweep, stability, basins of
 * attraction, the mini-batch playground and step-by-step mode, one tab each.
 */
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { t } from '../../i18n';
import { ANALYSIS_TABS, useAnalysis } from '../../state/analysis';
import type { AnalysisTab } from '../../state/analysis';
import { BasinRunner, BasinsPanel } from './BasinsPanel';
import { MiniBatchPanel } from './MiniBatchPanel';
import { RacePanel } from './RacePanel';
import { StabilityPanel } from './StabilityPanel';
import { StepPanel } from './StepPanel';
import { SweepPanel } from './SweepPanel';
import './analysis.css';

const PANELS: Readonly<Record<AnalysisTab, () => React.JSX.Element>> = {
  race: RacePanel,
  sweep: SweepPanel,
  stability: StabilityPanel,
  basins: BasinsPanel,
  minibatch: MiniBatchPanel,
  step: StepPanel,
};

export default function AnalysisDrawer() {
  const tab = useAnalysis((s) => s.tab);
  const keepBasins = useAnalysis((s) => s.basinOverlay && s.basins !== null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const Panel = PANELS[tab];
  const select = (next: AnalysisTab): void => useAnalysis.getState().set({ tab: next });
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const i = ANALYSIS_TABS.indexOf(tab);
    let next = -1;
    if (event.key === 'ArrowRight') next = (i + 1) % ANALYSIS_TABS.length;
    else if (event.key === 'ArrowLeft')
      next = (i - 1 + ANALYSIS_TABS.length) % ANALYSIS_TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = ANALYSIS_TABS.length - 1;
    if (next < 0) return;
    event.preventDefault();
    event.stopPropagation();
    select(ANALYSIS_TABS[next]!);
    tabRefs.current[next]?.focus();
  };
  return (
    <section
      className="panel analysis-drawer"
      aria-label={t('analysis.heading')}
      data-testid="analysis-drawer"
    >
      <div className="analysis-head">
        <h2>{t('analysis.heading')}</h2>
        <button
          type="button"
          className="analysis-close"
          onClick={() => useAnalysis.getState().set({ open: false })}
          aria-label={t('analysis.close')}
        >
          ×
        </button>
      </div>
      <div
        role="tablist"
        aria-label={t('analysis.tabs')}
        className="analysis-tabs"
        onKeyDown={onKey}
      >
        {ANALYSIS_TABS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`analysis-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="analysis-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            data-testid={`analysis-tab-${id}`}
            onClick={() => select(id)}
          >
            {t(`analysis.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="analysis-tabpanel" aria-labelledby={`analysis-tab-${tab}`}>
        <Panel />
        {tab !== 'basins' && keepBasins && (
          <div className="visually-hidden">
            <BasinRunner />
          </div>
        )}
      </div>
    </section>
  );
}
