import { useEffect, useMemo, useRef, useState } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import { useLabStore } from '../../state/lab';
import type { LabConfig, LabSlot } from '../../state/lab';
import { LandscapeCancelledError } from '../../worker/lab/client';
import type { LabClient } from '../../worker/lab/client';
import type { SharpnessResult } from '../../worker/lab/protocol';
import { formatNumber } from '../format';
import { optimizerStyle } from '../palette';
import { t } from './strings';
import type { LabStringKey } from './strings';
import { labErrorKey } from './labErrors';

/** Snapshots measured per path. */
const POINTS = 30;
const W = 360;
const H = 190;
const M = { left: 50, right: 70, top: 10, bottom: 26 };

interface SharpnessState {
  readonly status: 'idle' | 'computing' | 'done' | 'cancelled' | 'error';
  readonly result: SharpnessResult | null;
  /** The failure's sentence, as a key (said in the reader's language when shown). */
  readonly error: LabStringKey | null;
  readonly slots: readonly { slot: LabSlot; config: LabConfig }[];
}

/**
 * Sharpness as training went: λ_max of the training loss's Hessian at snapshots of each path,
 * drawn against 2/lr, the edge of stability of plain gradient descent (Cohen et al. 2021).
 * Computed on request (a few hundred Hessian-vector products per point) by the landscape's worker.
 */
export function SharpnessPanel({ trainer, client }: { trainer: LabClient; client: LabClient }) {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<SharpnessState>({
    status: 'idle',
    result: null,
    error: null,
    slots: [],
  });
  // Cancels the running measurement, whether it is still fetching the paths or measuring.
  const cancelRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (version === 0) return;
    let live = true;
    cancelRef.current = () => {
      live = false;
      client.cancelSharpness();
      setState((s) => ({ ...s, status: 'cancelled' }));
    };
    const run = async (): Promise<void> => {
      const slots: LabSlot[] = useLabStore.getState().compare ? ['a', 'b'] : ['a'];
      setState((s) => ({ ...s, status: 'computing', error: null, result: null }));
      const paths = await Promise.all(slots.map((slot) => trainer.path(slot)));
      if (!live) return;
      const withConfigs = slots.map((slot, k) => ({ slot, config: paths[k]!.config }));
      const result = await client.sharpness({ paths, points: POINTS }, (partial) => {
        if (live)
          setState({ status: 'computing', result: partial, error: null, slots: withConfigs });
      });
      if (live) setState({ status: 'done', result, error: null, slots: withConfigs });
    };
    run().catch((error: unknown) => {
      if (!live) return;
      if (error instanceof LandscapeCancelledError) {
        setState((s) => ({ ...s, status: 'cancelled' }));
        return;
      }
      setState((s) => ({
        ...s,
        status: 'error',
        error: labErrorKey(error),
      }));
    });
    return () => {
      live = false;
    };
  }, [client, trainer, version]);
  const { status, result } = state;
  return (
    <section className="lab-landscape-sharpness" aria-labelledby="lab-sharpness-title">
      <h3 id="lab-sharpness-title">{t('lab.sharpness.title')}</h3>
      <p className="lab-help">{t('lab.sharpness.help')}</p>
      <div className="lab-landscape-controls">
        <button type="button" onClick={() => setVersion((v) => v + 1)}>
          {t('lab.sharpness.measure')}
        </button>
        {status === 'computing' && (
          <button type="button" onClick={() => cancelRef.current()}>
            {t('lab.landscape.cancel')}
          </button>
        )}
      </div>
      {status === 'computing' && (
        <div className="lab-landscape-progress">
          <progress
            max={Math.max(1, result?.total ?? 1)}
            value={result ? result.done : undefined}
            aria-label={t('lab.sharpness.progressLabel')}
          />
          <span>
            {t('lab.sharpness.progress', { done: result?.done ?? 0, total: result?.total ?? 0 })}
          </span>
        </div>
      )}
      {status === 'cancelled' && <p className="lab-help">{t('lab.sharpness.cancelled')}</p>}
      {status === 'error' && state.error && (
        <p className="lab-warning" role="alert">
          {t(state.error)}
        </p>
      )}
      {result && status === 'done' && <SharpnessChart result={result} slots={state.slots} />}
    </section>
  );
}

/** Powers of ten among a log scale's ticks (labels of 2, 3, 5 … crowd a small chart), else two ticks. */
function logTicks(ticks: number[]): number[] {
  const decades = ticks.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  if (decades.length >= 2) return decades;
  return ticks.length > 2 ? [ticks[0]!, ticks[ticks.length - 1]!] : ticks;
}

function SharpnessChart({
  result,
  slots,
}: {
  result: SharpnessResult;
  slots: SharpnessState['slots'];
}) {
  const model = useMemo(() => {
    const values: number[] = [];
    let lastStep = 1;
    result.series.forEach((s, k) => {
      s.sharpness.forEach((v) => {
        if (Number.isFinite(v) && v > 0) values.push(v);
      });
      lastStep = Math.max(lastStep, s.steps[s.steps.length - 1] ?? 1);
      const config = slots[k]?.config;
      if (config) values.push(2 / config.lr);
    });
    if (values.length === 0) return null;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const x = scaleLinear()
      .domain([0, lastStep])
      .range([M.left, W - M.right]);
    const y = scaleLog()
      .domain([lo / 1.5, hi * 1.5])
      .range([H - M.bottom, M.top]);
    return { x, y, lastStep };
  }, [result, slots]);
  if (!model) return null;
  const { x, y } = model;
  const summary = result.series
    .map((s, k) => {
      const config = slots[k]?.config;
      const now = s.sharpness[s.sharpness.length - 1]!;
      return t('lab.sharpness.seriesLabel', {
        slot: slots[k]?.slot === 'b' ? t('lab.slotB') : t('lab.slotA'),
        value: formatNumber(now, 3),
        edge: config ? formatNumber(2 / config.lr, 3) : '',
      });
    })
    .join('; ');
  return (
    <svg
      width={W}
      height={H}
      className="lab-loss"
      role="img"
      data-testid="sharpness-chart"
      aria-label={t('lab.sharpness.chartLabel', { series: summary })}
    >
      <rect
        x={M.left}
        y={M.top}
        width={W - M.left - M.right}
        height={H - M.top - M.bottom}
        className="lab-plot-bg"
      />
      {logTicks(y.ticks(4)).map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="lab-grid" />
          <text x={M.left - 4} y={y(v) + 4} textAnchor="end" className="lab-tick">
            {formatNumber(v, 2)}
          </text>
        </g>
      ))}
      <text x={M.left} y={H - 6} className="lab-tick">
        0
      </text>
      <text x={W - M.right} y={H - 6} textAnchor="end" className="lab-tick">
        {t('lab.sharpness.stepAxis', { step: model.lastStep })}
      </text>
      {result.series.map((s, k) => {
        const slot = slots[k];
        if (!slot) return null;
        const color = optimizerStyle({ type: slot.config.optimizer, lr: slot.config.lr }, k).color;
        // [step, λ_max, index]: the index finds the point's convergence flag after filtering.
        const pts = Array.from(s.steps, (st, i) => [st, s.sharpness[i]!, i] as const).filter(
          ([, v]) => Number.isFinite(v) && v > 0,
        );
        const d = line<readonly [number, number, number]>()
          .x(([st]) => x(st))
          .y(([, v]) => y(v))(pts);
        const edge = 2 / slot.config.lr;
        return (
          <g key={k} data-testid={`sharpness-${slot.slot}`}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(edge)}
              y2={y(edge)}
              stroke={color}
              strokeDasharray="5 4"
              strokeWidth={1.2}
            />
            <text x={W - M.right + 4} y={y(edge) + 4} className="lab-tick" fill={color}>
              {t('lab.sharpness.edge', {
                slot: slot.slot === 'a' ? t('lab.slotA') : t('lab.slotB'),
              })}
            </text>
            <path d={d ?? ''} fill="none" stroke={color} strokeWidth={2} />
            {pts.map(([st, v, i]) => (
              <circle
                key={i}
                cx={x(st)}
                cy={y(v)}
                r={2.5}
                fill={s.converged[i] ? color : '#fff'}
                stroke={color}
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
