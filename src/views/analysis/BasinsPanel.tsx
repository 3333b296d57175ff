import { useShallow } from 'zustand/react/shallow';
import { BASIN_DIVERGED, BASIN_UNSETTLED } from '../../engine/analysis';
import { t } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import type { BasinState } from '../../state/analysis';
import { visibleDomain } from '../../state/engine';
import { useDescent } from '../../state/store';
import type { BasinJob } from '../../worker/analysis/protocol';
import { basinCounts, basinCss } from './basinColors';
import { fmt } from './format';
import { Progress } from './Progress';
import { useAnalysisClient, useAnalysisJob } from './useJob';
import { optimizerNames } from '../names';

const SIZES = [32, 64, 128, 256] as const;

/** Computes the basin map of the chosen optimizer over the visible domain, filling the store row by row. */
export function BasinRunner() {
  const { surfaceRef, domain, optimizers } = useDescent(
    useShallow((s) => ({
      surfaceRef: s.scene.surface,
      domain: visibleDomain(s),
      optimizers: s.scene.optimizers,
    })),
  );
  const { basinIndex, basinSize, basinSteps } = useAnalysis(
    useShallow((s) => ({
      basinIndex: s.basinIndex,
      basinSize: s.basinSize,
      basinSteps: s.basinSteps,
    })),
  );
  const client = useAnalysisClient();
  const index = Math.min(basinIndex, Math.max(0, optimizers.length - 1));
  const config = optimizers[index];
  const trimmed = config ? { ...config, label: '', color: '', hidden: false } : null;
  const key = JSON.stringify([surfaceRef, domain, basinSize, basinSteps, trimmed]);
  // A finished map of these very inputs (the runner moved between tabs) is not recomputed.
  const finished = useAnalysis((s) => s.basins?.done === true && s.basins.key === key);
  const job: BasinJob | null =
    config && !finished
      ? { kind: 'basins', surface: surfaceRef, domain, size: basinSize, steps: basinSteps, config }
      : null;
  const state = useAnalysisJob(client, key, job, {
    delayMs: 300,
    onProgress: (p) => {
      if (!p.rows) return;
      const { setBasins, basins } = useAnalysis.getState();
      const fresh = p.rows.fromRow === 0 || !basins || basins.size !== basinSize || basins.done;
      const base: BasinState = fresh
        ? {
            size: basinSize,
            domain,
            labels: new Int16Array(basinSize * basinSize),
            rowsDone: 0,
            attractors: [],
            knownCount: 0,
            done: false,
            version: basins?.version ?? 0,
            key,
          }
        : basins;
      base.labels.set(p.rows.labels, p.rows.fromRow * basinSize);
      setBasins({ ...base, rowsDone: p.rows.toRow, version: base.version + 1 });
    },
    onResult: (result) =>
      useAnalysis.getState().setBasins({
        size: result.size,
        domain: result.domain,
        labels: result.labels,
        rowsDone: result.size,
        attractors: result.attractors,
        knownCount: result.knownCount,
        done: true,
        version: (useAnalysis.getState().basins?.version ?? 0) + 1,
        key,
      }),
  });
  return (
    <>
      <Progress
        running={state.running}
        done={state.done}
        total={state.total}
        testId="basins-progress"
      />
      {state.error && <p className="field-error">{state.error}</p>}
    </>
  );
}

/** Basins of attraction: settings, progress and the legend; the map itself is drawn over the contours. */
export function BasinsPanel() {
  const optimizers = useDescent((s) => s.scene.optimizers);
  const minima = useDescent((s) => s.surface.minima);
  const settings = useAnalysis(
    useShallow((s) => ({
      basinIndex: s.basinIndex,
      basinSize: s.basinSize,
      basinSteps: s.basinSteps,
      basinOverlay: s.basinOverlay,
      basins: s.basins,
    })),
  );
  const set = useAnalysis.getState().set;
  const index = Math.min(settings.basinIndex, Math.max(0, optimizers.length - 1));
  return (
    <div className="analysis-view" data-testid="basins-view">
      <div className="analysis-controls">
        <label className="field inline">
          <span>{t('analysis.optimizer')}</span>
          <select value={index} onChange={(e) => set({ basinIndex: Number(e.target.value) })}>
            {optimizerNames(optimizers).map((name, i) => (
              <option key={i} value={i}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t('analysis.basins.grid')}</span>
          <select
            value={settings.basinSize}
            onChange={(e) => set({ basinSize: Number(e.target.value) })}
          >
            {SIZES.map((n) => (
              <option key={n} value={n}>{`${n} × ${n}`}</option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t('analysis.basins.steps')}</span>
          <select
            value={settings.basinSteps}
            onChange={(e) => set({ basinSteps: Number(e.target.value) })}
          >
            {[...new Set([50, 100, 200, 500, 1000, 2000, settings.basinSteps])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
        <label className="field inline">
          <input
            type="checkbox"
            checked={settings.basinOverlay}
            data-testid="basins-overlay"
            onChange={(e) => set({ basinOverlay: e.target.checked })}
          />
          <span>{t('analysis.basins.overlay')}</span>
        </label>
      </div>
      <BasinRunner />
      {settings.basins && <BasinLegend basins={settings.basins} knownMinima={minima.length} />}
      <p className="field-help">{t('analysis.basins.help')}</p>
    </div>
  );
}

function BasinLegend(props: { basins: BasinState; knownMinima: number }) {
  const { basins } = props;
  const cells = basins.rowsDone * basins.size;
  const counts = basinCounts(basins.labels, cells);
  const labels = [...counts.keys()].sort((a, b) => (a < 0 ? 1000 - a : a) - (b < 0 ? 1000 - b : b));
  const name = (label: number): string => {
    if (label === BASIN_DIVERGED) return t('analysis.basins.diverged');
    if (label === BASIN_UNSETTLED) return t('analysis.basins.unsettled');
    const p = basins.attractors[label];
    const where = p ? `(${fmt(p[0])}, ${fmt(p[1])})` : '';
    return label < (basins.done ? basins.knownCount : props.knownMinima)
      ? t('analysis.basins.minimum', { n: label + 1, where })
      : t('analysis.basins.found', { n: label + 1, where });
  };
  return (
    <ul
      className="basin-legend"
      data-testid="basins-legend"
      data-done={basins.done}
      aria-label={t('analysis.basins.legend')}
    >
      {labels.map((label) => (
        <li key={label} data-testid="basins-entry" data-label={label}>
          <span className="swatch" style={{ background: basinCss(label) }} aria-hidden="true" />
          {name(label)}{' '}
          <span className="count">
            {t('analysis.basins.share', {
              pct: fmt((100 * counts.get(label)!) / Math.max(1, cells), 3),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}
