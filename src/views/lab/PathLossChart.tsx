import { useMemo } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import type { LabConfig } from '../../state/lab';
import type { TrainSlot } from '../../engine/nn/labConfig';
import type { ProjectedPath } from '../../worker/lab/protocol';
import { formatNumber } from '../format';
import { pathColor } from './landscapeMap';
import { t } from './strings';

const W = 360;
const H = 170;
const M = { left: 50, right: 12, top: 10, bottom: 24 };

/**
 * The loss along each projected path: at the real weights (solid) and what the plane shows at
 * their projection (dashed), against the step, with the map's cursor. The gap between the two
 * lines is what the 2-D picture hides, over the whole path. Clicking picks the cursor's step.
 */
export function PathLossChart({
  paths,
  slots,
  cursorStep,
  onPick,
}: {
  paths: readonly ProjectedPath[];
  slots: readonly { slot: TrainSlot; config: LabConfig }[];
  cursorStep: number;
  onPick: (step: number) => void;
}) {
  const model = useMemo(() => {
    const values: number[] = [];
    let last = 1;
    for (const p of paths) {
      for (const v of [...p.trueLoss, ...p.planeLoss])
        if (Number.isFinite(v) && v > 0) values.push(v);
      last = Math.max(last, p.steps[p.steps.length - 1] ?? 1);
    }
    if (values.length === 0) return null;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const x = scaleLinear()
      .domain([0, last])
      .range([M.left, W - M.right]);
    const y = scaleLog()
      .domain([lo / 1.2, hi * 1.2])
      .range([H - M.bottom, M.top]);
    return { x, y, last };
  }, [paths]);
  if (!model) return null;
  const { x, y } = model;
  const series = (steps: Float64Array, values: Float64Array): string =>
    line<number>()
      .defined((i) => Number.isFinite(values[i]!) && values[i]! > 0)
      .x((i) => x(steps[i]!))
      .y((i) => y(values[i]!))(Array.from(steps, (_, i) => i)) ?? '';
  const ticks = y.ticks(3);
  const shown = ticks.length > 4 ? [ticks[0]!, ticks[ticks.length - 1]!] : ticks;
  return (
    <svg
      width={W}
      height={H}
      className="lab-loss lab-landscape-pathloss"
      role="img"
      data-testid="landscape-path-losses"
      aria-label={t('lab.landscape.pathLossLabel', { step: cursorStep })}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const step = x.invert(e.clientX - box.left);
        onPick(Math.max(0, Math.min(model.last, Math.round(step))));
      }}
    >
      <rect
        x={M.left}
        y={M.top}
        width={W - M.left - M.right}
        height={H - M.top - M.bottom}
        className="lab-plot-bg"
      />
      {shown.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="lab-grid" />
          <text x={M.left - 4} y={y(v) + 4} textAnchor="end" className="lab-tick">
            {formatNumber(v, 2)}
          </text>
        </g>
      ))}
      <text x={M.left} y={H - 6} className="lab-tick">
        0
      </text>
      <text x={W - M.right} y={H - 6} textAnchor="end" className="lab-tick">
        {model.last}
      </text>
      {paths.map((p, k) => {
        const slot = slots[k];
        if (!slot) return null;
        const color = pathColor(slot.slot, slot.config);
        return (
          <g key={k}>
            <path d={series(p.steps, p.trueLoss)} fill="none" stroke={color} strokeWidth={2} />
            <path
              d={series(p.steps, p.planeLoss)}
              fill="none"
              stroke={color}
              strokeWidth={1.5}
              strokeDasharray="5 3"
            />
          </g>
        );
      })}
      <line
        x1={x(cursorStep)}
        x2={x(cursorStep)}
        y1={M.top}
        y2={H - M.bottom}
        stroke="#1f2933"
        strokeWidth={1}
      />
    </svg>
  );
}
