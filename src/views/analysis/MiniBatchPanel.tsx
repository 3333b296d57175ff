import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import { CONTOUR_STROKE } from '../palette';
import { fmt } from './format';
import { MB_GRID, miniBatchRuns, miniBatchSurface } from './miniBatchScene';
import type { DomainPoint, Trajectory } from '../../engine/types';

const SIZE = 260;

/** Note 001: the noisy mini-batch SGD path against full-batch GD on a data set's exact loss contours. */
export function MiniBatchPanel() {
  const s = useAnalysis(
    useShallow((st) => ({
      kind: st.mbKind,
      n: st.mbN,
      seed: st.mbSeed,
      batch: st.mbBatch,
      lr: st.mbLr,
      steps: st.mbSteps,
    })),
  );
  const set = useAnalysis.getState().set;
  const batch = Math.min(s.batch, s.n);
  const scene = useMemo(() => miniBatchSurface(s.kind, s.n, s.seed), [s.kind, s.n, s.seed]);
  const runs = useMemo(
    () => miniBatchRuns(scene, batch, s.lr, s.steps, s.seed),
    [scene, batch, s.lr, s.steps, s.seed],
  );
  const { domain } = scene;
  const px = (p: DomainPoint): [number, number] => [
    ((p[0] - domain.x[0]) / (domain.x[1] - domain.x[0])) * SIZE,
    SIZE - ((p[1] - domain.y[0]) / (domain.y[1] - domain.y[0])) * SIZE,
  ];
  const pathOf = (tr: Trajectory): string => {
    let d = '';
    for (let k = 0; k < tr.length; k++) {
      const [x, y] = px([tr.points[2 * k]!, tr.points[2 * k + 1]!]);
      d += `${k === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    }
    return d;
  };
  const [ox, oy] = px(scene.optimum);
  const [sx, sy] = px(scene.start);
  const cell = SIZE / MB_GRID;
  return (
    <div className="analysis-view" data-testid="minibatch-view">
      <div className="analysis-controls">
        <label className="field inline">
          <span>{t('analysis.mb.kind')}</span>
          <select
            value={s.kind}
            data-testid="mb-kind"
            onChange={(e) => set({ mbKind: e.target.value === 'logistic' ? 'logistic' : 'linear' })}
          >
            <option value="linear">{t('analysis.mb.linear')}</option>
            <option value="logistic">{t('analysis.mb.logistic')}</option>
          </select>
        </label>
        <NumberInput
          label={t('analysis.mb.n')}
          value={s.n}
          min={2}
          max={1000}
          testId="mb-n"
          onChange={(v) => set({ mbN: v, mbBatch: Math.min(s.batch, v) })}
        />
        <NumberInput
          label={t('analysis.mb.seed')}
          value={s.seed}
          min={0}
          max={2 ** 31 - 1}
          testId="mb-seed"
          onChange={(v) => set({ mbSeed: v })}
        />
        <NumberInput
          label={t('analysis.mb.steps')}
          value={s.steps}
          min={1}
          max={2000}
          testId="mb-steps"
          onChange={(v) => set({ mbSteps: v })}
        />
        <label className="field inline">
          <span>{t('analysis.mb.lr')}</span>
          <select value={s.lr} onChange={(e) => set({ mbLr: Number(e.target.value) })}>
            {[...new Set([0.01, 0.03, 0.1, 0.3, 1, s.lr])]
              .sort((a, b) => a - b)
              .map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
          </select>
        </label>
      </div>
      <label className="field slider-field">
        <span>{t('analysis.mb.batch', { batch, n: s.n })}</span>
        <input
          type="range"
          min={1}
          max={s.n}
          step={1}
          value={batch}
          data-testid="mb-batch"
          onChange={(e) => set({ mbBatch: Number(e.target.value) })}
        />
      </label>
      <svg
        width={SIZE}
        height={SIZE}
        className="mb-map"
        role="img"
        aria-label={t('analysis.mb.map')}
        data-testid="mb-map"
      >
        <rect width={SIZE} height={SIZE} fill="#fbfcfd" stroke="#d9dee5" />
        <g transform={`scale(${cell})`}>
          {scene.contours.map((c, i) => (
            <path
              key={i}
              d={c.d}
              fill="none"
              stroke={CONTOUR_STROKE}
              strokeOpacity={0.45}
              strokeWidth={0.7}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </g>
        <path
          d={pathOf(runs.gd)}
          fill="none"
          stroke="#1b2430"
          strokeWidth={2}
          data-testid="mb-gd"
        />
        <path
          d={pathOf(runs.sgd)}
          fill="none"
          stroke="#d62728"
          strokeWidth={1.3}
          data-testid="mb-sgd"
        />
        <circle cx={sx} cy={sy} r={4} fill="#fff" stroke="#1b2430" strokeWidth={1.5} />
        <text x={SIZE - 6} y={SIZE - 6} textAnchor="end" fontSize={11} fill="#5a6472">
          w →
        </text>
        <text x={6} y={14} fontSize={11} fill="#5a6472">
          ↑ b
        </text>
        <path
          transform={`translate(${ox},${oy})`}
          d="M0,-7L2,-2L7,0L2,2L0,7L-2,2L-7,0L-2,-2Z"
          fill="#fff7d6"
          stroke="#5b4a00"
        />
      </svg>
      <ul className="mb-legend">
        <li>
          <span className="swatch" style={{ background: '#1b2430' }} aria-hidden="true" />
          {t('analysis.mb.gd')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#d62728' }} aria-hidden="true" />
          {t('analysis.mb.sgd', { batch })}
        </li>
      </ul>
      <p data-testid="mb-gap" data-gap={runs.gap}>
        {t('analysis.mb.gap', { gap: fmt(runs.gap, 3) })}
      </p>
      <p className="field-help">
        {t('analysis.mb.help', {
          w: fmt(scene.optimum[0], 4),
          b: fmt(scene.optimum[1], 4),
        })}
      </p>
    </div>
  );
}

function NumberInput(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  testId: string;
  onChange: (value: number) => void;
}) {
  const { label, value, min, max, testId, onChange } = props;
  return (
    <label className="field inline">
      <span>{label}</span>
      <input
        type="number"
        key={value}
        defaultValue={value}
        min={min}
        max={max}
        step={1}
        data-testid={testId}
        onBlur={(e) => {
          const v = Math.round(Number(e.target.value));
          if (Number.isFinite(v) && v >= min && v <= max && v !== value) onChange(v);
          else e.target.value = String(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
      />
    </label>
  );
}
