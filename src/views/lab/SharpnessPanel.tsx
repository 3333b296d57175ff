import { useEffect, useMemo, useRef, useState } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import { useLabStore } from '../../state/lab';
import type { LabConfig } from '../../state/lab';
import type { TrainSlot } from '../../engine/nn/labConfig';
import { LandscapeCancelledError } from '../../worker/lab/client';
import type { LabClient } from '../../worker/lab/client';
import type { SharpnessResult, TrainingPath } from '../../worker/lab/protocol';
import { formatNumber } from '../format';
import { pathColor } from './landscapeMap';
import { slotName, t } from './strings';
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
  readonly slots: readonly PlanePath[];
}

/** A path of the lab: its slot (A, B, or C to F on the landscape's plane) and its settings. */
export interface PlanePath {
  readonly slot: TrainSlot;
  readonly config: LabConfig;
}

/**
 * Sharpness as training went: λ_max of the training loss's Hessian at snapshots of each path,
 * drawn against 2/lr, the edge of stability of plain gradient descent (Cohen et al. 2021).
 * Computed on request (a few hundred Hessian-vector products per point) by the landscape's worker.
 * The paths are A (and B when compared) from the trainer, and `extras`: the further optimizers
 * (C to F) the landscape trained on its plane, with their paths (kept by the landscape view: a
 * cancelled measurement restarts the worker that trained them).
 */
export function SharpnessPanel({
  trainer,
  client,
  extras,
}: {
  trainer: LabClient;
  client: LabClient;
  extras: readonly (PlanePath & { readonly path: TrainingPath })[];
}) {
  // The extras at the click, not a later change of the plane's list, are what gets measured.
  const extrasRef = useRef(extras);
  useEffect(() => {
    extrasRef.current = extras;
  }, [extras]);
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
      const slots: TrainSlot[] = useLabStore.getState().compare ? ['a', 'b'] : ['a'];
      setState((s) => ({ ...s, status: 'computing', error: null, result: null }));
      const paths = await Promise.all(slots.map((slot) => trainer.path(slot)));
      if (!live) return;
      const withConfigs: PlanePath[] = slots.map((slot, k) => ({ slot, config: paths[k]!.config }));
      for (const { slot, config, path } of extrasRef.current) {
        paths.push(path);
        withConfigs.push({ slot, config });
      }
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

/** Vertical room (px) one edge label needs. */
const EDGE_LABEL_PX = 11;

/** One 2/lr line: the index of its first path, its value and the names of every path on it. */
export interface EdgeGroup {
  readonly first: number;
  readonly edge: number;
  readonly names: readonly string[];
}

/**
 * The distinct 2/lr lines of the paths, in order of first appearance: paths at the same lr share
 * one line and one label ("2/lr A, C": the plane's further optimizers start at A's lr); a
 * different lr, however close, has its own.
 */
export function edgeGroups(paths: readonly { name: string; edge: number }[]): EdgeGroup[] {
  const groups: { first: number; edge: number; names: string[] }[] = [];
  paths.forEach((p, k) => {
    const same = groups.find((g) => g.edge === p.edge);
    if (same) same.names.push(p.name);
    else groups.push({ first: k, edge: p.edge, names: [p.name] });
  });
  return groups;
}

/** Label positions (px, top to bottom) moved apart where lines lie closer than a label's height. */
export function spreadLabels(ys: readonly number[]): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++)
    order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + EDGE_LABEL_PX);
  const out = new Array<number>(ys.length);
  for (const { y, i } of order) out[i] = y;
  return out;
}

/** Width (px) of a label in the 11 px tick type: Han characters are about twice a Latin one. */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6.2;
  return w;
}

function SharpnessChart({
  result,
  slots,
}: {
  result: SharpnessResult;
  slots: SharpnessState['slots'];
}) {
  const groups = useMemo(
    () =>
      edgeGroups(
        slots
          .slice(0, result.series.length)
          .map((s) => ({ name: slotName(s.slot), edge: 2 / s.config.lr })),
      ),
    [result, slots],
  );
  const labelTexts = groups.map((g) => t('lab.sharpness.edge', { slot: g.names.join(', ') }));
  // Room on the right for the longest 2/lr label, so "2/lr A, C, D, E, F" is not cut off.
  const right = Math.min(170, Math.max(M.right, 8 + Math.max(0, ...labelTexts.map(labelWidth))));
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
      .range([M.left, W - right]);
    const y = scaleLog()
      .domain([lo / 1.5, hi * 1.5])
      .range([H - M.bottom, M.top]);
    return { x, y, lastStep };
  }, [result, slots, right]);
  if (!model) return null;
  const { x, y } = model;
  const summary = result.series
    .map((s, k) => {
      const config = slots[k]?.config;
      const now = s.sharpness[s.sharpness.length - 1]!;
      return t('lab.sharpness.seriesLabel', {
        slot: slots[k] ? slotName(slots[k].slot) : '',
        value: formatNumber(now, 3),
        edge: config ? formatNumber(2 / config.lr, 3) : '',
      });
    })
    .join('; ');
  const labelYs = spreadLabels(groups.map((g) => y(g.edge)));
  const edgeLabels = new Map(
    groups.map((g, i) => [g.first, { y: labelYs[i]!, text: labelTexts[i]! }] as const),
  );
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
        width={W - M.left - right}
        height={H - M.top - M.bottom}
        className="lab-plot-bg"
      />
      {logTicks(y.ticks(4)).map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - right} y1={y(v)} y2={y(v)} className="lab-grid" />
          <text x={M.left - 4} y={y(v) + 4} textAnchor="end" className="lab-tick">
            {formatNumber(v, 2)}
          </text>
        </g>
      ))}
      <text x={M.left} y={H - 6} className="lab-tick">
        0
      </text>
      <text x={W - right} y={H - 6} textAnchor="end" className="lab-tick">
        {t('lab.sharpness.stepAxis', { step: model.lastStep })}
      </text>
      {result.series.map((s, k) => {
        const slot = slots[k];
        if (!slot) return null;
        const color = pathColor(slot.slot, slot.config);
        const label = edgeLabels.get(k);
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
              x2={W - right}
              y1={y(edge)}
              y2={y(edge)}
              stroke={color}
              strokeDasharray="5 4"
              strokeWidth={1.2}
            />
            {label && (
              <text x={W - right + 4} y={label.y + 4} className="lab-tick" fill={color}>
                {label.text}
              </text>
            )}
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
