import { useCallback, useEffect, useMemo, useState } from 'react';
import { ProblemList } from '../ProblemList';
import { usePageParamProblems } from '../hooks/usePageParamProblems';
import { t as appText } from '../../i18n';
import { usePresent } from '../../state/present';
import type { KeyAction } from '../../state/present';
import { LAB_TABS, useLabStore } from '../../state/lab';
import { createLabClient } from '../../worker/lab/spawn';
import { BackpropCalculator } from './BackpropCalculator';
import { normDomain } from './gradients';
import { LabControls } from './LabControls';
import { LabFormulas } from './LabFormulas';
import { LabLessonPanel } from './LabLessonPanel';
import { LandscapeView } from './LandscapeView';
import { LinearChainPanel } from './LinearChainPanel';
import { SlotView } from './SlotView';
import { t } from './strings';
import { loadLabUrl, watchLabUrl } from './urlSync';
import { useLabRunner } from './useLabRunner';
import { setPresenting } from '../lessons/presenter';
import { ShortcutsButton } from '../lessons/ShortcutsButton';
import { ShortcutsDialog } from '../lessons/ShortcutsDialog';
import { runPageKeyAction, useKeyboardShortcuts } from '../lessons/useShortcuts';
import './lab.css';

/** The gradient-flow lab: controls, one or two configurations side by side, the calculator and the formulas. */
export default function LabPage() {
  // Read the URL before the first render so the first request already uses it.
  useState(loadLabUrl);
  useEffect(watchLabUrl, []);
  // Bad values of the page's own parameters (theme=, lang=, present=, …) join the lab link's notice.
  usePageParamProblems('lab', (more) =>
    useLabStore.setState((s) => ({ urlProblems: [...s.urlProblems, ...more] })),
  );
  const client = useMemo(() => createLabClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  const { step, reset } = useLabRunner(client);
  const presenting = usePresent((s) => s.present);
  // The visualizer's shortcuts, on the lab: Space trains or pauses, → / PageDown one step, R resets.
  const run = useCallback(
    (action: KeyAction): void => {
      if (runPageKeyAction(action)) return;
      const lab = useLabStore.getState();
      switch (action.kind) {
        case 'toggle-play':
          lab.setRunning(!lab.running);
          break;
        case 'step':
          if (action.by > 0) step();
          break;
        case 'reset':
          lab.setRunning(false);
          reset();
          break;
      }
    },
    [step, reset],
  );
  useKeyboardShortcuts(run);
  // The open tab is in the link (`labview=tab:landscape`), so a shared lab opens where it was.
  const view = useLabStore((s) => s.tab);
  const setView = useLabStore((s) => s.setTab);
  const compare = useLabStore((s) => s.compare);
  const running = useLabStore((s) => s.running);
  const problems = useLabStore((s) => s.urlProblems);
  const normsA = useLabStore((s) => s.results.a.snapshot?.weightGradNorms);
  const normsB = useLabStore((s) => s.results.b.snapshot?.weightGradNorms);
  // One scale for both configurations, so A and B compare at a glance.
  const domain = useMemo(
    () => normDomain([...(normsA ?? []), ...(compare && normsB ? normsB : [])]),
    [normsA, normsB, compare],
  );
  return (
    <main className="lab" aria-labelledby="lab-title">
      <header className="lab-head">
        <h1 id="lab-title">{t('lab.title')}</h1>
        <p className="lab-intro">{t('lab.intro')}</p>
        <div className="lab-present">
          <button
            type="button"
            onClick={() => setPresenting(!presenting)}
            aria-keyshortcuts="p"
            data-testid={presenting ? 'stop-presenting' : 'present'}
          >
            {presenting ? appText('lessons.stopPresenting') : appText('lessons.present')}
          </button>
          <ShortcutsButton />
        </div>
      </header>
      <ShortcutsDialog />
      <LabLessonPanel />
      {problems.length > 0 && (
        <div className="lab-warning" role="alert">
          <p>{t('lab.urlProblems')}</p>
          <ProblemList problems={problems} />
          <button type="button" onClick={() => useLabStore.getState().dismissProblems()}>
            {t('lab.dismiss')}
          </button>
        </div>
      )}
      {client.inline && <p className="lab-help">{t('lab.inline')}</p>}
      <div className={compare ? 'lab-layout lab-layout--compare' : 'lab-layout'}>
        <LabControls running={running} onStep={step} onReset={reset} />
        <div className="lab-views">
          <div className="lab-tabs" role="tablist" aria-label={t('lab.views')}>
            {LAB_TABS.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                id={`lab-tab-${v}`}
                aria-selected={view === v}
                aria-controls={`lab-panel-${v}`}
                tabIndex={view === v ? 0 : -1}
                onClick={() => setView(v)}
                onKeyDown={(e) => {
                  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
                  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                  e.preventDefault();
                  const next = v === 'training' ? 'landscape' : 'training';
                  setView(next);
                  document.getElementById(`lab-tab-${next}`)?.focus();
                }}
              >
                {v === 'training' ? t('lab.tabTraining') : t('lab.tabLandscape')}
              </button>
            ))}
          </div>
          {view === 'training' ? (
            <div
              className="lab-slots"
              role="tabpanel"
              id="lab-panel-training"
              aria-labelledby="lab-tab-training"
            >
              <SlotView slot="a" domain={domain} labelled={compare} />
              {compare && <SlotView slot="b" domain={domain} labelled />}
            </div>
          ) : (
            <div role="tabpanel" id="lab-panel-landscape" aria-labelledby="lab-tab-landscape">
              <LandscapeView trainer={client} />
            </div>
          )}
        </div>
      </div>
      {/* Presenter mode keeps the network and its training; the deep dives wait below. */}
      {!presenting && (
        <>
          <LinearChainPanel />
          <BackpropCalculator />
          <LabFormulas />
        </>
      )}
    </main>
  );
}
