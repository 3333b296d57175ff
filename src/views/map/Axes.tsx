import { memo } from 'react';
import { formatNumber } from '../format';
import type { Projection } from './projection';

/** Margins around the plot area that hold the axes (at the base 13 px figure type). */
export const MARGIN = { top: 10, right: 12, bottom: 34, left: 48 } as const;

/** The type size (px) the margins above are made for. */
export const BASE_FIGURE_FONT = 13;

/** Plot margins for a given figure type size: they grow with the labels they hold. */
export type Margins = {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
};

/** MARGIN scaled for figure type of `fontPx` (never smaller than MARGIN). */
export function marginsFor(fontPx: number): Margins {
  const k = Math.max(1, fontPx / BASE_FIGURE_FONT);
  return {
    top: Math.round(MARGIN.top * k),
    right: Math.round(MARGIN.right * k),
    bottom: Math.round(MARGIN.bottom * k),
    left: Math.round(MARGIN.left * k),
  };
}

/**
 * x and y axes in the margins around the plot area (D3 picks the ticks, React draws them). Tick
 * spacing and label offsets follow the figure's type size so large presenter type never crowds.
 */
export const Axes = memo(function Axes(props: { projection: Projection; margins?: Margins }) {
  const { projection: p } = props;
  const MARGIN = props.margins ?? marginsFor(BASE_FIGURE_FONT);
  const k = MARGIN.left / 48;
  const xTicks = p.x.ticks(Math.max(3, Math.floor(p.width / (90 * k))));
  const xEvery = labelEvery(
    xTicks.map((v) => p.x(v)),
    xTicks.map((v) => formatNumber(v, 3)),
    k,
  );
  const yTicks = p.y.ticks(Math.max(3, Math.floor(p.height / (60 * k))));
  const w = p.width + MARGIN.left + MARGIN.right;
  const h = p.height + MARGIN.top + MARGIN.bottom;
  return (
    <svg className="map-axes" width={w} height={h} aria-hidden="true">
      <g transform={`translate(${MARGIN.left},${MARGIN.top + p.height})`}>
        <line x2={p.width} stroke="currentColor" strokeOpacity={0.5} />
        {xTicks.map((v, i) => (
          <g key={v} transform={`translate(${p.x(v)},0)`}>
            <line y2={5} stroke="currentColor" strokeOpacity={0.5} />
            {i % xEvery === 0 && (
              <text y={19 * k} textAnchor="middle">
                {formatNumber(v, 3)}
              </text>
            )}
          </g>
        ))}
        <text x={p.width} y={31 * k} textAnchor="end" className="axis-name">
          x
        </text>
      </g>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <line y2={p.height} stroke="currentColor" strokeOpacity={0.5} />
        {yTicks.map((v) => {
          const label = formatNumber(v, 3);
          return (
            <g key={v} transform={`translate(0,${p.y(v)})`}>
              <line x2={-5} stroke="currentColor" strokeOpacity={0.5} />
              {!underYName(p.y(v), label, k) && (
                <text x={-8 * k} dy="0.32em" textAnchor="end">
                  {label}
                </text>
              )}
            </g>
          );
        })}
        <text x={-36 * k} y={8 * k} className="axis-name">
          y
        </text>
      </g>
    </svg>
  );
});

/**
 * Whether a y tick label at `y` (px from the plot's top) would run into the axis name "y" drawn
 * at (−36k, 8k): in a short plot the top tick sits beside the name, and "200" wrote over it. Its
 * tick mark stays; only the label gives way. Widths are estimated at 0.62 em a character.
 */
export function underYName(y: number, label: string, k: number): boolean {
  const font = BASE_FIGURE_FONT * k;
  const labelLeft = -8 * k - Array.from(label).length * 0.62 * font;
  const nameRight = -36 * k + 0.62 * font;
  const nameMiddle = 8 * k - 0.35 * font;
  return labelLeft < nameRight + 2 * k && Math.abs(y - nameMiddle) < font;
}

/**
 * Label every n-th x tick so that neighbouring labels keep a gap (D3 asks for at least three
 * ticks, and a 60 px map wrote "−2−1 0 1 2" as one word). Widths are estimated at 0.62 em a
 * character; ticks are evenly spaced, so one stride fits all.
 */
export function labelEvery(
  positions: readonly number[],
  labels: readonly string[],
  k: number,
): number {
  if (positions.length < 2) return 1;
  const font = BASE_FIGURE_FONT * k;
  const spacing = Math.abs(positions[1]! - positions[0]!);
  const widest = Math.max(...labels.map((l) => Array.from(l).length * 0.62 * font));
  return Math.max(1, Math.ceil((widest + 0.5 * font) / Math.max(spacing, 1e-9)));
}
