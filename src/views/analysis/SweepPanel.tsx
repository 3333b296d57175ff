import { scaleLinear, scaleLog } from 'd3';
import { useState } from 'react';
import { divergenceEdge } from '../../engine/analysis';
import type { LrSweep } from '../../engine/analysis';
import { t } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import { useDescent } from '../../state/store';
import type { SweepJob } from '../../worker/analysis/protocol';
import { optimizerStyle } from '../palette';
import { fmt, powerOfTen } from './format';
import { Progress } from './Progress';
import { tuningKey, useAnalysisClient, useAnalysisJob } from './useJob';
import { optimizerNames } from '../names';

const LR_MIN = 1e-4;
const LR_MAX = 10;
const POINTS = 41;
const W = 320;
const H = 170;
const M = { left: 60, right: 8, top: 8, bottom: 30 };

type Metric = 'loss' | 'steps';

/** One optimizer at many learning rates: final loss (or steps to ε) on a log lr axis. */
export function SweepPanel() {
  const scene = useDescent((s) => s.scene);
  const { epsilon, sweepIndex } = useAnalysis();
  const [metric, setMetric] = useState<Metric>('loss');
  const client = useAnalysisClient();
  const index = Math.min(sweepIndex, Math.max(0, scene.optimizers.length - 1));
  const config = scene.optimizers[index];
  const key = JSON.stringify([
    scene.surface,
    scene.start,
    scene.steps,
    config ? tuningKey(config) : null,
    epsilon,
  ]);
  const job: SweepJob | null = config
    ? {
        kind: 'sweep',
        surface: scene.surface,
        start: scene.start,
        steps: scene.steps,
        config,
        lrMin: LR_MIN,
        lrMax: LR_MAX,
        points: POINTS,
        criterion: { epsilon },
      }
    : null;
  const state = useAnalysisJob(client, key, job);
  return (
    <div className="analysis-view" data-testid="sweep-view">
      <label className="field inline">
        <span>{t('analysis.optimizer')}</span>
        <select
          value={index}
          data-testid="sweep-optimizer"
          onChange={(e) => useAnalysis.getState().set({ sweepIndex: Number(e.target.value) })}
        >
          {optimizerNames(scene.optimizers).map((name, i) => (
            <option key={i} value={i}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="analysis-radios">
        <legend>{t('analysis.sweep.metric')}</legend>
        {(['loss', 'steps'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="sweep-metric"
              checked={metric === m}
              onChange={() => setMetric(m)}
            />
            {t(`analysis.sweep.metric.${m}`)}
          </label>
        ))}
      </fieldset>
      <Progress
        running={state.running}
        done={state.done}
        total={state.total}
        testId="sweep-progress"
      />
      {state.error && <p className="field-error">{state.error}</p>}
      {state.result && config && (
        <SweepPlot
          sweep={state.result}
          metric={metric}
          color={optimizerStyle(config, index).color}
          current={config.lr ?? NaN}
          stale={state.resultKey !== key}
          onPick={(lr) => useDescent.getState().updateOptimizer(index, { ...config, lr })}
        />
      )}
      <p className="field-help">{t('analysis.sweep.help')}</p>
    </div>
  );
}

function SweepPlot(props: {
  sweep: LrSweep;
  metric: Metric;
  color: string;
  current: number;
  stale: boolean;
  onPick: (lr: number) => void;
}) {
  const { sweep, metric, color, current, stale, onPick } = props;
  const rows = sweep.rows;
  const edge = divergenceEdge(rows);
  const x = scaleLog()
    .domain([LR_MIN, LR_MAX])
    .range([M.left, W - M.right]);
  const value = (r: (typeof rows)[number]): number =>
    metric === 'loss' ? r.finalLoss : (r.stepsToTarget ?? NaN);
  const finite = rows.filter((r) => !r.diverged && Number.isFinite(value(r))).map(value);
  const lo = finite.length > 0 ? Math.min(...finite) : 0;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const useLog = metric === 'loss' && lo > 0 && hi / lo > 100;
  const y = useLog
    ? scaleLog()
        .domain([lo, hi])
        .range([H - M.bottom, M.top + 10])
    : scaleLinear()
        .domain([lo, hi > lo ? hi : lo + 1])
        .range([H - M.bottom, M.top + 10]);
  const top = M.top + 2;
  // Each run owns the full-height column around its lr, so a click anywhere above it picks it.
  const column = (W - M.left - M.right) / Math.max(1, rows.length - 1);
  const decades = [-4, -3, -2, -1, 0, 1];
  const edgeX = edge
    ? edge.lastStable !== undefined
      ? Math.sqrt(edge.lastStable * edge.firstDiverged)
      : LR_MIN
    : 0;
  return (
    <figure className={`sweep-plot${stale ? ' stale' : ''}`}>
      {/* Scales down to the drawer's width (a fixed 320 px cut its last tick at 1280×720). */}
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W, height: 'auto' }}
        role="group"
        aria-label={t('analysis.sweep.plot')}
        data-testid="sweep-plot"
      >
        {edge && (
          <rect
            data-testid="sweep-edge"
            data-first-diverged={edge.firstDiverged}
            data-last-stable={edge.lastStable ?? ''}
            x={x(edgeX)}
            y={M.top}
            width={W - M.right - x(edgeX)}
            height={H - M.bottom - M.top}
            fill="#b3261e"
            fillOpacity={0.12}
          >
            <title>{t('analysis.sweep.edge', { lr: fmt(edge.firstDiverged) })}</title>
          </rect>
        )}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#5a6472" />
        {decades.map((d, i) => (
          <g key={d} transform={`translate(${x(10 ** d)},${H - M.bottom})`}>
            <line y2={4} stroke="#5a6472" />
            {/* The last tick sits at the plot's right edge: its label ends there, not past it. */}
            <text
              y={16}
              textAnchor={i === decades.length - 1 ? 'end' : 'middle'}
              fontSize={10}
              fill="#5a6472"
              data-testid="sweep-tick"
            >
              {powerOfTen(d)}
            </text>
          </g>
        ))}
        <text x={(M.left + W) / 2} y={H - 2} textAnchor="middle" fontSize={10} fill="#5a6472">
          {t('analysis.sweep.axis')}
        </text>
        <text x={M.left - 4} y={M.top + 14} fontSize={10} fill="#5a6472" textAnchor="end">
          {fmt(hi, 2)}
        </text>
        <text x={M.left - 4} y={H - M.bottom - 4} fontSize={10} fill="#5a6472" textAnchor="end">
          {fmt(lo, 2)}
        </text>
        {Number.isFinite(current) && current >= LR_MIN && current <= LR_MAX && (
          <line
            x1={x(current)}
            x2={x(current)}
            y1={M.top}
            y2={H - M.bottom}
            stroke={color}
            strokeDasharray="3 3"
          >
            <title>{t('analysis.sweep.current', { lr: fmt(current) })}</title>
          </line>
        )}
        {rows.map((r) => {
          const v = value(r);
          const cx = x(r.lr);
          const bad = r.diverged || !Number.isFinite(v);
          const cy = bad ? top + 4 : y(v);
          const label = r.diverged
            ? t('analysis.sweep.pointDiverged', { lr: fmt(r.lr) })
            : t('analysis.sweep.point', {
                lr: fmt(r.lr),
                loss: fmt(r.finalLoss, 4),
                steps: r.stepsToTarget ?? t('analysis.race.never'),
              });
          return (
            <g
              key={r.lr}
              className="sweep-point"
              data-testid="sweep-point"
              data-lr={r.lr}
              data-diverged={r.diverged}
              role="button"
              tabIndex={0}
              aria-label={label}
              onClick={() => onPick(Number(r.lr.toPrecision(4)))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onPick(Number(r.lr.toPrecision(4)));
                }
              }}
            >
              <title>{label}</title>
              <rect
                x={cx - column / 2}
                y={M.top}
                width={column}
                height={H - M.bottom - M.top}
                fill="transparent"
              />
              {bad ? (
                <path
                  d={`M${cx - 3},${cy - 3}L${cx + 3},${cy + 3}M${cx - 3},${cy + 3}L${cx + 3},${cy - 3}`}
                  stroke="#b3261e"
                  strokeWidth={1.5}
                />
              ) : (
                <circle cx={cx} cy={cy} r={3} fill={color} />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="field-help" data-testid="sweep-caption">
        {edge
          ? t('analysis.sweep.edgeCaption', {
              stable: edge.lastStable !== undefined ? fmt(edge.lastStable) : '—',
              diverged: fmt(edge.firstDiverged),
            })
          : t('analysis.sweep.noEdge')}
      </figcaption>
    </figure>
  );
}
