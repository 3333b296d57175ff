/**
 * The critical learning rate 2/λ_max at the start point, marked on plain SGD's lr slider: past it
 * gradient descent diverges on the start's local quadratic model. Small and eager (it sits in the
 * controls), so it imports the stability module directly rather than the analysis index.
 */
import { localStability } from '../../engine/analysis/stability';
import type { OptimizerConfig } from '../../engine/types';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { SLIDER_STEPS, toSlider } from '../controls/params';

export function CriticalLrTick(props: {
  config: OptimizerConfig;
  range: [number, number];
  log: boolean;
}) {
  const { config, range, log } = props;
  const critical = useDescent((s) =>
    config.type === 'sgd'
      ? localStability(s.surface, s.scene.start[0], s.scene.start[1]).criticalLr
      : NaN,
  );
  if (!Number.isFinite(critical) || critical < range[0] || critical > range[1]) return null;
  const value = Number(critical.toPrecision(3));
  const pct = (toSlider(critical, range, log) / SLIDER_STEPS) * 100;
  const label = t('analysis.criticalLr', { lr: value });
  // Inline styles: this sits in the eagerly loaded controls, whose stylesheet is shared.
  return (
    <span
      className="critical-lr"
      data-testid="critical-lr"
      data-lr={critical}
      title={label}
      style={{ position: 'relative', display: 'block', paddingTop: 7 }}
    >
      <span
        aria-hidden="true"
        style={{
          position: 'absolute',
          left: `${pct}%`,
          top: 0,
          width: 2,
          height: 7,
          background: '#b3261e',
        }}
      />
      {/* The note wraps inside the slider's column: on one line it ran under the lr input. */}
      <span
        className="critical-lr-note"
        style={{
          display: 'block',
          fontSize: '0.75rem',
          lineHeight: 1.25,
          color: '#b3261e',
          overflowWrap: 'anywhere',
        }}
      >
        {label}
      </span>
    </span>
  );
}
