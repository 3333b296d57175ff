/**
 * The picture files: SVG (the standalone document), PNG (that document rasterised at ≥ 2× the
 * screen's pixels) and an animated GIF of the run. Loaded lazily with the export menu's first use;
 * gifenc lives in the GIF worker (src/worker/gif; a lazy chunk for the main-thread fallback).
 */
import { drawTrajectories } from '../map/drawTrajectories';
import { createGifClient } from '../../worker/gif/client';
import { canvasToPng, heatmapDataUrl, rasteriseSvg } from './raster';
import { buildMapSvg, exportLayout } from './svg';
import type { MapLabels, MapSnapshot } from './svg';

/** The SVG file of the map. */
export function svgFile(snapshot: MapSnapshot, labels: MapLabels): Blob {
  const heatHref = snapshot.layer ? heatmapDataUrl(snapshot.layer) : null;
  const svg = buildMapSvg(snapshot, { heatHref, labels });
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`], { type: 'image/svg+xml' });
}

/** The PNG file of the map at `scale` × its CSS size (at least 2). */
export async function pngFile(
  snapshot: MapSnapshot,
  labels: MapLabels,
  scale = Math.max(2, window.devicePixelRatio || 1),
): Promise<Blob> {
  const heatHref = snapshot.layer ? heatmapDataUrl(snapshot.layer) : null;
  const svg = buildMapSvg(snapshot, { heatHref, labels });
  const layout = exportLayout(snapshot.scene, snapshot.projection);
  const canvas = await rasteriseSvg(svg, layout.width, layout.height, scale);
  return canvasToPng(canvas);
}

/** How the GIF is made. */
export interface GifOptions {
  /** Frames across the run (fewer when the run has fewer steps). */
  readonly frames?: number;
  /** Largest width in pixels. */
  readonly maxWidth?: number;
  /** Milliseconds per frame (the last one is held longer). */
  readonly delay?: number;
  /** Text drawn on each frame for its step (e.g. "Step 12 / 200"). */
  readonly stepText: (step: number, steps: number) => string;
  /** Called after each frame with frames done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** The cursor positions of the frames: evenly spread from the start to the last step. */
export function frameCursors(steps: number, frames: number): number[] {
  const n = Math.max(2, Math.min(frames, steps + 1));
  const cursors: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = Math.round((k * steps) / (n - 1));
    if (cursors[cursors.length - 1] !== c) cursors.push(c);
  }
  return cursors;
}

/** Lets the page paint and handle input between two frames of work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2-D canvas');
  return ctx;
}

/** A canvas that paints the run at any step: the map rasterised once, then that step's paths. */
export interface FramePainter {
  readonly canvas: HTMLCanvasElement;
  readonly width: number;
  readonly height: number;
  /** Paints step `cursor` on `canvas`. */
  paint(cursor: number): void;
}

/**
 * The map of `snapshot` at `scale` (1 = the view's size): the static map rasterised once, the
 * trajectories painted per step by the map's own painter, and `stepText` in the corner. `even`
 * rounds the size to even pixels (video encoders want 4:2:0 chroma).
 * Throws when the map cannot be rasterised.
 */
export async function framePainter(
  snapshot: MapSnapshot,
  labels: MapLabels,
  options: {
    readonly scale: number;
    readonly stepText: (step: number, steps: number) => string;
    readonly even?: boolean;
    /** A colour painted under each frame (video has no transparency). */
    readonly background?: string;
  },
): Promise<FramePainter> {
  const p = snapshot.projection;
  const layout = exportLayout(snapshot.scene, p);
  const scale = options.scale;
  const heatHref = snapshot.layer ? heatmapDataUrl(snapshot.layer) : null;
  const base = await rasteriseSvg(
    buildMapSvg(snapshot, { heatHref, labels, withoutTrajectories: true }),
    layout.width,
    layout.height,
    scale,
  );
  const round = (v: number): number => (options.even ? 2 * Math.round(v / 2) : v);
  const width = round(base.width);
  const height = round(base.height);
  const frame = document.createElement('canvas');
  frame.width = width;
  frame.height = height;
  const ctx = context(frame);
  const paths = document.createElement('canvas');
  paths.width = Math.ceil(p.width * scale);
  paths.height = Math.ceil(p.height * scale);
  const pathCtx = context(paths);

  const steps = snapshot.scene.steps;
  const paint = (cursor: number): void => {
    if (options.background) {
      ctx.fillStyle = options.background;
      ctx.fillRect(0, 0, width, height);
    }
    ctx.drawImage(base, 0, 0);
    pathCtx.setTransform(scale, 0, 0, scale, 0, 0);
    drawTrajectories(pathCtx, { ...snapshot, cursor }, p);
    ctx.drawImage(paths, Math.round(layout.plotX * scale), Math.round(layout.plotY * scale));
    const text = options.stepText(cursor, steps);
    ctx.font = `${Math.max(10, Math.round(13 * scale))}px system-ui, sans-serif`;
    const pad = 4;
    const x = Math.round((layout.plotX + 8) * scale);
    const y = Math.round((layout.plotY + 8) * scale);
    const h = Math.round(18 * scale);
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(x, y, ctx.measureText(text).width + 2 * pad, h);
    ctx.fillStyle = '#1b2430';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x + pad, y + h / 2);
  };
  return { canvas: frame, width, height, paint };
}

/** The size, in CSS px, of the exported map for `snapshot` at scale 1. */
export function exportSize(snapshot: MapSnapshot): { width: number; height: number } {
  const layout = exportLayout(snapshot.scene, snapshot.projection);
  return { width: layout.width, height: layout.height };
}

/**
 * The run as an animated GIF: the static map rasterised once, then per frame the trajectories
 * painted by the map's own painter at that step. The page only paints frames (one per task);
 * palette, mapping and LZW run in a worker, at most two frames behind.
 */
export async function gifFile(
  snapshot: MapSnapshot,
  labels: MapLabels,
  options: GifOptions,
): Promise<Blob> {
  const size = exportSize(snapshot);
  const scale = Math.min(1, (options.maxWidth ?? 640) / size.width);
  const painter = await framePainter(snapshot, labels, { scale, stepText: options.stepText });
  const { width, height } = painter;
  const frameCtx = context(painter.canvas);
  const steps = snapshot.scene.steps;
  const paint = (cursor: number): Uint8ClampedArray => {
    painter.paint(cursor);
    return frameCtx.getImageData(0, 0, width, height).data;
  };

  const cursors = frameCursors(steps, options.frames ?? 60);
  const sink = createGifClient();
  try {
    await sink.start(paint(steps), width, height);
    const delay = options.delay ?? 80;
    let pending: Promise<void> = Promise.resolve();
    for (let k = 0; k < cursors.length; k++) {
      await nextTask();
      if (options.signal?.aborted) throw new DOMException('GIF export cancelled', 'AbortError');
      const rgba = paint(cursors[k]!);
      // Keep at most one frame in flight besides this one, so memory stays bounded.
      await pending;
      pending = sink.frame(rgba, k === cursors.length - 1 ? 1500 : delay);
      const done = k + 1;
      void pending.then(
        () => options.onProgress?.(done, cursors.length),
        () => undefined,
      );
    }
    await pending;
    const bytes = await sink.finish();
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
  } finally {
    sink.close();
  }
}
