import { useMemo } from 'react';
import { encodeLabUrl, useLabStore } from '../../state/lab';
import type { LabSlot } from '../../state/lab';
import { labDataset, SATURATED_LOGIT } from '../../worker/lab/model';
import { formatNumber } from '../format';
import { ActivationHistograms } from './ActivationHistograms';
import { ChainRule } from './ChainRule';
import { GradientBars } from './GradientBars';
import { NetworkDiagram } from './NetworkDiagram';
import { slotName, t } from './strings';
import { isLabErrorKey } from './labErrors';
import { DecisionBoundary, LossCurve } from './TrainingView';

/** Everything the lab shows for one configuration: diagram, gradient bars, histograms, training, chain rule. */
export function SlotView({
  slot,
  domain,
  labelled,
}: {
  slot: LabSlot;
  domain: readonly [number, number];
  labelled: boolean;
}) {
  const config = useLabStore((s) => s[slot]);
  const result = useLabStore((s) => s.results[slot]);
  const selected = useLabStore((s) => s.selectedLayer);
  const selectLayer = useLabStore((s) => s.selectLayer);
  const data = useMemo(() => labDataset(config), [config]);
  const snapshot = result.snapshot;
  const layer = Math.min(selected, config.depth - 1);
  const status = result.pending
    ? t('lab.statusPending')
    : snapshot
      ? t('lab.status', {
          step: snapshot.step,
          loss: formatNumber(snapshot.loss, 3),
          accuracy: `${Math.round(snapshot.accuracy * 100)}%`,
        })
      : t('lab.statusPending');
  const name = slotName(slot);
  // Said in words: a saturated output is a confident network, not a vanishing gradient.
  const saturation = snapshot && !snapshot.diverged ? snapshot.outputSaturation : null;
  return (
    <section
      className={`lab-slot lab-slot--${slot}`}
      aria-label={t('lab.config', { slot: name })}
      data-slot={slot}
    >
      <header className="lab-slot-head">
        {labelled && <h2>{t('lab.config', { slot: name })}</h2>}
        <p
          className="lab-status"
          aria-live="polite"
          data-step={snapshot?.step ?? ''}
          data-loss={snapshot?.loss ?? ''}
          // For tests and tools: which configuration the figures belong to, and whether the
          // one on screen is still being computed (a worker reply is due).
          data-config={result.config ? encodeLabUrl({ a: result.config, b: null }) : ''}
          data-pending={result.pending || result.config !== config ? 'true' : 'false'}
        >
          {status}
        </p>
      </header>
      {snapshot?.diverged && (
        <p className="lab-warning" role="alert">
          {t('lab.diverged')}
        </p>
      )}
      {saturation && saturation.saturated * 2 >= saturation.count && (
        <p className="lab-note" data-testid="lab-saturated" data-wrong={saturation.wrong}>
          {t(saturation.wrong > 0 ? 'lab.saturatedWrong' : 'lab.saturatedRight', {
            saturated: saturation.saturated,
            count: saturation.count,
            wrong: saturation.wrong,
            limit: SATURATED_LOGIT,
          })}
        </p>
      )}
      {result.error && (
        <p className="lab-warning" role="alert">
          {t('lab.error', {
            message: isLabErrorKey(result.error) ? t(result.error) : result.error,
          })}
        </p>
      )}
      <div className="lab-card">
        <h3>{t('lab.diagram')}</h3>
        <p className="lab-help">{t('lab.diagramHelp')}</p>
        <NetworkDiagram
          config={config}
          snapshot={snapshot}
          domain={domain}
          selected={layer}
          onSelect={selectLayer}
          idPrefix={`lab-${slot}`}
        />
      </div>
      <div className="lab-row">
        <div className="lab-card lab-card--bars">
          <h3>{t('lab.bars')}</h3>
          <p className="lab-help">{t('lab.barsHelp')}</p>
          <GradientBars
            snapshot={snapshot}
            domain={domain}
            selected={layer}
            onSelect={selectLayer}
          />
        </div>
        <div className="lab-card lab-card--train">
          <h3>{t('lab.boundary')}</h3>
          <DecisionBoundary snapshot={snapshot} data={data} />
          <h3>{t('lab.lossChart')}</h3>
          <LossCurve losses={snapshot?.losses ?? null} />
        </div>
      </div>
      <ChainRule snapshot={snapshot} layer={layer} layerCount={config.depth} />
      <div className="lab-card">
        <h3>{t('lab.histograms')}</h3>
        <p className="lab-help">{t('lab.histogramsHelp')}</p>
        <ActivationHistograms snapshot={snapshot} />
      </div>
    </section>
  );
}
