/**
 * The map as one standalone SVG document: heat map, contour lines, trajectories up to the cursor
 * (painted by the map's own `drawTrajectories` into an SVG recorder), minima, start point, axes,
 * the level legend and a key of the optimizers. Pure: no DOM, so it is unit-tested in Node; the
 * caller supplies the heat map as an image URL (it is a raster on screen too).
 */
import type { Scene, Surface, Trajectory } from '../../engine/types';
import type { SurfaceLayer } from '../../engine/contours/types';
import { formatNumber } from '../format';
import { labelEvery, MARGIN, underYName } from '../map/Axes';
import { optimizerName as distinctName } from '../names';
import { drawTrajectories, EDGE_ARROW, mapExit, markerPath } from '../map/drawTrajectories';
import { mapEntry } from '../map/mapEntry';
import type { Projection } from '../map/projection';
import { CONTOUR_STROKE, heatColor, optimizerStyle } from '../palette';
import type { MarkerShape } from '../palette';
import { SvgRecorder, xmlEscape } from './recorder';

/** Everything the map shows at one moment. */
export interface MapSnapshot {
  readonly scene: Scene;
  readonly trajectories: readonly Trajectory[];
  readonly layer: SurfaceLayer | null;
  readonly surface: Surface;
  readonly cursor: number;
  readonly ghost: boolean;
  readonly arrows: boolean;
  /** The projection the map uses on screen (its domain and plot size). */
  readonly projection: Projection;
  /** The gradient-field path as the overlay draws it, when shown. */
  readonly quiverPath?: string | null;
  /** Multiplies trajectory widths and marker sizes, as presenter mode does on screen (1 when absent). */
  readonly lineScale?: number;
  /**
   * The page's theme (light when absent). Dark puts axes, legend and key on the dark panel; the
   * plot itself stays on light paper, as on screen (theme.css), so the palette keeps its contrast.
   */
  readonly theme?: 'light' | 'dark';
  /**
   * The hidden-state glyphs as the map draws them when they are on (GlyphLayer's SVG children,
   * serialized; labels already placed for this plot size) and the font size they were placed at.
   */
  readonly glyphs?: { readonly markup: string; readonly fontSize: number } | null;
}

/** Translated words the drawing carries. */
export interface MapLabels {
  readonly title: string;
  readonly legend: string;
  readonly start: string;
  readonly minimum: string;
  /** "SGD left the map at step 5 ↓" (the map's exit label; none drawn when absent). */
  readonly leftMap?: (name: string, step: number, arrow: string) => string;
  /** "SGD is off the map until step 12 ←" (`step` null: for the whole run), for a start off the map. */
  readonly offMap?: (name: string, step: number | null, arrow: string) => string;
}

/** What to draw besides the snapshot. */
export interface SvgOptions {
  /** URL (usually a PNG data URL) of the heat map image covering `layer.request.domain`. */
  readonly heatHref: string | null;
  readonly labels: MapLabels;
  /** Leave out the trajectories and their markers (the GIF paints them per frame). */
  readonly withoutTrajectories?: boolean;
}

/** Pixel layout of the exported picture. */
export interface ExportLayout {
  readonly width: number;
  readonly height: number;
  /** Top-left of the plot area. */
  readonly plotX: number;
  readonly plotY: number;
  /** Top of the legend and key block. */
  readonly legendY: number;
}

const INK = '#1b2430';
/** The plot's paper, in both themes (theme.css: --figure). */
const PAPER = '#fdfdfb';

/** Colours of what surrounds the plot, per theme (the values of theme.css). */
interface Chrome {
  readonly background: string;
  readonly ink: string;
  readonly muted: string;
  readonly line: string;
}
const CHROME: Record<'light' | 'dark', Chrome> = {
  light: { background: '#ffffff', ink: INK, muted: '#5a6472', line: '#d9dee5' },
  dark: { background: '#1c222b', ink: '#e6e9ee', muted: '#a9b2bf', line: '#3a4452' },
};
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', sans-serif";
const KEY_ITEM_WIDTH = 170;
const KEY_ROW = 20;
const LEGEND_HEIGHT = 40;

const r2 = (v: number): string => String(Math.round(v * 100) / 100);

/** Display name of optimizer `i`, as the app's legends show it (duplicates numbered: "Adam 2"). */
export function optimizerName(scene: Scene, i: number): string {
  return distinctName(scene.optimizers, i);
}

function keyRows(scene: Scene, width: number): { perRow: number; rows: number } {
  const shown = scene.optimizers.filter((o) => !o.hidden).length;
  const perRow = Math.max(1, Math.floor((width - MARGIN.left) / KEY_ITEM_WIDTH));
  return { perRow, rows: Math.ceil(shown / perRow) };
}

/** Where the plot, legend and key sit in the exported picture. */
export function exportLayout(scene: Scene, projection: Projection): ExportLayout {
  const width = MARGIN.left + projection.width + MARGIN.right;
  const legendY = MARGIN.top + projection.height + MARGIN.bottom;
  const { rows } = keyRows(scene, width);
  return {
    width,
    height: legendY + LEGEND_HEIGHT + rows * KEY_ROW + 8,
    plotX: MARGIN.left,
    plotY: MARGIN.top,
    legendY,
  };
}

function axes(p: Projection, chrome: Chrome): string {
  // The same tick choice as the on-screen axes (src/views/map/Axes.tsx).
  const xTicks = p.x.ticks(Math.max(3, Math.floor(p.width / 90)));
  const yTicks = p.y.ticks(Math.max(3, Math.floor(p.height / 60)));
  const tick = `stroke="${chrome.ink}" stroke-opacity="0.5"`;
  const parts: string[] = [];
  parts.push(`<g transform="translate(${MARGIN.left},${MARGIN.top + p.height})">`);
  parts.push(`<line x2="${r2(p.width)}" ${tick}/>`);
  // As on screen: labels that would run together keep every n-th one (ticks stay).
  const xEvery = labelEvery(
    xTicks.map((v) => p.x(v)),
    xTicks.map((v) => formatNumber(v, 3)),
    1,
  );
  xTicks.forEach((v, i) => {
    const text =
      i % xEvery === 0
        ? `<text y="19" text-anchor="middle">${xmlEscape(formatNumber(v, 3))}</text>`
        : '';
    parts.push(`<g transform="translate(${r2(p.x(v))},0)"><line y2="5" ${tick}/>${text}</g>`);
  });
  parts.push(
    `<text x="${r2(p.width)}" y="31" text-anchor="end" font-style="italic" font-size="14">x</text></g>`,
  );
  parts.push(`<g transform="translate(${MARGIN.left},${MARGIN.top})">`);
  parts.push(`<line y2="${r2(p.height)}" ${tick}/>`);
  for (const v of yTicks) {
    const label = formatNumber(v, 3);
    // As on screen, a top label that would run into the name "y" gives way (its tick stays).
    const text = underYName(p.y(v), label, 1)
      ? ''
      : `<text x="-8" dy="0.32em" text-anchor="end">${xmlEscape(label)}</text>`;
    parts.push(`<g transform="translate(0,${r2(p.y(v))})"><line x2="-5" ${tick}/>${text}</g>`);
  }
  parts.push(`<text x="-36" y="8" font-style="italic" font-size="14">y</text></g>`);
  return `<g class="axes" fill="${chrome.muted}" font-size="13">${parts.join('')}</g>`;
}

function contours(layer: SurfaceLayer, p: Projection): string {
  // The same placement as the on-screen contour layer (src/views/map/ContourLayer.tsx).
  const { width, height, domain } = layer.request;
  const left = p.x(domain.x[0]);
  const top = p.y(domain.y[1]);
  const sx = (p.x(domain.x[1]) - left) / width;
  const sy = (p.y(domain.y[0]) - top) / height;
  const paths = layer.contours.map(
    (c, i) => `<path d="${xmlEscape(c.d)}" stroke-width="${i % 4 === 3 ? 1.1 : 0.7}"/>`,
  );
  return (
    `<g class="contours" transform="translate(${r2(left)},${r2(top)}) scale(${sx},${sy})"` +
    ` fill="none" stroke="${CONTOUR_STROKE}" stroke-opacity="0.42" vector-effect="non-scaling-stroke">` +
    paths.join('').replace(/<path /g, '<path vector-effect="non-scaling-stroke" ') +
    `</g>`
  );
}

function heat(layer: SurfaceLayer, p: Projection, href: string): string {
  const { domain } = layer.request;
  const left = p.x(domain.x[0]);
  const top = p.y(domain.y[1]);
  const w = p.x(domain.x[1]) - left;
  const h = p.y(domain.y[0]) - top;
  return `<image class="heat" x="${r2(left)}" y="${r2(top)}" width="${r2(w)}" height="${r2(h)}" preserveAspectRatio="none" href="${xmlEscape(href)}"/>`;
}

function minima(surface: Surface, p: Projection, label: string): string {
  const stars = surface.minima.map((m) => {
    const sx = p.x(m[0]);
    const sy = p.y(m[1]);
    if (sx < -10 || sy < -10 || sx > p.width + 10 || sy > p.height + 10) return '';
    return (
      `<path transform="translate(${r2(sx)},${r2(sy)})" d="M0,-8L2,-2L8,0L2,2L0,8L-2,2L-8,0L-2,-2Z"` +
      ` fill="#fff7d6" stroke="#5b4a00" stroke-width="1.2"><title>${xmlEscape(label)}</title></path>`
    );
  });
  return `<g class="minima">${stars.join('')}</g>`;
}

function startPoint(scene: Scene, p: Projection, label: string): string {
  const sx = p.x(scene.start[0]);
  const sy = p.y(scene.start[1]);
  return (
    `<g class="start" transform="translate(${r2(sx)},${r2(sy)})"><title>${xmlEscape(label)}</title>` +
    `<circle r="7" fill="#ffffff" stroke="${INK}" stroke-width="2"/><circle r="2.5" fill="${INK}"/></g>`
  );
}

const EXIT_FONT = 12;

/**
 * The map's "left the map" and "off the map" labels, as ExitLabels places them on screen: inside
 * the plot at the edge a path crossed for good by the cursor (or toward a start off the map while
 * the path has not come into view), beside that point, stacked inward when two would
 * overlap. Widths are estimated (0.6 em a character).
 */
function exitLabels(snapshot: MapSnapshot, labels: MapLabels): string {
  const p = snapshot.projection;
  const { width: w, height: h } = p;
  const gap = 4;
  const line = EXIT_FONT + gap;
  const placed: { l: number; t: number; r: number; b: number }[] = [];
  const parts: string[] = [];
  snapshot.scene.optimizers.forEach((config, i) => {
    const tr = snapshot.trajectories[i];
    if (!tr || config.hidden) return;
    const name = optimizerName(snapshot.scene, i);
    // Off the map from the start and not yet in view, or gone for good by the cursor.
    const entry = labels.offMap ? mapEntry(tr, p) : null;
    const gone = labels.leftMap ? mapExit(tr, p) : null;
    const exit =
      labels.offMap && entry && (entry.step === null || snapshot.cursor < entry.step)
        ? { ...entry, label: labels.offMap(name, entry.step, entry.arrow) }
        : labels.leftMap && gone && gone.step <= snapshot.cursor
          ? { ...gone, label: labels.leftMap(name, gone.step, EDGE_ARROW[gone.edge]) }
          : null;
    if (!exit) return;
    const { label } = exit;
    const lw = Array.from(label).length * 0.6 * EXIT_FONT;
    const clamp = (v: number, lo: number, hi: number): number =>
      Math.max(lo, Math.min(Math.max(lo, hi), v));
    const left =
      exit.edge === 'left'
        ? gap
        : exit.edge === 'right'
          ? w - lw - gap
          : clamp(exit.x < w / 2 ? exit.x + 14 : exit.x - lw - 14, gap, w - lw - gap);
    let top =
      exit.edge === 'top'
        ? gap
        : exit.edge === 'bottom'
          ? h - line
          : clamp(exit.y < h / 2 ? exit.y + 14 : exit.y - line - 14, gap, h - line);
    const dy = exit.edge === 'bottom' ? -line : line;
    for (let guard = 0; guard < 20; guard++) {
      const r = { l: left, t: top, r: left + lw, b: top + line };
      if (!placed.some((q) => r.l < q.r && r.r > q.l && r.t < q.b && r.b > q.t)) break;
      top += dy;
    }
    top = clamp(top, gap, h - line);
    placed.push({ l: left, t: top, r: left + lw, b: top + line });
    parts.push(
      `<text x="${r2(left)}" y="${r2(top + EXIT_FONT)}" fill="${xmlEscape(optimizerStyle(config, i).color)}">${xmlEscape(label)}</text>`,
    );
  });
  if (parts.length === 0) return '';
  return `<g class="exits" font-size="${EXIT_FONT}" font-weight="600" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${parts.join('')}</g>`;
}

/** The trajectory layer as SVG elements, painted by the map's own canvas painter. */
export function trajectoryElements(snapshot: MapSnapshot): string[] {
  const recorder = new SvgRecorder();
  drawTrajectories(
    recorder.asContext(),
    {
      scene: snapshot.scene,
      trajectories: snapshot.trajectories,
      cursor: snapshot.cursor,
      ghost: snapshot.ghost,
      arrows: snapshot.arrows,
      surface: snapshot.surface,
      ...(snapshot.lineScale !== undefined ? { lineScale: snapshot.lineScale } : {}),
      // A vector picture may be scaled up: every vertex is kept.
      minVertexGapPx: 0,
    },
    snapshot.projection,
  );
  return recorder.elements;
}

function legend(
  layer: SurfaceLayer | null,
  layout: ExportLayout,
  label: string,
  chrome: Chrome,
): string {
  if (!layer || layer.thresholds.length === 0) return '';
  const n = layer.thresholds.length + 1;
  const x0 = MARGIN.left + 78;
  const barW = Math.max(60, layout.width - x0 - MARGIN.right);
  const cell = barW / n;
  const y = layout.legendY + 4;
  const parts = [`<text x="${MARGIN.left}" y="${y + 9}">${xmlEscape(label)}</text>`];
  for (let b = 0; b < n; b++) {
    parts.push(
      `<rect x="${r2(x0 + b * cell)}" y="${y}" width="${r2(cell + 0.5)}" height="10" fill="${heatColor(n > 1 ? b / (n - 1) : 0)}"/>`,
    );
  }
  parts.push(
    `<rect x="${x0}" y="${y}" width="${r2(barW)}" height="10" fill="none" stroke="${chrome.line}"/>`,
  );
  const every = Math.ceil(layer.thresholds.length / 6);
  layer.thresholds.forEach((v, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<text x="${r2(x0 + (i + 1) * cell)}" y="${y + 24}" text-anchor="middle">${xmlEscape(formatNumber(v, 2))}</text>`,
    );
  });
  return `<g class="legend" fill="${chrome.muted}" font-size="12">${parts.join('')}</g>`;
}

/** An optimizer's marker centred at (14, 0), drawn by the map's own marker painter. */
function marker(shape: MarkerShape, color: string): string {
  const recorder = new SvgRecorder();
  markerPath(recorder.asContext(), shape, 14, 0, 5.5);
  recorder.fillStyle = color;
  recorder.fill();
  recorder.strokeStyle = '#ffffff';
  recorder.lineWidth = 1.5;
  recorder.stroke();
  return recorder.elements.join('');
}

/** A key of the visible optimizers: line sample in their dash, their marker, their name. */
function key(scene: Scene, layout: ExportLayout, chrome: Chrome): string {
  const { perRow } = keyRows(scene, layout.width);
  const parts: string[] = [];
  let slot = 0;
  scene.optimizers.forEach((o, i) => {
    if (o.hidden) return;
    const style = optimizerStyle(o, i);
    const x = MARGIN.left + (slot % perRow) * KEY_ITEM_WIDTH;
    const y = layout.legendY + LEGEND_HEIGHT + Math.floor(slot / perRow) * KEY_ROW + 8;
    slot++;
    const dash = style.dash.length > 0 ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
    // On the dark panel the sample sits on a swatch of paper, as the map does, so black stays visible.
    const swatch =
      chrome === CHROME.dark
        ? `<rect x="-4" y="-8" width="36" height="16" rx="3" fill="${PAPER}"/>`
        : '';
    parts.push(
      `<g class="key-item" transform="translate(${x},${y})">` +
        swatch +
        `<path d="M0,0H28" stroke="${xmlEscape(style.color)}" stroke-width="2.25"${dash} fill="none"/>` +
        marker(style.marker, style.color) +
        `<text x="36" dy="0.32em" fill="${chrome.ink}">${xmlEscape(optimizerName(scene, i))}</text></g>`,
    );
  });
  return `<g class="key" font-size="12">${parts.join('')}</g>`;
}

/** The standalone SVG document of the map. */
export function buildMapSvg(snapshot: MapSnapshot, options: SvgOptions): string {
  const p = snapshot.projection;
  const layout = exportLayout(snapshot.scene, p);
  const { labels } = options;
  const chrome = CHROME[snapshot.theme ?? 'light'];
  const plot: string[] = [
    `<rect width="${r2(p.width)}" height="${r2(p.height)}" fill="${PAPER}"/>`,
  ];
  if (snapshot.layer) {
    if (options.heatHref) plot.push(heat(snapshot.layer, p, options.heatHref));
    plot.push(contours(snapshot.layer, p));
  }
  if (snapshot.quiverPath) {
    plot.push(
      `<path class="quiver" d="${xmlEscape(snapshot.quiverPath)}" fill="none" stroke="#3d4b5e" stroke-opacity="0.55" stroke-width="1"/>`,
    );
  }
  if (!options.withoutTrajectories) {
    plot.push(`<g class="trajectories">${trajectoryElements(snapshot).join('')}</g>`);
  }
  plot.push(minima(snapshot.surface, p, labels.minimum));
  plot.push(startPoint(snapshot.scene, p, labels.start));
  if (!options.withoutTrajectories) plot.push(exitLabels(snapshot, labels));
  // The glyphs belong to the step under the cursor: in a still picture, not in an animation.
  if (!options.withoutTrajectories && snapshot.glyphs)
    plot.push(
      `<g class="glyphs" font-size="${r2(snapshot.glyphs.fontSize)}">${snapshot.glyphs.markup}</g>`,
    );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${r2(layout.height)}"` +
    ` viewBox="0 0 ${layout.width} ${r2(layout.height)}" font-family="${xmlEscape(FONT)}">` +
    `<title>${xmlEscape(labels.title)}</title>` +
    `<rect width="100%" height="100%" fill="${chrome.background}"/>` +
    `<defs><clipPath id="plot-clip"><rect width="${r2(p.width)}" height="${r2(p.height)}"/></clipPath></defs>` +
    `<g class="plot" transform="translate(${layout.plotX},${layout.plotY})" clip-path="url(#plot-clip)">` +
    plot.join('') +
    `</g>` +
    axes(p, chrome) +
    legend(snapshot.layer, layout, labels.legend, chrome) +
    key(snapshot.scene, layout, chrome) +
    `</svg>`
  );
}
