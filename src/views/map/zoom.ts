/**
 * The map's pan and zoom, d3-zoom on the overlay. Its own chunk: d3-zoom with d3-selection,
 * d3-transition and d3-drag weigh ~12 KB gzip, and nobody zooms before the first scene is painted,
 * so MapView loads this module after the first paint.
 */
import { select, zoom, zoomIdentity } from 'd3';
import type { D3ZoomEvent, ZoomTransform } from 'd3';

/** A zoom behaviour bound to one SVG element. */
export interface MapZoom {
  /** Back to the identity transform (without calling `onZoom`'s caller logic: see `resetting`). */
  reset(): void;
  /** Zooms about the centre by `factor`. */
  scaleBy(factor: number): void;
  /** Removes the listeners. */
  detach(): void;
}

/** Wheel deltas (CSS px) below this with Ctrl held are a trackpad pinch, not a mouse notch. */
const PINCH_DELTA = 40;

/**
 * How far one wheel event zooms, as a power of 2 (d3-zoom's `wheelDelta`). d3's default
 * multiplies by 10 whenever Ctrl is held, for a trackpad pinch (which the browser sends as small
 * Ctrl+wheel deltas); but a mouse notch with Ctrl (100 px, or lines/pages) would then zoom ×4.
 * Here only small pixel deltas get the ×10, so a Ctrl/⌘ notch zooms like a plain notch (×1.15)
 * and a pinch stays smooth.
 */
export function wheelDelta(event: WheelEvent): number {
  const perPixel = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
  const pinch = event.ctrlKey && event.deltaMode === 0 && Math.abs(event.deltaY) < PINCH_DELTA;
  return -event.deltaY * perPixel * (pinch ? 10 : 1);
}

/**
 * Attaches d3-zoom to `svg`: wheel and drag zoom and pan, double-click left alone, and the start
 * handle (`[data-start-handle]`) and ctrl-drag not taken. `onZoom` gets each new transform.
 * `accepts`, when given, must also accept an event for it to start a gesture (MapView's
 * `gestureFilter`: an embed leaves one finger and the plain wheel to the host page).
 */
export function attachZoom(
  svg: SVGSVGElement,
  onZoom: (transform: ZoomTransform) => void,
  accepts?: (event: Event) => boolean,
): MapZoom {
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1e-3, 1e6])
    .clickDistance(4)
    .wheelDelta(wheelDelta)
    .filter((event: Event) => {
      const target = event.target as Element | null;
      if (target?.closest?.('[data-start-handle]')) return false;
      const mouse = event as MouseEvent;
      if (accepts && !accepts(event)) return false;
      return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => onZoom(event.transform));
  select(svg).call(behavior).on('dblclick.zoom', null);
  return {
    reset: () => select(svg).call(behavior.transform, zoomIdentity),
    scaleBy: (factor) => select(svg).call(behavior.scaleBy, factor),
    detach: () => void select(svg).on('.zoom', null),
  };
}
