/**
 * View settings (everything on screen that is not the Scene): the visible rectangle, contour
 * spacing, overlays, the playback step and speed, the selected optimizer. They travel in the URL
 * next to the scene as one short text, e.g. `d:-5,5,-3,3;l:quantile;q:1;t:40`.
 */
import { fieldError } from '../engine/messages';
import type { EngineMessageCode, MessageParams } from '../engine/messages';
import { plainZero } from '../engine/scene';
import type { Domain } from '../engine/types';
import type { LevelSpacing } from '../engine/contours/types';
import { decodeOrbit, encodeOrbit } from './orbit';
import type { Orbit } from './orbit';

/** What the map shows besides the scene. */
export interface ViewSettings {
  /** Visible rectangle; null means the surface's own default. */
  readonly domain: Domain | null;
  readonly spacing: LevelSpacing;
  /** Gradient vector field overlay. */
  readonly quiver: boolean;
  /** Negative-gradient arrow at each optimizer's current point. */
  readonly arrows: boolean;
  /** Faint whole paths beyond the playback cursor. */
  readonly ghost: boolean;
  /** Playback cursor: the point index shown (0 = start). */
  readonly cursor: number;
  /** Playback speed in steps per second. */
  readonly speed: number;
  /** Optimizer whose formula panel is shown. */
  readonly selected: number;
  /** Optimizers (by index, ascending) whose hidden state is drawn on the map at the cursor. */
  readonly glyphs: readonly number[];
  /** The 3-D view's camera while it is on, null for the contour map (the default). */
  readonly view3d: Orbit | null;
}

/** The view a fresh page shows (the cursor at the end: whole paths visible). */
export const DEFAULT_VIEW: ViewSettings = {
  domain: null,
  spacing: 'log',
  quiver: false,
  arrows: false,
  ghost: true,
  cursor: -1,
  speed: 30,
  selected: 0,
  glyphs: [],
  view3d: null,
};

/** The view of a first visit (no scene in the URL): the start, so paths unfold as they play. */
export const FIRST_VISIT_VIEW: ViewSettings = { ...DEFAULT_VIEW, cursor: 0 };

/** Playback speeds offered, in steps per second. */
export const SPEEDS = [2, 5, 10, 30, 60, 120, 300] as const;

/** Longest view text accepted from a URL. */
export const MAX_VIEW_PARAM = 300;
/** The farthest a view's edge may lie from 0 (a link's `d:`; the message says ±1e9). */
const MAX_VIEW_COORDINATE = 1e9;

/** A problem with one view field, named like `view.d`. */
export interface ViewError {
  readonly path: string;
  readonly message: string;
  readonly code?: EngineMessageCode;
  readonly params?: MessageParams;
}

const num = (n: number): string => String(Number(n.toPrecision(6)));

/** View → URL text; fields equal to the default are left out. */
export function encodeView(view: ViewSettings): string {
  const parts: string[] = [];
  if (view.domain) {
    const { x, y } = view.domain;
    const exact = [x[0], x[1], y[0], y[1]];
    const short = exact.map((v) => Number(num(v)));
    // Six digits keep links short, unless rounding would move an edge of a narrow window far
    // from 0 by more than a thousandth of its size (or collapse it, which the reader rejects).
    const tolerance = 1e-3 * Math.min(x[1] - x[0], y[1] - y[0]);
    const close = short.every((v, i) => Math.abs(v - exact[i]!) <= tolerance);
    parts.push(`d:${(close ? short : exact).map(String).join(',')}`);
  }
  if (view.spacing !== DEFAULT_VIEW.spacing) parts.push(`l:${view.spacing}`);
  if (view.quiver !== DEFAULT_VIEW.quiver) parts.push(`q:${view.quiver ? 1 : 0}`);
  if (view.arrows !== DEFAULT_VIEW.arrows) parts.push(`a:${view.arrows ? 1 : 0}`);
  if (view.ghost !== DEFAULT_VIEW.ghost) parts.push(`g:${view.ghost ? 1 : 0}`);
  if (view.cursor !== DEFAULT_VIEW.cursor) parts.push(`t:${view.cursor}`);
  if (view.speed !== DEFAULT_VIEW.speed) parts.push(`s:${num(view.speed)}`);
  if (view.selected !== DEFAULT_VIEW.selected) parts.push(`o:${view.selected}`);
  if (view.glyphs.length > 0) parts.push(`h:${view.glyphs.join(',')}`);
  if (view.view3d) parts.push(`3d:${encodeOrbit(view.view3d)}`);
  return parts.join(';');
}

function flag(value: string, path: string, errors: ViewError[]): boolean | undefined {
  if (value === '1') return true;
  if (value === '0') return false;
  errors.push(fieldError(path, 'view.flag', { got: value.slice(0, 20) }));
  return undefined;
}

function wholeNumber(
  value: string,
  path: string,
  min: number,
  max: number,
  errors: ViewError[],
): number | undefined {
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return plainZero(n);
  errors.push(fieldError(path, 'view.whole', { min, max, got: value.slice(0, 20) }));
  return undefined;
}

function parseDomain(value: string, errors: ViewError[]): Domain | undefined {
  const parts = value.split(',');
  const n = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [x0, x1, y0, y1] = n;
  const ok =
    n.length === 4 &&
    n.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_VIEW_COORDINATE) &&
    x0! < x1! &&
    y0! < y1! &&
    x1! - x0! > 1e-9 &&
    y1! - y0! > 1e-9;
  if (!ok) {
    errors.push(
      fieldError('view.d', 'view.domain', {
        max: MAX_VIEW_COORDINATE.toExponential().replace('e+', 'e'),
        got: value.slice(0, 60),
      }),
    );
    return undefined;
  }
  return { x: [plainZero(x0!), plainZero(x1!)], y: [plainZero(y0!), plainZero(y1!)] };
}

/** URL text → view; a bad field keeps its default and is reported. Never throws. */
export function decodeView(text: string): { view: ViewSettings; errors: ViewError[] } {
  const errors: ViewError[] = [];
  if (text.length > MAX_VIEW_PARAM) {
    return {
      view: DEFAULT_VIEW,
      errors: [fieldError('view', 'view.tooLong', { max: MAX_VIEW_PARAM })],
    };
  }
  const view: { -readonly [K in keyof ViewSettings]: ViewSettings[K] } = { ...DEFAULT_VIEW };
  for (const part of text.split(';')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const key = colon < 0 ? part : part.slice(0, colon);
    const value = colon < 0 ? '' : part.slice(colon + 1);
    const path = `view.${key.slice(0, 10)}`;
    switch (key) {
      case 'd': {
        const domain = parseDomain(value, errors);
        if (domain) view.domain = domain;
        break;
      }
      case 'l':
        if (value === 'log' || value === 'quantile') view.spacing = value;
        else errors.push(fieldError(path, 'view.spacing', { got: value.slice(0, 20) }));
        break;
      case 'q':
      case 'a':
      case 'g': {
        const b = flag(value, path, errors);
        if (b !== undefined) view[key === 'q' ? 'quiver' : key === 'a' ? 'arrows' : 'ghost'] = b;
        break;
      }
      case 't': {
        const t = wholeNumber(value, path, -1, 1_000_000, errors);
        if (t !== undefined) view.cursor = t;
        break;
      }
      case 's': {
        const s = Number(value);
        // Kept to the six digits a link writes, so a speed read from a link round-trips.
        if (value !== '' && Number.isFinite(s) && s >= 0.5 && s <= 1000)
          view.speed = Number(num(s));
        else errors.push(fieldError(path, 'view.speed', { got: value.slice(0, 20) }));
        break;
      }
      case 'o': {
        const o = wholeNumber(value, path, 0, 63, errors);
        if (o !== undefined) view.selected = o;
        break;
      }
      case 'h': {
        // Hidden-state glyphs: optimizer indices, e.g. `h:0,2`.
        const list = value.split(',').map((v) => wholeNumber(v, path, 0, 63, errors));
        if (list.every((n) => n !== undefined))
          view.glyphs = [...new Set(list as number[])].sort((a, b) => a - b);
        break;
      }
      case '3d': {
        // The 3-D view: 0 off, 1 on, or on at the camera azimuth,elevation,distance.
        const orbit = decodeOrbit(value);
        if (orbit !== undefined) view.view3d = orbit;
        else errors.push(fieldError(path, 'view.orbit', { got: value.slice(0, 40) }));
        break;
      }
      default:
        errors.push(fieldError(path, 'view.unknown'));
    }
  }
  return { view, errors };
}
