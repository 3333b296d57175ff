/**
 * The stable band of torch SGD's lr, drawn under its lr slider (plain SGD, heavy-ball momentum
 * with dampening, Nesterov; weight decay adds wd to every curvature): on the start's local
 * quadratic model the run converges for 0 < lr < bound/(λ_max + wd) and blows up beyond
 * (divergence.ts stableLrLimit, regime.ts stableProductBound: 2, 2(1 + μ)/(1 − τ) or
 * 2(1 + μ)/(1 + 2μ)). Adaptive optimizers have no closed form and get no band. Small and eager (it
 * sits in the controls), so it imports the engine modules directly rather than the analysis index.
 */
import { stableLrLimit } from '../../engine/analysis/divergence';
import { stableProductBound } from '../../engine/analysis/regime';
import type { OptimizerConfig } from '../../engine/types';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { SLIDER_STEPS, toSlider } from '../controls/params';

/** Stable and unstable colours of the band (also readable for red–green colour blindness by position). */
const STABLE = '#1b7f4c';
const UNSTABLE = '#b3261e';

/** Three significant digits, as the slider's own value is rounded. */
const short = (v: number): string => String(Number(v.toPrecision(3)));

export function CriticalLrTick(props: {
  config: OptimizerConfig;
  range: [number, number];
  log: boolean;
}) {
  const { config, range, log } = props;
  const limit = useDescent((s) => stableLrLimit(s.surface, s.scene.start, config) ?? NaN);
  if (config.type !== 'sgd' || !Number.isFinite(limit) || !(limit > 0)) return null;
  const momentum = config.momentum ?? 0;
  const bound = stableProductBound({
    momentum,
    dampening: momentum === 0 ? 0 : (config.dampening ?? 0),
    nesterov: config.nesterov ?? false,
  });
  const wd = config.weight_decay ?? 0;
  const label = t('band.stable', {
    bound: short(bound),
    lambda: wd === 0 ? 'λ_max' : `(λ_max + ${short(wd)})`,
    limit: short(limit),
  });
  // Where the edge sits on the track, 0..1 (clamped: a band wider than the slider fills it).
  const edge = toSlider(Math.min(Math.max(limit, range[0]), range[1]), range, log) / SLIDER_STEPS;
  const lr = config.lr ?? 0.001;
  const inside = lr < limit;
  // The range input (width 100% plus Chromium's 2 px margins, so it starts 2 px in and overflows
  // 2 px) moves its 16 px thumb's centre from 10 px to width − 6 px of this box: the band follows.
  const at = (f: number): string => `calc(10px + (100% - 16px) * ${f})`;
  // Inline styles: this sits in the eagerly loaded controls, whose stylesheet is shared.
  return (
    <span
      className="critical-lr"
      data-testid="stable-band"
      data-limit={limit}
      data-inside={inside}
      title={label}
      style={{ display: 'block' }}
    >
      {/* The bar's text does not depend on lr, so dragging the slider never reflows it. */}
      <span style={{ position: 'relative', display: 'block', height: 7 }}>
        <span
          aria-hidden="true"
          data-testid="stable-band-bar"
          style={{
            position: 'absolute',
            left: at(0),
            width: `calc((100% - 16px) * ${edge})`,
            top: 0,
            height: 4,
            borderRadius: 2,
            background: STABLE,
            opacity: 0.75,
          }}
        />
        {edge < 1 && (
          <span
            aria-hidden="true"
            style={{
              position: 'absolute',
              left: at(edge),
              right: 6,
              top: 0,
              height: 4,
              background: `repeating-linear-gradient(90deg, ${UNSTABLE} 0 4px, transparent 4px 7px)`,
            }}
          />
        )}
        {edge < 1 && (
          <span
            aria-hidden="true"
            style={{
              position: 'absolute',
              left: at(edge),
              top: -1,
              width: 2,
              height: 7,
              background: UNSTABLE,
            }}
          />
        )}
      </span>
      <span
        data-testid="critical-lr"
        className="critical-lr-note"
        style={{
          display: 'block',
          fontSize: '0.75rem',
          lineHeight: 1.25,
          // Wraps inside the slider's column: on one line it ran under the lr input.
          overflowWrap: 'anywhere',
          // Theme colours: the label stays readable on the dark theme's panels.
          color: inside ? 'var(--muted)' : 'var(--error)',
        }}
      >
        {label}
      </span>
    </span>
  );
}
