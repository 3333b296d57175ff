/**
 * The "Analyze" drawer of the visualizer page (lazy-loaded): race, LR sweep, stability, basins of
 * attraction, the mini-batch playground and step-by-step mode, one tab each.
 */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { t } from '../../i18n';
import type { NoiseSpec } from '../../engine/noise/types';
import { ANALYSIS_TABS, useAnalysis } from '../../state/analysis';
import { useDescent } from '../../state/store';
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
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Opened from the button under the playback bar, the page is scrolled down to it: bring the
    // map the drawer talks about back into view (one frame later, once the layout has made room).
    const frame = requestAnimationFrame(() => {
      if (sectionRef.current) bringMapIntoView(sectionRef.current);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
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
      ref={sectionRef}
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
        <NoiseNote tab={tab} />
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

/** "Gaussian, σ 0.05, seed 1": a scene's noise settings in words. */
function noiseSettings(noise: NoiseSpec): string {
  const params: string[] = [];
  if (noise.type !== 'minibatch') params.push(`σ ${noise.scale}`);
  if (noise.type === 'heavy_tail') params.push(`ν ${noise.df}`);
  if (noise.batch_size !== undefined) params.push(`B ${noise.batch_size}`);
  return t('analysis.noise.settings', {
    kind: t(`noise.type.${noise.type}`),
    params: params.join(', '),
    seed: noise.seed,
  });
}

/**
 * The map's gradient noise, when on, said above the tab, with what it means there: step-by-step
 * shows the noisy steps the path took; race, sweep, stability and basins compute with exact
 * gradients. The mini-batch tab has its own data and batches: nothing to say there.
 */
function NoiseNote(props: { tab: AnalysisTab }) {
  const noise = useDescent((s) => s.scene.noise);
  if (noise === undefined || props.tab === 'minibatch') return null;
  return (
    <p className="field-help analysis-noise" data-testid="analysis-noise">
      {t(props.tab === 'step' ? 'analysis.noise.step' : 'analysis.noise.exact', {
        noise: noiseSettings(noise),
      })}
    </p>
  );
}

/**
 * Scrolls the page so the map and the drawer's start are both in view. Wide screens (the drawer
 * floats beside the map, `position: fixed`): the map, with its axes, comes wholly into view when
 * partly scrolled away. Narrower screens (the drawer sits under a map stage that sticks to the
 * top): the drawer's heading and tabs come just under the stage instead of hiding behind it.
 */
function bringMapIntoView(drawer: HTMLElement): void {
  const margin = 8;
  if (getComputedStyle(drawer).position === 'fixed') {
    const map = document.querySelector('[data-testid="map"]');
    if (!map) return;
    const box = map.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    // The least scroll that shows the whole map: the page's header stays in view when it fits.
    const top = box.top + window.scrollY;
    const bottom = box.bottom + window.scrollY;
    const y = Math.min(top - margin, Math.max(0, bottom + margin - window.innerHeight));
    window.scrollTo({ top: y, behavior: 'instant' });
    return;
  }
  const stage = drawer.closest('.column-map')?.querySelector(':scope > .map-stage');
  if (!stage || getComputedStyle(stage).position !== 'sticky') return;
  // Once scrolled, the stage sticks at the top (top: 0): the drawer comes right under it.
  const below = stage.getBoundingClientRect().height + margin;
  const top = drawer.getBoundingClientRect().top;
  if (top >= below && top < window.innerHeight - 120) return;
  window.scrollBy({ top: top - below, behavior: 'instant' });
}
