import { memo } from 'react';
import type { DomainPoint } from '../../engine/types';
import type { SurfaceLayer } from '../../engine/contours/types';
import type { Projection } from './projection';

/** The gradient field as arrows pointing downhill (−∇f); length grows with log |∇f|. */
export const QuiverLayer = memo(function QuiverLayer(props: {
  layer: SurfaceLayer;
  projection: Projection;
}) {
  const { layer, projection: p } = props;
  const q = layer.quiver;
  const n = q.length / 4;
  if (n === 0) return null;
  const perRow = Math.max(1, Math.round(Math.sqrt(n * (p.width / Math.max(1, p.height)))));
  const d = layer.request.domain;
  const cell = Math.min(
    Math.abs(p.x(d.x[1]) - p.x(d.x[0])) / perRow,
    Math.abs(p.y(d.y[0]) - p.y(d.y[1])) / Math.max(1, Math.round(n / perRow)),
  );
  let gmax = 0;
  for (let i = 0; i < n; i++) {
    const g = Math.hypot(q[4 * i + 2]!, q[4 * i + 3]!);
    if (Number.isFinite(g) && g > gmax) gmax = g;
  }
  let path = '';
  for (let i = 0; i < n; i++) {
    const x = p.x(q[4 * i]!);
    const y = p.y(q[4 * i + 1]!);
    const sx = -(p.x(q[4 * i + 2]!) - p.x(0));
    const sy = -(p.y(q[4 * i + 3]!) - p.y(0));
    const s = Math.hypot(sx, sy);
    const g = Math.hypot(q[4 * i + 2]!, q[4 * i + 3]!);
    if (!(s > 0) || !Number.isFinite(g) || gmax === 0) continue;
    const len = cell * 0.8 * (0.25 + 0.75 * (Math.log1p(g) / Math.log1p(gmax)));
    const ux = sx / s;
    const uy = sy / s;
    const x0 = x - (ux * len) / 2;
    const y0 = y - (uy * len) / 2;
    const x1 = x + (ux * len) / 2;
    const y1 = y + (uy * len) / 2;
    const h = Math.min(4, len * 0.4);
    const r = (v: number): number => Math.round(v * 10) / 10;
    path += `M${r(x0)},${r(y0)}L${r(x1)},${r(y1)}M${r(x1 - ux * h - uy * h * 0.6)},${r(y1 - uy * h + ux * h * 0.6)}L${r(x1)},${r(y1)}L${r(x1 - ux * h + uy * h * 0.6)},${r(y1 - uy * h - ux * h * 0.6)}`;
  }
  return (
    <path
      className="quiver"
      d={path}
      fill="none"
      stroke="#3d4b5e"
      strokeOpacity={0.55}
      strokeWidth={1}
    />
  );
});

/** Known minima as small four-pointed stars. */
export const MinimaMarkers = memo(function MinimaMarkers(props: {
  minima: readonly DomainPoint[];
  projection: Projection;
  label: string;
}) {
  const { minima, projection: p, label } = props;
  return (
    <g className="minima">
      {minima.map((m, i) => {
        const [sx, sy] = p.toScreen(m);
        if (sx < -10 || sy < -10 || sx > p.width + 10 || sy > p.height + 10) return null;
        return (
          <g key={i} transform={`translate(${sx},${sy})`}>
            <path
              className="map-mark"
              d="M0,-8L2,-2L8,0L2,2L0,8L-2,2L-8,0L-2,-2Z"
              fill="#fff7d6"
              stroke="#5b4a00"
              strokeWidth={1.2}
            >
              <title>{label}</title>
            </path>
          </g>
        );
      })}
    </g>
  );
});
