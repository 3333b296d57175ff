import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DomainPoint } from '../../engine/types';
import { t, useLocale } from '../../i18n';
import { useDescent } from '../../state/store';
import type { SurfaceLayer } from '../../engine/contours/types';
import { optimizerNames } from '../names';
import { optimizerStyle } from '../palette';
import { mapExit } from './drawTrajectories';
import type { MapEdge, MapExit } from './drawTrajectories';
import type { Projection } from './projection';

/** The gradient field as arrows pointing downhill (−∇f); length grows with log |∇f|. */
export const QuiverLayer = memo(function QuiverLayer(props: {
  layer: SurfaceLayer;
  projection: Projection;
}) {
  const { layer, projection: p } = props;
  const q = layer.quiver;
  const n = q.length / 4;
  if (n === 0) return null;
  const perRow = Math.max(1, Math.round(Math.sqrt(n * (p.width / Math.max(1, p.height)))));
  const d = layer.request.domain;
  const cell = Math.min(
    Math.abs(p.x(d.x[1]) - p.x(d.x[0])) / perRow,
    Math.abs(p.y(d.y[0]) - p.y(d.y[1])) / Math.max(1, Math.round(n / perRow)),
  );
  let gmax = 0;
  for (let i = 0; i < n; i++) {
    const g = Math.hypot(q[4 * i + 2]!, q[4 * i + 3]!);
    if (Number.isFinite(g) && g > gmax) gmax = g;
  }
  let path = '';
  for (let i = 0; i < n; i++) {
    const x = p.x(q[4 * i]!);
    const y = p.y(q[4 * i + 1]!);
    const sx = -(p.x(q[4 * i + 2]!) - p.x(0));
    const sy = -(p.y(q[4 * i + 3]!) - p.y(0));
    const s = Math.hypot(sx, sy);
    const g = Math.hypot(q[4 * i + 2]!, q[4 * i + 3]!);
    if (!(s > 0) || !Number.isFinite(g) || gmax === 0) continue;
    const len = cell * 0.8 * (0.25 + 0.75 * (Math.log1p(g) / Math.log1p(gmax)));
    const ux = sx / s;
    const uy = sy / s;
    const x0 = x - (ux * len) / 2;
    const y0 = y - (uy * len) / 2;
    const x1 = x + (ux * len) / 2;
    const y1 = y + (uy * len) / 2;
    const h = Math.min(4, len * 0.4);
    const r = (v: number): number => Math.round(v * 10) / 10;
    path += `M${r(x0)},${r(y0)}L${r(x1)},${r(y1)}M${r(x1 - ux * h - uy * h * 0.6)},${r(y1 - uy * h + ux * h * 0.6)}L${r(x1)},${r(y1)}L${r(x1 - ux * h + uy * h * 0.6)},${r(y1 - uy * h - ux * h * 0.6)}`;
  }
  return (
    <path
      className="quiver"
      d={path}
      fill="none"
      stroke="#3d4b5e"
      strokeOpacity={0.55}
      strokeWidth={1}
    />
  );
});

/** Known minima as small four-pointed stars. */
export const MinimaMarkers = memo(function MinimaMarkers(props: {
  minima: readonly DomainPoint[];
  projection: Projection;
  label: string;
}) {
  const { minima, projection: p, label } = props;
  return (
    <g className="minima">
      {minima.map((m, i) => {
        const [sx, sy] = p.toScreen(m);
        if (sx < -10 || sy < -10 || sx > p.width + 10 || sy > p.height + 10) return null;
        return (
          <g key={i} transform={`translate(${sx},${sy})`}>
            <path
              className="map-mark"
              d="M0,-8L2,-2L8,0L2,2L0,8L-2,2L-8,0L-2,-2Z"
              fill="#fff7d6"
              stroke="#5b4a00"
              strokeWidth={1.2}
            >
              <title>{label}</title>
            </path>
          </g>
        );
      })}
    </g>
  );
});

const EDGE_ARROW: Record<MapEdge, string> = { top: '↑', bottom: '↓', left: '←', right: '→' };

interface ExitLabel extends MapExit {
  readonly index: number;
  readonly text: string;
  /** The narrow form: name, step, arrow. */
  readonly short: string;
  readonly color: string;
}

/** Plot width (px) below which the exit labels take their short form, merged in one row. */
const MERGE_BELOW = 420;

/** Gap (px) kept between a label and the plot's edge or another label. */
const GAP = 4;

/**
 * "SGD left the map at step 5 ↓": one label per path that has left the view for good by the
 * playback step, inside the plot at the edge it crossed (the canvas draws an arrowhead there).
 * Labels are measured after layout, kept inside the plot and pushed apart when they would overlap.
 */
export function ExitLabels(props: { projection: Projection }) {
  const { projection } = props;
  useLocale();
  const { scene, trajectories, current } = useDescent(
    useShallow((s) => ({
      scene: s.scene,
      trajectories: s.trajectories,
      current: s.trajectoriesScene === s.scene,
    })),
  );
  const exits = useMemo(() => {
    if (!current) return [];
    const names = optimizerNames(scene.optimizers);
    const out: ExitLabel[] = [];
    scene.optimizers.forEach((config, index) => {
      const tr = trajectories[index];
      if (!tr || config.hidden) return;
      const exit = mapExit(tr, projection);
      if (!exit) return;
      out.push({
        ...exit,
        index,
        color: optimizerStyle(config, index).color,
        text: t('map.leftMap', {
          name: names[index]!,
          step: exit.step,
          arrow: EDGE_ARROW[exit.edge],
        }),
        short: t('map.leftMapShort', {
          name: names[index]!,
          step: exit.step,
          arrow: EDGE_ARROW[exit.edge],
        }),
      });
    });
    return out;
  }, [scene, trajectories, current, projection]);
  // Re-render only when the playback step crosses an exit step, not on every frame.
  const reached = useDescent((s) => exits.filter((e) => s.cursor >= e.step).length);
  const shown = useMemo(
    () => exits.filter((e) => e.step <= useDescent.getState().cursor),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [exits, reached],
  );
  const boxRef = useRef<HTMLDivElement>(null);
  // A narrow plot cannot hold "… left the map at step N ↑" beside the crossing: the labels take
  // their short form and line up along the bottom, wrapping, clear of the zoom buttons (top right).
  const merged = projection.width < MERGE_BELOW;
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box || merged) return;
    const { width: w, height: h } = projection;
    const placed: { l: number; t: number; r: number; b: number }[] = [];
    for (const el of Array.from(box.children) as HTMLElement[]) {
      const edge = el.dataset.edge as MapEdge;
      const ex = Number(el.dataset.x);
      const ey = Number(el.dataset.y);
      const lw = el.offsetWidth;
      const lh = el.offsetHeight;
      const clamp = (v: number, lo: number, hi: number): number =>
        Math.max(lo, Math.min(Math.max(lo, hi), v));
      // Beside the arrowhead the canvas draws at the crossing, on the side with more room.
      const beside = 14;
      const left =
        edge === 'left'
          ? GAP
          : edge === 'right'
            ? w - lw - GAP
            : clamp(ex < w / 2 ? ex + beside : ex - lw - beside, GAP, w - lw - GAP);
      let top =
        edge === 'top'
          ? GAP
          : edge === 'bottom'
            ? h - lh - GAP
            : clamp(ey < h / 2 ? ey + beside : ey - lh - beside, GAP, h - lh - GAP);
      // Push inward (away from the edge) past any label already placed.
      const step = lh + GAP;
      // Labels on the bottom edge stack upward, all others downward.
      const dy = edge === 'bottom' ? -step : step;
      for (let guard = 0; guard < 20; guard++) {
        const r = { l: left, t: top, r: left + lw, b: top + lh };
        if (!placed.some((q) => r.l < q.r && r.r > q.l && r.t < q.b && r.b > q.t)) break;
        top += dy;
      }
      top = clamp(top, GAP, h - lh - GAP);
      placed.push({ l: left, t: top, r: left + lw, b: top + lh });
      el.style.left = `${left}px`;
      el.style.top = `${top}px`;
    }
  });
  return (
    <div
      className={merged ? 'map-exits map-exits--merged' : 'map-exits'}
      ref={boxRef}
      data-testid="map-exits"
    >
      {shown.map((e) => (
        <span
          key={e.index}
          className="map-exit"
          role="status"
          aria-label={merged ? e.text : undefined}
          title={merged ? e.text : undefined}
          data-edge={e.edge}
          data-x={e.x}
          data-y={e.y}
          style={{ borderColor: e.color }}
          data-testid={`map-exit-${e.index}`}
        >
          <span className="swatch" style={{ background: e.color }} aria-hidden="true" />
          <span className="map-exit-text">{merged ? e.short : e.text}</span>
        </span>
      ))}
    </div>
  );
}
