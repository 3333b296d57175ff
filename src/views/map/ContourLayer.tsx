import { memo } from 'react';
import type { SurfaceLayer } from '../../worker/protocol';
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
