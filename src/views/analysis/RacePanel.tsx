import { useShallow } from 'zustand/react/shallow';
import type { RaceResult } from '../../engine/analysis';
import { t } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import { useDescent } from '../../state/store';
import type { RaceJob } from '../../worker/analysis/protocol';
import { optimizerStyle } from '../palette';
import { fmt } from './format';
import { Progress } from './Progress';
import { tuningKey, useAnalysisClient, useAnalysisJob } from './useJob';
import { optimizerNames } from '../names';

/** Every optimizer tuned for the fewest steps to one target, from one start, with one budget. */
export function RacePanel() {
  const scene = useDescent((s) => s.scene);
  const epsilon = useAnalysis((s) => s.epsilon);
  const client = useAnalysisClient();
  const key = JSON.stringify([
    scene.surface,
    scene.start,
    scene.steps,
    scene.optimizers.map(tuningKey),
    epsilon,
  ]);
  const job: RaceJob = {
    kind: 'race',
    scene,
    criterion: { epsilon },
    coarsePoints: 29,
    refineRounds: 3,
    refinePoints: 9,
  };
  const state = useAnalysisJob(client, key, scene.optimizers.length > 0 ? job : null);
  const result = state.result;
  const stale = state.resultKey !== key;
  return (
    <div className="analysis-view" data-testid="race-view">
      <p className="field-help" data-testid="race-criterion">
        {t('analysis.race.criterion', {
          steps: scene.steps,
          x: scene.start[0],
          y: scene.start[1],
          epsilon,
        })}
      </p>
      <label className="field inline">
        <span>{t('analysis.race.epsilon')}</span>
        <select
          value={epsilon}
          onChange={(e) => useAnalysis.getState().set({ epsilon: Number(e.target.value) })}
        >
          {[1e-1, 1e-2, 1e-3, 1e-4, 1e-6].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <Progress
        running={state.running}
        done={state.done}
        total={state.total}
        testId="race-progress"
      />
      {state.error && <p className="field-error">{state.error}</p>}
      {result && <Leaderboard result={result} stale={stale} />}
    </div>
  );
}

function Leaderboard(props: { result: RaceResult; stale: boolean }) {
  const { result, stale } = props;
  const optimizers = useDescent(useShallow((s) => s.scene.optimizers));
  const names = optimizerNames(optimizers);
  const apply = (): void => {
    const s = useDescent.getState();
    const next = s.scene.optimizers.map((o, i) => {
      const row = result.rows.find((r) => r.index === i);
      return row ? { ...o, lr: row.lr } : o;
    });
    s.commitScene({ ...s.scene, optimizers: next });
  };
  const source = t(`analysis.race.source.${result.targetSource}`);
  return (
    <div className={stale ? 'stale' : undefined} aria-busy={stale}>
      <p className="field-help" data-testid="race-target">
        {t('analysis.race.target', { loss: fmt(result.targetLoss, 4), source })}
      </p>
      <div className="analysis-table-scroll">
        <table className="analysis-table" data-testid="race-table">
          <caption className="visually-hidden">{t('analysis.race.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('analysis.col.optimizer')}</th>
              <th scope="col">{t('analysis.col.lr')}</th>
              <th scope="col">{t('analysis.col.steps')}</th>
              <th scope="col">{t('analysis.col.final')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => {
              const config = optimizers[row.index];
              const color = config ? optimizerStyle(config, row.index).color : '#888';
              return (
                <tr key={row.index} data-testid="race-row" data-label={row.label}>
                  <td>{row.rank}</td>
                  <th scope="row">
                    <span className="swatch" style={{ background: color }} aria-hidden="true" />
                    {names[row.index] ?? row.label}
                  </th>
                  <td>{fmt(row.lr)}</td>
                  {/* Numbers stay on one line; the words "not reached", "diverged" may wrap. */}
                  <td className={row.stepsToTarget === null ? 'text' : undefined}>
                    {row.stepsToTarget ?? t('analysis.race.never')}
                  </td>
                  <td className={row.diverged ? 'text' : undefined}>
                    {row.diverged ? t('analysis.diverged') : fmt(row.finalLoss)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={apply} disabled={stale} data-testid="race-apply">
        {t('analysis.race.apply')}
      </button>
    </div>
  );
}
