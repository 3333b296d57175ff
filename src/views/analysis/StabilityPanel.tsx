import { scaleLog } from 'd3';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { momentumRegion } from '../../engine/analysis';
import type { LocalStability } from '../../engine/analysis';
import type { OptimizerConfig } from '../../engine/types';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { fmt, powerOfTen } from './format';
import { AXIS_LEFT, AXIS_RIGHT, DEFAULT_W, decadeTicks, momentumPlotSize } from './momentumAxis';
import { stabilityPoints } from './stabilityPoints';
import { optimizerName } from '../names';

/** Curvature at the start and at the cursor: eigenvalues, condition number, 2/λ_max, momentum region. */
export function StabilityPanel() {
  const s = useDescent(
    useShallow((st) => ({
      surface: st.surface,
      scene: st.scene,
      trajectories: st.trajectories,
      settled: st.trajectoriesScene === st.scene,
      selected: st.selected,
      cursor: st.cursor,
    })),
  );
  const points = stabilityPoints(
    s.surface,
    s.scene,
    s.trajectories,
    s.settled,
    s.selected,
    s.cursor,
  );
  const config = s.scene.optimizers[s.selected];
  const name = config ? optimizerName(s.scene.optimizers, s.selected) : '';
  const columns: { title: string; at: LocalStability }[] = [
    { title: t('analysis.stability.atStart'), at: points.start },
  ];
  if (points.cursor)
    columns.push({
      title: t('analysis.stability.atCursor', { name, k: points.cursor.k }),
      at: points.cursor.at,
    });
  const rows: {
    label: React.ReactNode;
    value: (p: LocalStability) => React.ReactNode;
    id: string;
    text?: boolean;
  }[] = [
    {
      id: 'hessian',
      label: t('analysis.stability.hessian'),
      value: (p) => <Matrix h={p.hessian} />,
      text: true,
    },
    { id: 'lmin', label: <Lambda sub="min" />, value: (p) => fmt(p.lambdaMin, 4) },
    { id: 'lmax', label: <Lambda sub="max" />, value: (p) => fmt(p.lambdaMax, 4) },
    { id: 'cond', label: t('analysis.stability.condition'), value: (p) => fmt(p.condition, 4) },
    {
      id: 'crit',
      label: (
        <>
          2/
          <Lambda sub="max" />
        </>
      ),
      value: (p) => fmt(p.criticalLr, 4),
    },
    {
      id: 'shape',
      label: t('analysis.stability.shape'),
      value: (p) => t(`analysis.curvature.${p.curvature}`),
      text: true,
    },
  ];
  return (
    <div className="analysis-view" data-testid="stability-view">
      <table className="analysis-table">
        <caption className="visually-hidden">{t('analysis.stability.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((c) => (
              <th scope="col" key={c.title}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              {columns.map((c, i) => (
                <td
                  key={i}
                  className={r.text ? 'text' : undefined}
                  data-testid={`stability-${r.id}-${i}`}
                >
                  {r.value(c.at)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-help">{t('analysis.stability.help')}</p>
      {config && config.type === 'sgd' && <MomentumMap config={config} at={points.start} />}
    </div>
  );
}

/**
 * The symmetric 2×2 Hessian as `[a, b; b, c]`, broken over lines when the column is narrow: first
 * between its two rows, then between entries, never inside a number (a narrow drawer cut it).
 */
function Matrix(props: { h: readonly [number, number, number] }) {
  const [a, b, c] = [fmt(props.h[0]), fmt(props.h[1]), fmt(props.h[2])];
  return (
    <span className="matrix">
      <span className="matrix-row">
        <span className="num">[{a},</span> <span className="num">{b};</span>
      </span>{' '}
      <span className="matrix-row">
        <span className="num">{b},</span> <span className="num">{c}]</span>
      </span>
    </span>
  );
}

/** λ with a typeset subscript (λ_min, λ_max as the notes write them). */
function Lambda(props: { sub: string }) {
  return (
    <>
      λ<sub>{props.sub}</sub>
    </>
  );
}

const LR_POINTS = 60;
const MU_POINTS = 40;
/** Room for the learning-rate axis below the map (the momentum axis's is AXIS_LEFT). */
const AXIS_BOTTOM = 34;
/**
 * The map's axes: learning rate on a log scale below (decade ticks written 10⁻⁴, fewer when
 * narrow), momentum μ from 0 to 0.99 on the left. Drawn in one SVG under the plot, with room of
 * their own so no label covers it.
 */
function MomentumAxes(props: { lrMin: number; lrMax: number; w: number; h: number }) {
  const { w, h } = props;
  const x = scaleLog().domain([props.lrMin, props.lrMax]).range([0, w]);
  const lrTicks = decadeTicks(props.lrMin, props.lrMax, w);
  const muTicks = [0, 0.5, 0.9];
  const y = (mu: number): number => h - (mu / 0.99) * h;
  return (
    <svg
      className="momentum-axes"
      width={AXIS_LEFT + w + AXIS_RIGHT}
      height={h + AXIS_BOTTOM}
      data-testid="momentum-axes"
    >
      <g transform={`translate(${AXIS_LEFT},0)`}>
        {lrTicks.map((e) => (
          <g key={e} transform={`translate(${x(10 ** e)},${h})`}>
            <line y2={4} stroke="currentColor" />
            <text y={15} textAnchor="middle" fontSize={10} fill="currentColor">
              {powerOfTen(e)}
            </text>
          </g>
        ))}
        <text x={w / 2} y={h + 30} textAnchor="middle" fontSize={11} fill="currentColor">
          {t('analysis.stability.lrAxis')}
        </text>
        {muTicks.map((mu) => (
          <g key={mu} transform={`translate(0,${y(mu)})`}>
            <line x2={-4} stroke="currentColor" />
            <text x={-6} dy="0.32em" textAnchor="end" fontSize={10} fill="currentColor">
              {mu}
            </text>
          </g>
        ))}
        <text
          transform={`translate(${-AXIS_LEFT + 10},${h / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={11}
          fill="currentColor"
        >
          μ
        </text>
      </g>
    </svg>
  );
}

/**
 * The width (px) of the element given to the returned ref callback, followed as it changes;
 * `fallback` until measured.
 */
function useWidth(fallback: number): [number, (el: HTMLElement | null) => void] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = (): void => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.floor(w));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [width, setEl];
}

/** The (lr, μ) plane of momentum SGD on the start's quadratic: where it converges, and the current setting. */
function MomentumMap(props: { config: OptimizerConfig; at: LocalStability }) {
  const { config, at } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  // The plot grows with the drawer (a fixed 180 px left most of a wide drawer empty).
  const [room, measureRef] = useWidth(DEFAULT_W + AXIS_LEFT + AXIS_RIGHT);
  const { w, h } = momentumPlotSize(room);
  const crit = at.criticalLr;
  const usable = at.lambdaMin > 0 && Number.isFinite(crit);
  const lrMin = crit / 1000;
  const lrMax = crit * 10;
  const lr = config.lr ?? 0.001;
  const momentum = config.momentum ?? 0;
  const { dampening, nesterov } = config;
  const region = useMemo(
    () =>
      usable
        ? momentumRegion(
            [at.lambdaMin, at.lambdaMax],
            {
              lrMin,
              lrMax,
              lrPoints: LR_POINTS,
              momentumPoints: MU_POINTS,
              ...(dampening !== undefined ? { dampening } : {}),
              ...(nesterov !== undefined ? { nesterov } : {}),
            },
            { lr, momentum },
          )
        : undefined,
    [usable, at.lambdaMin, at.lambdaMax, lrMin, lrMax, dampening, nesterov, lr, momentum],
  );
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !region) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const cw = w / LR_POINTS;
    const ch = h / MU_POINTS;
    for (let j = 0; j < MU_POINTS; j++) {
      for (let i = 0; i < LR_POINTS; i++) {
        const r = region.radius[j * LR_POINTS + i]!;
        // Opaque colours, so the overlapping half pixels that hide the seams do not show.
        const k = r < 1 ? 0.25 + 0.6 * (1 - r) : 0;
        ctx.fillStyle =
          r < 1
            ? `rgb(${Math.round(255 - k * 244)}, ${Math.round(255 - k * 163)}, ${Math.round(255 - k * 82)})`
            : 'rgb(236, 201, 199)';
        ctx.fillRect(i * cw, h - (j + 1) * ch, cw + 0.5, ch + 0.5);
      }
    }
  }, [region, w, h]);
  if (!region || !region.current) {
    return <p className="field-help">{t('analysis.stability.noRegion')}</p>;
  }
  const cx = (Math.log(lr / lrMin) / Math.log(lrMax / lrMin)) * w;
  const cy = h - (momentum / 0.99) * h;
  const inside = cx >= 0 && cx <= w;
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <figure className="momentum-map" data-testid="momentum-map" ref={measureRef}>
      <figcaption>{t('analysis.stability.region')}</figcaption>
      <div
        className="momentum-frame"
        style={{ width: AXIS_LEFT + w + AXIS_RIGHT, height: h + AXIS_BOTTOM }}
      >
        <MomentumAxes lrMin={lrMin} lrMax={lrMax} w={w} h={h} />
        <div className="momentum-plot" style={{ width: w, height: h, left: AXIS_LEFT }}>
          <canvas
            ref={ref}
            width={Math.round(w * dpr)}
            height={Math.round(h * dpr)}
            style={{ width: w, height: h }}
            aria-hidden="true"
          />
          {/* Overflow shown: the marker of μ = 0 or of the range's ends sits on the edge, whole. */}
          <svg width={w} height={h} aria-hidden="true" style={{ overflow: 'visible' }}>
            {inside && (
              <circle cx={cx} cy={cy} r={5} fill="none" stroke="#1b2430" strokeWidth={2} />
            )}
          </svg>
        </div>
      </div>
      <p className="field-help">
        {t('analysis.stability.axes', { lo: fmt(lrMin), hi: fmt(lrMax) })}
      </p>
      <p data-testid="momentum-status">
        {t(
          region.current.converges
            ? 'analysis.stability.converges'
            : 'analysis.stability.divergesHere',
          { lr: fmt(lr), momentum: fmt(momentum), radius: fmt(region.current.radius, 4) },
        )}
      </p>
    </figure>
  );
}
