import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { PanelHelp } from './help/PanelHelp';
import { useShallow } from 'zustand/react/shallow';
import type { DomainPoint, Trajectory } from '../engine/types';
import { t } from '../i18n';
import { useDescent } from '../state/store';
import { DistanceChart } from './charts/DistanceChart';
import { distanceSeries } from './charts/distance';
import { LossChart } from './charts/LossChart';
import { LrChart, MomentumChart } from './charts/LrChart';
import type { ChartSeries, CursorSource } from './charts/types';
import { optimizerNames } from './names';
import { optimizerStyle } from './palette';

const distances = new WeakMap<
  Trajectory,
  { minima: readonly DomainPoint[]; values: Float64Array }
>();

/**
 * A trajectory's distances to the minima, computed once per trajectory: when a drag changes one
 * optimizer the others keep their arrays, so their chart lines are not rebuilt.
 */
function cachedDistances(tr: Trajectory, minima: readonly DomainPoint[]): Float64Array {
  const hit = distances.get(tr);
  if (hit && hit.minima === minima) return hit.values;
  const values = distanceSeries(tr.points, tr.length, minima);
  distances.set(tr, { minima, values });
  return values;
}

const EMPTY = new Float64Array(0);

/** The store's playback cursor, read transiently. */
const STORE_CURSOR: CursorSource = {
  get: () => useDescent.getState().cursor,
  subscribe: (listener) => useDescent.subscribe((s) => s.cursor, listener),
};

/** How often the legends' values may follow a moving cursor. */
const LEGEND_UPDATE_MS = 120;

/**
 * The store's cursor as React state, changing at most once per `ms` (the first change at once,
 * the last one always delivered), without subscribing the component to every frame.
 */
function useThrottledCursor(ms: number): number {
  const [cursor, setCursor] = useState(() => useDescent.getState().cursor);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const flush = (): void => {
      timer = undefined;
      last = performance.now();
      setCursor(useDescent.getState().cursor);
    };
    const unsubscribe = useDescent.subscribe(
      (s) => s.cursor,
      () => {
        if (timer !== undefined) return;
        const wait = last + ms - performance.now();
        if (wait <= 0) flush();
        else timer = setTimeout(flush, wait);
      },
    );
    // A change between the first render and this subscription is not missed.
    timer = setTimeout(flush, 0);
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ms]);
  return cursor;
}

/**
 * Loss per step, the learning rate (and cycled momentum or β1) each step used when a schedule is
 * set, and the distance to the nearest minimum, all with the playback cursor.
 */
export function ChartsPanel(props: { heightScale?: number } = {}) {
  // An embed that swaps the charts into the map's place shrinks them to fit (never below 48 px).
  const scale = props.heightScale ?? 1;
  const sized = (px: number): number => (scale === 1 ? px : Math.max(48, Math.round(px * scale)));
  // The series follow the scene the trajectories were computed for, so lines and labels always match.
  const { scene, steps, trajectories, minima } = useDescent(
    useShallow((s) => ({
      scene: s.trajectoriesScene ?? s.scene,
      steps: s.scene.steps,
      trajectories: s.trajectories,
      minima: s.surface.minima,
    })),
  );
  // The cursor line and dots follow the store at frame rate by themselves (liveCursor); only the
  // legend's numbers re-render, a few times a second, so playback never renders React per frame.
  const cursor = useThrottledCursor(LEGEND_UPDATE_MS);
  // A slider drag repaints the map in the input's own frame; the charts follow in a background
  // render right after it, so their SVG work never delays that frame.
  const shownScene = useDeferredValue(scene);
  const shownTrajectories = useDeferredValue(trajectories);
  const shownMinima = useDeferredValue(minima);
  const base = useMemo(
    () =>
      shownScene.optimizers.flatMap((config, i, all) => {
        const names = optimizerNames(all);
        const tr = shownTrajectories[i];
        if (!tr) return [];
        const style = optimizerStyle(config, i);
        return [
          {
            config,
            tr,
            label: names[i]!,
            color: style.color,
            dash: style.dash,
          },
        ];
      }),
    [shownTrajectories, shownScene],
  );
  const loss: ChartSeries[] = useMemo(
    () =>
      base.map((b) => ({
        label: b.label,
        color: b.color,
        dash: b.dash,
        values: b.tr.losses,
        length: b.tr.length,
        diverged: b.tr.diverged,
        leftDomain: b.tr.leftDomain === true,
        hidden: b.config.hidden === true,
      })),
    [base],
  );
  const distance: ChartSeries[] = useMemo(
    () =>
      base.map((b) => ({
        label: b.label,
        color: b.color,
        dash: b.dash,
        values: cachedDistances(b.tr, shownMinima),
        length: b.tr.length,
        diverged: b.tr.diverged,
        leftDomain: b.tr.leftDomain === true,
        hidden: b.config.hidden === true,
      })),
    [base, shownMinima],
  );
  // lrs[k] is the lr of the step from point k: one fewer than the points.
  const lr: ChartSeries[] = useMemo(
    () =>
      base.map((b) => ({
        label: b.label,
        color: b.color,
        dash: b.dash,
        values: b.tr.lrs ?? EMPTY,
        length: b.tr.lrs?.length ?? 0,
        diverged: b.tr.diverged,
        leftDomain: b.tr.leftDomain === true,
        hidden: b.config.hidden === true,
      })),
    [base],
  );
  const momentum: ChartSeries[] = useMemo(
    () =>
      base.flatMap((b) =>
        b.tr.momentums
          ? [
              {
                label: b.label,
                color: b.color,
                dash: b.dash,
                values: b.tr.momentums,
                length: b.tr.momentums.length,
                diverged: b.tr.diverged,
                leftDomain: b.tr.leftDomain === true,
                hidden: b.config.hidden === true,
              },
            ]
          : [],
      ),
    [base],
  );
  const scheduled = base.some((b) => b.config.schedule !== undefined && b.config.hidden !== true);
  const cycled = momentum.some((m) => !m.hidden);
  const onCursor = useCallback((step: number) => {
    const s = useDescent.getState();
    s.setPlaying(false);
    s.setCursor(step);
  }, []);
  return (
    <section className="panel charts-panel" aria-label={t('charts.heading')}>
      <PanelHelp topic="charts" />
      <LossChart
        series={loss}
        cursor={cursor}
        liveCursor={STORE_CURSOR}
        steps={steps}
        onCursor={onCursor}
        height={sized(190)}
      />
      {scheduled && (
        <div data-testid="lr-chart">
          <LrChart
            series={lr}
            cursor={cursor}
            liveCursor={STORE_CURSOR}
            steps={steps}
            onCursor={onCursor}
            height={sized(150)}
          />
        </div>
      )}
      {cycled && (
        <div data-testid="momentum-chart">
          <MomentumChart
            series={momentum}
            cursor={cursor}
            liveCursor={STORE_CURSOR}
            steps={steps}
            onCursor={onCursor}
            height={sized(130)}
          />
        </div>
      )}
      {minima.length > 0 && (
        <DistanceChart
          series={distance}
          cursor={cursor}
          liveCursor={STORE_CURSOR}
          steps={steps}
          onCursor={onCursor}
          height={sized(170)}
        />
      )}
    </section>
  );
}
