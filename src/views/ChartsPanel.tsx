import { useCallback, useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { OPTIMIZERS } from '../engine/optimizers';
import type { DomainPoint, Trajectory } from '../engine/types';
import { t } from '../i18n';
import { useDescent } from '../state/store';
import { DistanceChart } from './charts/DistanceChart';
import { distanceSeries } from './charts/distance';
import { LossChart } from './charts/LossChart';
import type { ChartSeries } from './charts/types';
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

/** Loss and distance-to-minimum per step, with the playback cursor. */
export function ChartsPanel() {
  // The series follow the scene the trajectories were computed for, so lines and labels always match.
  const { scene, steps, trajectories, cursor, minima } = useDescent(
    useShallow((s) => ({
      scene: s.trajectoriesScene ?? s.scene,
      steps: s.scene.steps,
      trajectories: s.trajectories,
      cursor: s.cursor,
      minima: s.surface.minima,
    })),
  );
  // A slider drag repaints the map in the input's own frame; the charts follow in a background
  // render right after it, so their SVG work never delays that frame.
  const shownScene = useDeferredValue(scene);
  const shownTrajectories = useDeferredValue(trajectories);
  const shownMinima = useDeferredValue(minima);
  const base = useMemo(
    () =>
      shownScene.optimizers.flatMap((config, i) => {
        const tr = shownTrajectories[i];
        if (!tr) return [];
        const style = optimizerStyle(config, i);
        return [
          {
            config,
            tr,
            label: config.label || OPTIMIZERS[config.type].label,
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
        hidden: b.config.hidden === true,
      })),
    [base, shownMinima],
  );
  const onCursor = useCallback((step: number) => {
    const s = useDescent.getState();
    s.setPlaying(false);
    s.setCursor(step);
  }, []);
  return (
    <section className="panel charts-panel" aria-label={t('charts.heading')}>
      <LossChart series={loss} cursor={cursor} steps={steps} onCursor={onCursor} height={190} />
      {minima.length > 0 && (
        <DistanceChart
          series={distance}
          cursor={cursor}
          steps={steps}
          onCursor={onCursor}
          height={170}
        />
      )}
    </section>
  );
}
