import { memo } from 'react';
import { formatNumber } from '../format';
import type { Projection } from './projection';

/** Margins around the plot area that hold the axes. */
export const MARGIN = { top: 10, right: 12, bottom: 34, left: 48 } as const;

/** x and y axes in the margins around the plot area (D3 picks the ticks, React draws them). */
export const Axes = memo(function Axes(props: { projection: Projection }) {
  const { projection: p } = props;
  const xTicks = p.x.ticks(Math.max(3, Math.floor(p.width / 90)));
  const yTicks = p.y.ticks(Math.max(3, Math.floor(p.height / 60)));
  const w = p.width + MARGIN.left + MARGIN.right;
  const h = p.height + MARGIN.top + MARGIN.bottom;
  return (
    <svg className="map-axes" width={w} height={h} aria-hidden="true">
      <g transform={`translate(${MARGIN.left},${MARGIN.top + p.height})`}>
        <line x2={p.width} stroke="currentColor" strokeOpacity={0.5} />
        {xTicks.map((v) => (
          <g key={v} transform={`translate(${p.x(v)},0)`}>
            <line y2={5} stroke="currentColor" strokeOpacity={0.5} />
            <text y={19} textAnchor="middle">
              {formatNumber(v, 3)}
            </text>
          </g>
        ))}
        <text x={p.width} y={31} textAnchor="end" className="axis-name">
          x
        </text>
      </g>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <line y2={p.height} stroke="currentColor" strokeOpacity={0.5} />
        {yTicks.map((v) => (
          <g key={v} transform={`translate(0,${p.y(v)})`}>
            <line x2={-5} stroke="currentColor" strokeOpacity={0.5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {formatNumber(v, 3)}
            </text>
          </g>
        ))}
        <text x={-36} y={8} className="axis-name">
          y
        </text>
      </g>
    </svg>
  );
});
