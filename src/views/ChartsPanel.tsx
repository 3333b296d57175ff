import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { OPTIMIZERS } from '../engine/optimizers';
import { t } from '../i18n';
import { useDescent } from '../state/store';
import { DistanceChart } from './charts/DistanceChart';
import { distanceSeries } from './charts/distance';
import { LossChart } from './charts/LossChart';
import type { ChartSeries } from './charts/types';
import { optimizerStyle } from './palette';

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
  const base = useMemo(
    () =>
      scene.optimizers.flatMap((config, i) => {
        const tr = trajectories[i];
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
    [trajectories, scene],
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
        values: distanceSeries(b.tr.points, b.tr.length, minima),
        length: b.tr.length,
        diverged: b.tr.diverged,
        hidden: b.config.hidden === true,
      })),
    [base, minima],
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
