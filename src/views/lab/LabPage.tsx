import { useEffect, useMemo, useState } from 'react';
import { useLabStore } from '../../state/lab';
import { createLabClient } from '../../worker/lab/spawn';
import { BackpropCalculator } from './BackpropCalculator';
import { normDomain } from './gradients';
import { LabControls } from './LabControls';
import { LabFormulas } from './LabFormulas';
import { LinearChainPanel } from './LinearChainPanel';
import { SlotView } from './SlotView';
import { t } from './strings';
import { loadLabUrl, watchLabUrl } from './urlSync';
import { useLabRunner } from './useLabRunner';
import './lab.css';

/** The gradient-flow lab: controls, one or two configurations side by side, the calculator and the formulas. */
export default function LabPage() {
  // Read the URL before the first render so the first request already uses it.
  useState(loadLabUrl);
  useEffect(watchLabUrl, []);
  const client = useMemo(() => createLabClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  const { step, reset } = useLabRunner(client);
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
      </header>
      {problems.length > 0 && (
        <div className="lab-warning" role="alert">
          <p>{t('lab.urlProblems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => useLabStore.getState().dismissProblems()}>
            {t('lab.dismiss')}
          </button>
        </div>
      )}
      {client.inline && <p className="lab-help">{t('lab.inline')}</p>}
      <div className={compare ? 'lab-layout lab-layout--compare' : 'lab-layout'}>
        <LabControls running={running} onStep={step} onReset={reset} />
        <div className="lab-slots">
          <SlotView slot="a" domain={domain} labelled={compare} />
          {compare && <SlotView slot="b" domain={domain} labelled />}
        </div>
      </div>
      <LinearChainPanel />
      <BackpropCalculator />
      <LabFormulas />
    </main>
  );
}
