/**
 * The map's words for paths off the map: "SGD left the map at step 5 ↓" and "SGD is off the map
 * until step 12 ←". Loaded after the first paint (MapView), with every text.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t, useLocale } from '../../i18n';
import { useDescent } from '../../state/store';
import { optimizerNames } from '../names';
import { optimizerStyle } from '../palette';
import { EDGE_ARROW, mapExit } from './drawTrajectories';
import type { MapEdge } from './drawTrajectories';
import { mapEntry } from './mapEntry';
import type { Projection } from './projection';

interface ExitLabel {
  readonly index: number;
  readonly edge: MapEdge;
  /** Where the path meets the edge (CSS px in the plot): the label sits beside it. */
  readonly x: number;
  readonly y: number;
  /** Shown while `from <= cursor < until` (playback steps). */
  readonly from: number;
  readonly until: number;
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
 * playback step, inside the plot at the edge it crossed (the canvas draws an arrowhead there);
 * and "SGD is off the map until step 12 ←" while a path that starts outside the view has not come
 * in yet. Labels are measured after layout, kept inside the plot and pushed apart when they
 * would overlap.
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
  const labels = useMemo(() => {
    if (!current) return [];
    const names = optimizerNames(scene.optimizers);
    const out: ExitLabel[] = [];
    scene.optimizers.forEach((config, index) => {
      const tr = trajectories[index];
      if (!tr || config.hidden) return;
      const name = names[index]!;
      const color = optimizerStyle(config, index).color;
      const entry = mapEntry(tr, projection);
      if (entry) {
        const arrow = entry.arrow;
        out.push({
          ...entry,
          index,
          color,
          from: 0,
          until: entry.step ?? Infinity,
          text:
            entry.step === null
              ? t('map.offMapWholeRun', { name, arrow })
              : t('map.offMapUntil', { name, step: entry.step, arrow }),
          short: t('map.offMapShort', { name, arrow }),
        });
      }
      const exit = mapExit(tr, projection);
      if (!exit) return;
      const arrow = EDGE_ARROW[exit.edge];
      out.push({
        ...exit,
        index,
        color,
        from: exit.step,
        until: Infinity,
        text: t('map.leftMap', { name, step: exit.step, arrow }),
        short: t('map.leftMapShort', { name, step: exit.step, arrow }),
      });
    });
    return out;
  }, [scene, trajectories, current, projection]);
  // Re-render only when the playback step shows or hides a label, not on every frame.
  const visibleAt = (cursor: number): string =>
    labels.map((l) => (l.from <= cursor && cursor < l.until ? '1' : '0')).join('');
  const visible = useDescent((s) => visibleAt(s.cursor));
  const shown = useMemo(() => labels.filter((_, i) => visible[i] === '1'), [labels, visible]);
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
          key={`${e.index}:${e.from}`}
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
