import { memo } from 'react';
import { visibleDomain } from '../../state/engine';
import { useDescent } from '../../state/store';
import type { SurfaceLayer } from '../../engine/contours/types';
import { CONTOUR_STROKE } from '../palette';
import type { Projection } from './projection';

/**
 * Contour lines as SVG paths. The worker gives them in grid units; one transform maps the grid
 * onto the rectangle it covers, and non-scaling strokes keep the lines hairline at any zoom.
 */
export const ContourLayer = memo(function ContourLayer(props: {
  layer: SurfaceLayer;
  projection: Projection;
}) {
  const { layer, projection } = props;
  const { width, height, domain } = layer.request;
  // Right after a pick of a surface with another view, the old surface's lines would be
  // stretched onto the new view and repainted only to be replaced a few frames later: they are
  // hidden until the new layer lands. (Same view, as when typing an expression: they stay put.)
  const stale = useDescent((s) => {
    const d = visibleDomain(s);
    const r = layer.request;
    const sameView =
      d.x[0] === r.domain.x[0] &&
      d.x[1] === r.domain.x[1] &&
      d.y[0] === r.domain.y[0] &&
      d.y[1] === r.domain.y[1];
    return !sameView && JSON.stringify(s.scene.surface) !== JSON.stringify(r.surface);
  });
  const left = projection.x(domain.x[0]);
  const top = projection.y(domain.y[1]);
  const sx = (projection.x(domain.x[1]) - left) / width;
  const sy = (projection.y(domain.y[0]) - top) / height;
  return (
    <svg
      className="map-contours"
      width={projection.width}
      height={projection.height}
      aria-hidden="true"
      visibility={stale ? 'hidden' : undefined}
    >
      <g transform={`translate(${left},${top}) scale(${sx},${sy})`}>
        {layer.contours.map((c, i) => (
          <path
            key={i}
            d={c.d}
            fill="none"
            stroke={CONTOUR_STROKE}
            strokeOpacity={0.42}
            strokeWidth={i % 4 === 3 ? 1.1 : 0.7}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </g>
    </svg>
  );
});
