import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocale } from '../../i18n';
import type { KeyboardEvent, PointerEvent } from 'react';
import { scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import { formatNumber } from '../formula/format';
import { linePath } from './path';
import { chooseYScale, formatTick, makeYScale } from './scales';
import type { YScale, YScaleSpec } from './scales';
import { useStableSeries } from './stableSeries';
import { chartText } from './strings';
import type { ChartProps, ChartSeries, CursorSource } from './types';
import { useElementWidth } from './useElementWidth';
import './charts.css';

/** What the chart plots: the wording of its title and axis. */
export interface StepChartText {
  title: string;
  axisLog: string;
  /** `{c}` is replaced by the width of the linear region. */
  axisSymlog: string;
}

interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MARGIN = { left: 58, right: 18, top: 24, bottom: 38 };
/** Closest two y tick labels may sit, in px, before one is dropped. */
const MIN_TICK_GAP = 18;
const DEFAULT_HEIGHT = 220;

function layoutFor(width: number, height: number): Layout {
  return {
    width,
    height,
    left: MARGIN.left,
    right: Math.max(MARGIN.left + 10, width - MARGIN.right),
    top: MARGIN.top,
    bottom: Math.max(MARGIN.top + 10, height - MARGIN.bottom),
  };
}

/** Shared body of the loss and distance charts: value per step on a log (or symlog) axis. */
export function StepChart(props: ChartProps & { text: StepChartText }) {
  const { cursor, steps, onCursor, text } = props;
  const height = props.height ?? DEFAULT_HEIGHT;
  const series = useStableSeries(props.series);
  const [frameRef, width] = useElementWidth<HTMLDivElement>(480);
  const layout = useMemo(() => layoutFor(width, height), [width, height]);
  // The same axis (an equal spec) keeps its scale object, so unchanged lines keep their paths.
  const spec = useStableSpec(useMemo(() => chooseYScale(series), [series]));
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, steps)])
        .range([layout.left, layout.right]),
    [steps, layout],
  );
  const y = useMemo(() => makeYScale(spec, [layout.bottom, layout.top]), [spec, layout]);
  const axisLabel =
    spec.kind === 'log'
      ? text.axisLog
      : text.axisSymlog.replace('{c}', formatNumber(spec.constant));
  const summary = useMemo(
    () => summarise(series, text.title, axisLabel),
    [series, text.title, axisLabel],
  );
  const step = clampStep(cursor, steps);

  return (
    <figure className="descent-chart">
      <figcaption className="descent-chart__title">
        {text.title} <span className="descent-chart__scale">{axisLabel}</span>
      </figcaption>
      <div className="descent-chart__frame" ref={frameRef} style={{ height }}>
        <svg
          className="descent-chart__svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={summary}
        >
          <Axes layout={layout} x={x} y={y} spec={spec} />
          <Lines series={series} x={x} y={y} spec={spec} layout={layout} />
        </svg>
        <Cursor
          step={step}
          steps={steps}
          live={props.liveCursor}
          series={series}
          x={x}
          y={y}
          spec={spec}
          layout={layout}
        />
        {onCursor && (
          <ScrubArea
            layout={layout}
            x={x}
            steps={steps}
            step={step}
            live={props.liveCursor}
            onCursor={onCursor}
          />
        )}
      </div>
      <Legend series={series} step={step} />
    </figure>
  );
}

/** Why a run's line ends at `step`: it diverged, or its next step left f's domain. */
function stoppedText(s: ChartSeries, step: number): string {
  return chartText(s.leftDomain === true ? 'chart.leftDomain' : 'chart.diverged', { step });
}

function clampStep(cursor: number, steps: number): number {
  if (!Number.isFinite(cursor)) return 0;
  return Math.max(0, Math.min(Math.max(0, steps), Math.round(cursor)));
}

function summarise(series: readonly ChartSeries[], title: string, scale: string): string {
  const shown = series.filter((s) => !s.hidden);
  if (shown.length === 0) return chartText('chart.summary.empty', { title });
  const items = shown.map((s) => {
    const last = s.length - 1;
    if (s.diverged) return `${s.label} ${stoppedText(s, Math.max(0, last))}`;
    const v = last >= 0 ? (s.values[last] ?? Number.NaN) : Number.NaN;
    return chartText('chart.summary.item', { label: s.label, value: formatNumber(v), step: last });
  });
  return chartText('chart.summary', { title, scale, count: shown.length, items: items.join('; ') });
}

interface ScaleProps {
  layout: Layout;
  x: ScaleLinear<number, number>;
  y: YScale;
}

const Axes = memo(function Axes({ layout, x, y, spec }: ScaleProps & { spec: YScaleSpec }) {
  useLocale(); // memo would skip a language switch
  // About one label per 70px so step numbers never run together on a phone.
  const xTicks = x
    .ticks(Math.max(2, Math.floor((layout.right - layout.left) / 70)))
    .filter((t) => Number.isInteger(t));
  // Zero first, then the largest magnitudes; drop ticks that would print on top of a kept one.
  const yTicks: number[] = [];
  const rank = (t: number): number => (t === 0 ? Infinity : Math.abs(t));
  const byPriority = [...spec.ticks].sort((a, b) => rank(b) - rank(a));
  for (const t of byPriority) {
    if (yTicks.every((k) => Math.abs(y(k) - y(t)) >= MIN_TICK_GAP)) yTicks.push(t);
  }
  return (
    <g className="descent-chart__axes">
      {yTicks.map((t) => (
        <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
          <line className="descent-chart__grid" x1={layout.left} x2={layout.right} />
          <text className="descent-chart__tick" x={layout.left - 8} dy="0.32em" textAnchor="end">
            {formatTick(t)}
          </text>
        </g>
      ))}
      <line
        className="descent-chart__baseline"
        x1={layout.left}
        x2={layout.right}
        y1={layout.bottom}
        y2={layout.bottom}
      />
      {xTicks.map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${layout.bottom})`}>
          <line className="descent-chart__tickmark" y2={5} />
          <text className="descent-chart__tick" y={22} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      <text
        className="descent-chart__label"
        x={layout.right}
        y={layout.height - 4}
        textAnchor="end"
      >
        {chartText('chart.axis.step')}
      </text>
    </g>
  );
});

/** How far (px) past the plot an out-of-range value is drawn before the clip hides it. */
const FAR = 4000;

const Lines = memo(function Lines({
  series,
  x,
  y,
  spec,
  layout,
}: ScaleProps & { series: readonly ChartSeries[]; spec: YScaleSpec }) {
  useLocale(); // memo would skip a language switch
  const clipId = `chart-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const maxPoints = Math.max(200, 2 * Math.round(layout.right - layout.left));
  const drawn = series.map((s, i) => ({ s, i })).filter(({ s }) => !s.hidden && s.length > 0);
  // Values past the axis are drawn where they are (the clip hides them), not flat on the edge.
  const free = useMemo(() => {
    const unclamped = y.copy().clamp(false);
    const [lo, hi] = spec.domain;
    return (v: number): number =>
      v > hi
        ? Math.max(layout.top - FAR, unclamped(v))
        : spec.kind === 'symlog' && v < lo
          ? Math.min(layout.bottom + FAR, unclamped(v))
          : y(v);
  }, [y, spec, layout]);
  const markers = useMemo(
    () =>
      divergedMarkers(
        drawn.map(({ s }) => s),
        x,
        free,
        layout,
        spec,
      ),
    // `drawn` is new each render; the series array and its hidden flags are what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, x, free, layout, spec],
  );
  return (
    <g className="descent-chart__lines">
      <defs>
        <clipPath id={clipId}>
          <rect
            x={layout.left}
            y={layout.top - 2}
            width={layout.right - layout.left + 2}
            height={layout.bottom - layout.top + 4}
          />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`} data-testid="chart-lines">
        {drawn.map(({ s, i }) => (
          <SeriesLine
            key={i}
            values={s.values}
            length={s.length}
            x={x}
            y={free}
            maxPoints={maxPoints}
            color={s.color}
            dash={s.dash.join(' ')}
            label={s.label}
          />
        ))}
      </g>
      {markers.map((m) => (
        <g
          key={m.key}
          className={m.diverged ? 'descent-chart__diverged' : 'descent-chart__off-chart'}
        >
          <title>{`${m.label}: ${m.text}`}</title>
          <path
            transform={`translate(${m.x},${m.y})`}
            d={
              m.edge === 'top'
                ? 'M0,-2L-6,8M0,-2L6,8M0,-2L0,14'
                : m.edge === 'bottom'
                  ? 'M0,2L-6,-8M0,2L6,-8M0,2L0,-14'
                  : 'M-6,-6L6,6M-6,6L6,-6'
            }
            stroke={m.color}
          />
          <text x={m.labelX} y={m.labelY} dy="0.32em" textAnchor="start" fill={m.color}>
            {m.text}
          </text>
        </g>
      ))}
    </g>
  );
});

/**
 * One series' line. Memoised on its typed array and the scales: when a slider changes one
 * optimizer, the other lines are not rebuilt (a 10,000-step series is a long path string).
 */
const SeriesLine = memo(function SeriesLine(props: {
  values: Float64Array;
  length: number;
  x: ScaleLinear<number, number>;
  /** Value → px; values past the axis land outside the plot, where the clip hides them. */
  y: (v: number) => number;
  maxPoints: number;
  color: string;
  dash: string;
  label: string;
}) {
  const { values, length, x, y, maxPoints } = props;
  const d = useMemo(
    () => linePath(values, length, x, y, maxPoints),
    [values, length, x, y, maxPoints],
  );
  return (
    <path
      className="descent-chart__line"
      d={d}
      stroke={props.color}
      strokeDasharray={props.dash !== '' ? props.dash : undefined}
    >
      <title>{props.label}</title>
    </path>
  );
});

/** The previous spec while the new one is equal in every field (kind, domain, constant, ticks). */
function useStableSpec(spec: YScaleSpec): YScaleSpec {
  const [stable, setStable] = useState(spec);
  if (stable === spec) return stable;
  if (JSON.stringify(stable) === JSON.stringify(spec)) return stable;
  setStable(spec);
  return spec;
}

interface DivergedMarker {
  key: string;
  label: string;
  color: string;
  text: string;
  /** Where the × (or, for a line that left the axis, the arrow on the edge it crossed) sits. */
  x: number;
  y: number;
  /** The run diverged (non-finite); otherwise its finite line only leaves the axis. */
  diverged: boolean;
  /** The edge the line left by ('none': it ends inside the plot, marked ×). */
  edge: 'top' | 'bottom' | 'none';
  labelX: number;
  labelY: number;
}

/** Rough width (px) of chart text at 14 px: enough to keep a label clear of the axes. */
const textWidth = (text: string): number => text.length * 8;

/**
 * Where a line leaves the plot: a marker at each diverged run's last finite step (×), or, when its
 * line left the axis first, an arrow on the edge where it left; and an arrow where a finite run
 * that climbs past the axis (the axis follows the steady runs, see chooseYScale) first leaves it,
 * labelled with that step, so a clipped line never just stops at the edge. Labels sit inside the
 * plot, clear of the y axis's tick labels and of each other.
 */
function divergedMarkers(
  series: readonly ChartSeries[],
  x: ScaleLinear<number, number>,
  y: (v: number) => number,
  layout: Layout,
  spec: YScaleSpec,
): DivergedMarker[] {
  const markers: DivergedMarker[] = [];
  // Past the axis's ends, read off the values (the scale is monotone): a slider tick scans 12 ×
  // 10,000 of them, and a scale call for each cost ~30 ms a tick (profiled).
  const [lo, hi] = spec.domain;
  const above = (v: number): boolean => Number.isFinite(v) && v > hi;
  // Only a symmetric-log axis lets a line leave by the bottom (a log axis pins small values there).
  const below = (v: number): boolean => spec.kind === 'symlog' && Number.isFinite(v) && v < lo;
  /** x (px) where the line crosses the edge `edge` (px) between steps k − 1 and k. */
  const crossing = (s: ChartSeries, k: number, edge: number): number => {
    if (k <= 0) return x(0);
    const ya = y(s.values[k - 1]!);
    const yb = y(s.values[k]!);
    const f = ya === yb ? 0 : (ya - edge) / (ya - yb);
    return x(k - 1) + Math.max(0, Math.min(1, f)) * (x(k) - x(k - 1));
  };
  const place = (
    i: number,
    s: ChartSeries,
    text: string,
    px: number,
    py: number,
    edge: DivergedMarker['edge'],
  ): void => {
    const w = textWidth(text);
    // Right of the mark when it fits, else left of it; never over the axis on either side.
    const right = px + 10 + w <= layout.right ? px + 10 : px - 10 - w;
    markers.push({
      key: `${i}`,
      label: s.label,
      color: s.color,
      diverged: s.diverged,
      text,
      x: px,
      y: py,
      edge,
      labelX: Math.max(layout.left + 4, Math.min(layout.right - w, right)),
      labelY: edge === 'top' ? layout.top + 14 : edge === 'bottom' ? layout.bottom - 14 : py,
    });
  };
  series.forEach((s, i) => {
    const n = Math.min(s.length, s.values.length);
    if (n === 0) return;
    if (s.diverged) {
      const last = n - 1;
      const v = s.values[last] ?? Number.NaN;
      const text = stoppedText(s, last);
      if (!Number.isFinite(v) || above(v)) {
        // Where the line crosses the top edge for the last time before it ends.
        let k = last;
        while (k > 0 && above(s.values[k - 1]!)) k--;
        place(
          i,
          s,
          text,
          Number.isFinite(v) ? crossing(s, k, layout.top) : x(last),
          layout.top,
          'top',
        );
      } else if (below(v)) {
        let k = last;
        while (k > 0 && below(s.values[k - 1]!)) k--;
        place(i, s, text, crossing(s, k, layout.bottom), layout.bottom, 'bottom');
      } else place(i, s, text, x(last), y(v), 'none');
      return;
    }
    // A finite run the axis does not hold: an arrow where it first leaves.
    for (let k = 0; k < n; k++) {
      const v = s.values[k]!;
      const up = above(v);
      if (!up && !below(v)) continue;
      const edge = up ? layout.top : layout.bottom;
      const text = chartText('chart.offChart', { step: k, arrow: up ? '\u2191' : '\u2193' });
      place(i, s, text, crossing(s, k, edge), edge, up ? 'top' : 'bottom');
      return;
    }
  });
  markers.sort((a, b) => a.labelY - b.labelY);
  let previous = -Infinity;
  for (const m of markers) {
    m.labelY = Math.min(layout.bottom - 10, Math.max(m.labelY, layout.top + 10, previous + 17));
    previous = m.labelY;
  }
  return markers;
}

/** Where the cursor's parts go for `step`: line x, label side, and each series' dot (or none). */
function cursorPlacement(
  step: number,
  series: readonly ChartSeries[],
  x: ScaleLinear<number, number>,
  y: YScale,
  spec: YScaleSpec,
  layout: Layout,
): { cx: number; nearRight: boolean; dots: (number | null)[] } {
  const cx = x(step);
  const [lo, hi] = spec.domain;
  const dots = series.map((s) => {
    if (s.hidden || step >= s.length) return null;
    const v = s.values[step] ?? Number.NaN;
    // A value off the axis has no dot: one pinned to the edge would read as a real value there.
    if (!Number.isFinite(v) || v > hi || (spec.kind === 'symlog' && v < lo)) return null;
    return y(v);
  });
  return { cx, nearRight: cx > layout.right - 70, dots };
}

/**
 * The playback cursor as HTML over the SVG: a dashed line, its step label and a dot per series,
 * each placed with a CSS transform. Moving it is a compositor-only change, so the SVG with its
 * long line paths is never repainted frame by frame; with a live source it also moves without
 * any React render (the store is read transiently, as the map's canvas does).
 */
const Cursor = memo(function Cursor({
  step,
  steps,
  live,
  series,
  x,
  y,
  spec,
  layout,
}: ScaleProps & {
  step: number;
  steps: number;
  live: CursorSource | undefined;
  series: readonly ChartSeries[];
  spec: YScaleSpec;
}) {
  const locale = useLocale(); // the effect below writes the step label in this language
  const lineRef = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLSpanElement>(null);
  const dotRefs = useRef<(HTMLSpanElement | null)[]>([]);

  useLayoutEffect(() => {
    const place = (): void => {
      const at = live ? clampStep(live.get(), steps) : step;
      const { cx, nearRight, dots } = cursorPlacement(at, series, x, y, spec, layout);
      const line = lineRef.current;
      const label = labelRef.current;
      if (line) line.style.transform = `translateX(${cx}px)`;
      if (label) {
        // Write into the text node React made, so React and this stay on the same node.
        const text = chartText('chart.cursor', { step: at });
        if (label.firstChild instanceof Text) label.firstChild.nodeValue = text;
        else label.textContent = text;
        label.className = `descent-chart__cursor-label${nearRight ? ' descent-chart__cursor-label--left' : ''}`;
      }
      dots.forEach((dy, i) => {
        const dot = dotRefs.current[i];
        if (!dot) return;
        dot.style.display = dy === null ? 'none' : '';
        if (dy !== null) dot.style.transform = `translate(${cx}px, ${dy}px)`;
      });
    };
    place();
    return live?.subscribe(place);
  }, [live, step, steps, series, x, y, spec, layout, locale]);

  // The first placement is rendered (and is what a static render shows); the effect keeps it live.
  const at = live ? clampStep(live.get(), steps) : step;
  const { cx, nearRight, dots } = cursorPlacement(at, series, x, y, spec, layout);
  return (
    <div className="descent-chart__cursor" aria-hidden="true">
      <div
        ref={lineRef}
        className="descent-chart__cursor-line"
        style={{
          top: layout.top - 20,
          height: layout.bottom - layout.top + 20,
          transform: `translateX(${cx}px)`,
        }}
      >
        <span
          ref={labelRef}
          className={`descent-chart__cursor-label${nearRight ? ' descent-chart__cursor-label--left' : ''}`}
        >
          {chartText('chart.cursor', { step: at })}
        </span>
      </div>
      {series.map((s, i) => {
        const dy = dots[i] ?? null;
        return (
          <span
            key={i}
            ref={(el) => {
              dotRefs.current[i] = el;
            }}
            className="descent-chart__dot"
            style={{
              background: s.color,
              display: dy === null ? 'none' : undefined,
              transform: dy === null ? undefined : `translate(${cx}px, ${dy}px)`,
            }}
          />
        );
      })}
    </div>
  );
});

/** How far (px) a finger moves sideways on a chart before it scrubs (less is a tap). */
const TOUCH_SLOP_PX = 8;

function ScrubArea({
  layout,
  x,
  steps,
  step,
  live,
  onCursor,
}: {
  layout: Layout;
  x: ScaleLinear<number, number>;
  steps: number;
  step: number;
  live: CursorSource | undefined;
  onCursor: (step: number) => void;
}) {
  const dragging = useRef(false);
  // A finger: where it went down, until it moves sideways (a scrub) or lifts (a tap). A swipe up
  // or down is the page's scroll (touch-action: pan-y), and the browser cancels the pointer.
  const touchFrom = useRef<number | null>(null);
  const stepAt = useCallback(
    (event: PointerEvent<HTMLDivElement>): number => {
      const rect = event.currentTarget.getBoundingClientRect();
      return clampStep(x.invert(layout.left + event.clientX - rect.left), steps);
    },
    [x, layout.left, steps],
  );
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    if (event.pointerType === 'touch') {
      touchFrom.current = event.clientX;
      return;
    }
    dragging.current = true;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    onCursor(stepAt(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const from = touchFrom.current;
    if (from !== null && Math.abs(event.clientX - from) > TOUCH_SLOP_PX) {
      touchFrom.current = null;
      dragging.current = true;
      event.currentTarget.setPointerCapture?.(event.pointerId);
    }
    if (dragging.current) onCursor(stepAt(event));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>): void => {
    // A finger lifted where it went down: a tap sets the step there.
    if (touchFrom.current !== null) onCursor(stepAt(event));
    stop();
  };
  const stop = (): void => {
    dragging.current = false;
    touchFrom.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
    };
    // PageUp/PageDown are playback's (a clicker sends them): the page's shortcuts take them.
    // The shown step may lag a live cursor by a few frames: keys count from the live one.
    const current = live ? clampStep(live.get(), steps) : step;
    let next: number | undefined;
    if (event.key in delta) next = current + (delta[event.key] ?? 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = steps;
    if (next === undefined) return;
    // The app may also bind arrows to playback; the focused chart handles them alone.
    event.preventDefault();
    event.stopPropagation();
    onCursor(clampStep(next, steps));
  };
  return (
    <div
      className="descent-chart__scrub"
      role="slider"
      tabIndex={0}
      aria-label={chartText('chart.slider')}
      aria-valuemin={0}
      aria-valuemax={steps}
      aria-valuenow={step}
      style={{
        left: layout.left,
        top: layout.top,
        width: layout.right - layout.left,
        height: layout.bottom - layout.top,
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={stop}
      onLostPointerCapture={stop}
      onKeyDown={onKeyDown}
    />
  );
}

function Legend({ series, step }: { series: readonly ChartSeries[]; step: number }) {
  const shown = series.filter((s) => !s.hidden);
  if (shown.length === 0) return null;
  return (
    <ul className="descent-chart__legend">
      {shown.map((s, i) => {
        const reached = step < s.length;
        const value = reached ? formatNumber(s.values[step] ?? Number.NaN) : undefined;
        // A per-step series (the lr of each step) has no value at the last point: not a divergence.
        const missing = !reached && !s.diverged ? chartText('chart.noStep') : undefined;
        return (
          <li key={i}>
            <svg width={26} height={10} aria-hidden="true">
              <line
                x1={1}
                x2={25}
                y1={5}
                y2={5}
                stroke={s.color}
                strokeWidth={3}
                strokeDasharray={s.dash.length > 0 ? s.dash.join(' ') : undefined}
              />
            </svg>
            <span className="descent-chart__legend-label">{s.label}</span>{' '}
            <span className="descent-chart__legend-value">
              {value ??
                missing ??
                (s.length === 0
                  ? chartText('chart.outside')
                  : stoppedText(s, Math.max(0, s.length - 1)))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
