import { memo, useEffect, useMemo, useRef } from 'react';
import { useLocale } from '../../i18n';
import { extent, line, scaleLinear, scaleLog } from 'd3';
import type { Dataset } from '../../engine/nn/datasets';
import { BOUNDARY_EXTENT } from '../../worker/lab/protocol';
import type { LabSnapshot } from '../../worker/lab/protocol';
import { formatNumber } from '../format';
import { boundaryPixels, CLASS_COLORS, decimate } from './plots';
import { t } from './strings';

const SIZE = 220;
const LOSS_W = 300;
const LOSS_H = 170;
const M = { left: 46, right: 10, top: 10, bottom: 24 };

/** The loss per step on a log axis (D3 scales and path; React draws). */
export const LossCurve = memo(function LossCurve({ losses }: { losses: Float64Array | null }) {
  useLocale(); // memo would skip a language switch
  const model = useMemo(() => {
    if (!losses || losses.length === 0) return null;
    const points = decimate(losses, 400);
    const finite = points.filter(([, v]) => Number.isFinite(v) && v > 0);
    if (finite.length === 0) return null;
    const [lo = 1e-3, hi = 1] = extent(finite, (p) => p[1]);
    const x = scaleLinear()
      .domain([0, Math.max(1, losses.length - 1)])
      .range([M.left, LOSS_W - M.right]);
    const y = scaleLog()
      .domain([Math.min(lo, hi / 10), hi])
      .nice()
      .range([LOSS_H - M.bottom, M.top])
      .clamp(true);
    const d = line<readonly [number, number]>()
      .defined(([, v]) => Number.isFinite(v) && v > 0)
      .x(([s]) => x(s))
      .y(([, v]) => y(v))(points);
    return {
      d: d ?? '',
      x,
      y,
      ticks: y.ticks(3).filter((_, i, all) => all.length < 6 || i % 2 === 0),
    };
  }, [losses]);
  const last = losses && losses.length > 0 ? losses[losses.length - 1]! : Number.NaN;
  return (
    <svg
      width={LOSS_W}
      height={LOSS_H}
      className="lab-loss"
      role="img"
      // Before any training step there is no loss to read out ("now NaN" was read before).
      aria-label={
        Number.isFinite(last)
          ? t('lab.lossChartLabel', { steps: losses?.length ?? 0, loss: formatNumber(last, 3) })
          : t('lab.lossChartEmpty')
      }
    >
      <rect
        x={M.left}
        y={M.top}
        width={LOSS_W - M.left - M.right}
        height={LOSS_H - M.top - M.bottom}
        className="lab-plot-bg"
      />
      {model && (
        <>
          {model.ticks.map((v) => (
            <g key={v}>
              <line
                x1={M.left}
                x2={LOSS_W - M.right}
                y1={model.y(v)}
                y2={model.y(v)}
                className="lab-grid"
              />
              <text x={M.left - 4} y={model.y(v) + 4} textAnchor="end" className="lab-tick">
                {formatNumber(v, 2)}
              </text>
            </g>
          ))}
          <path d={model.d} className="lab-loss-line" />
          <text x={LOSS_W - M.right} y={LOSS_H - 6} textAnchor="end" className="lab-tick">
            {model.x.domain()[1]}
          </text>
          <text x={M.left} y={LOSS_H - 6} className="lab-tick">
            0
          </text>
        </>
      )}
    </svg>
  );
});

/** The data points over the network's predicted probability (canvas at grid size, stretched by CSS). */
export const DecisionBoundary = memo(function DecisionBoundary({
  snapshot,
  data,
}: {
  snapshot: LabSnapshot | null;
  data: Dataset;
}) {
  useLocale(); // memo would skip a language switch
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !snapshot) return;
    const n = snapshot.boundarySize;
    el.width = n;
    el.height = n;
    ctx.putImageData(new ImageData(boundaryPixels(snapshot.boundary, n), n, n), 0, 0);
  }, [snapshot]);
  const scale = scaleLinear().domain([-BOUNDARY_EXTENT, BOUNDARY_EXTENT]).range([0, SIZE]);
  const points = [];
  for (let i = 0; i < data.count; i++) {
    const cls = data.target[i]! >= 0.5 ? 1 : 0;
    points.push(
      <circle
        key={i}
        cx={scale(data.input[2 * i]!)}
        cy={SIZE - scale(data.input[2 * i + 1]!)}
        r={3.2}
        fill={CLASS_COLORS[cls]}
        className="lab-point"
      />,
    );
  }
  const accuracy = snapshot ? `${Math.round(snapshot.accuracy * 100)}%` : '…';
  return (
    <div
      className="lab-boundary"
      role="img"
      aria-label={t('lab.boundaryLabel', { dataset: t(`lab.data.${data.kind}`), accuracy })}
    >
      <canvas ref={canvas} width={1} height={1} />
      <svg width={SIZE} height={SIZE} aria-hidden="true">
        {points}
      </svg>
    </div>
  );
});
