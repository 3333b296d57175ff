/**
 * Browser-side pieces of the picture exports: the heat map as a PNG data URL (the same band
 * colours as the map's heat layer), an SVG document rasterised onto a canvas at any scale, and a
 * canvas as a PNG blob.
 */
import type { SurfaceLayer } from '../../engine/contours/types';
import { heatRgb } from '../palette';

/** The heat map at grid resolution (one pixel per cell) as a PNG data URL. */
export function heatmapDataUrl(layer: SurfaceLayer): string | null {
  const { width, height } = layer.request;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const bandCount = layer.thresholds.length + 1;
  const lookup = new Uint8ClampedArray(256 * 4);
  for (let b = 0; b < bandCount && b < 255; b++) {
    lookup.set([...heatRgb(bandCount > 1 ? b / (bandCount - 1) : 0), 255], b * 4);
  }
  // Non-finite cells: the map's "undefined here" grey.
  lookup.set([200, 190, 190, 255], 255 * 4);
  const image = ctx.createImageData(width, height);
  const data = image.data;
  const bands = layer.bands;
  for (let i = 0; i < bands.length; i++) {
    const o = bands[i]! * 4;
    data[i * 4] = lookup[o]!;
    data[i * 4 + 1] = lookup[o + 1]!;
    data[i * 4 + 2] = lookup[o + 2]!;
    data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Draws an SVG document of `width` × `height` (CSS px) onto a new canvas `scale` times larger. */
export async function rasteriseSvg(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The canvas as a PNG file. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG encoder gave nothing'))),
      'image/png',
    );
  });
}
