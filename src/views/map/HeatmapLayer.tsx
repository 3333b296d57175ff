import { memo, useLayoutEffect, useRef } from 'react';
import type { SurfaceLayer } from '../../engine/contours/types';
import { heatRgb } from '../palette';
import type { Projection } from './projection';

/**
 * The filled bands: one canvas pixel per grid cell, stretched by CSS over the rectangle the grid
 * was computed for (so while a zoom recomputes, the old image still sits in the right place).
 */
export const HeatmapLayer = memo(function HeatmapLayer(props: {
  layer: SurfaceLayer;
  projection: Projection;
}) {
  const { layer, projection } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height, domain } = layer.request;

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const bandCount = layer.thresholds.length + 1;
    const lookup = new Uint8ClampedArray(256 * 4);
    for (let b = 0; b < bandCount && b < 255; b++) {
      lookup.set([...heatRgb(bandCount > 1 ? b / (bandCount - 1) : 0), 255], b * 4);
    }
    // Non-finite cells: a hatched-looking mid grey says "undefined here".
    lookup.set([200, 190, 190, 255], 255 * 4);
    const image = ctx.createImageData(width, height);
    // One 32-bit store per pixel (the RGBA bytes in memory order, whatever the endianness).
    const colours = new Uint32Array(lookup.buffer);
    const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
    const bands = layer.bands;
    const n = Math.min(bands.length, pixels.length);
    for (let i = 0; i < n; i++) pixels[i] = colours[bands[i]!]!;
    ctx.putImageData(image, 0, 0);
  }, [layer, width, height]);

  const left = projection.x(domain.x[0]);
  const right = projection.x(domain.x[1]);
  const top = projection.y(domain.y[1]);
  const bottom = projection.y(domain.y[0]);
  return (
    <canvas
      ref={canvasRef}
      className="map-heat"
      width={width}
      height={height}
      aria-hidden="true"
      style={{ left, top, width: right - left, height: bottom - top }}
    />
  );
});
