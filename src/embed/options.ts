/**
 * The embed's own URL parameters, next to `scene` and `view`:
 *   embed=1                      the scene without the app's chrome
 *   controls=play,lr:0,charts    which controls show (default `play`; `none` for a bare map)
 *   theme=light|dark|auto        colours (default light; auto follows the reader's system)
 * Parsing never throws: an unknown token is dropped (state/pageParams.ts names it in the link
 * notice, after the first paint).
 */
import { rawQueryParam } from '../engine/scene-url';

/** One hyper-parameter slider: `name` of optimizer `index` (e.g. `lr:0`). */
export interface ParamControl {
  readonly index: number;
  readonly name: string;
}

/** Which controls an embed shows. */
export interface EmbedControls {
  /** Play/pause, step, reset, the scrubber and the step readout. */
  readonly play: boolean;
  /** The loss and distance charts under the map. */
  readonly charts: boolean;
  /** Hyper-parameter sliders, in the order given. */
  readonly params: readonly ParamControl[];
}

export const THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof THEMES)[number];

/** Everything the embed parameters say. */
export interface EmbedOptions {
  readonly embed: boolean;
  readonly controls: EmbedControls;
  readonly theme: EmbedTheme;
}

/** What an embed shows when `controls` is absent. */
export const DEFAULT_CONTROLS: EmbedControls = { play: true, charts: false, params: [] };

/** Longest `controls` text read; more tokens than this are not useful. */
const MAX_CONTROLS_TEXT = 200;
const MAX_PARAM_CONTROLS = 8;
/** Highest optimizer index a slider may name (scenes hold at most a dozen optimizers). */
const MAX_INDEX = 63;

/** A query value as text; undefined when absent or not valid percent-encoding. */
export function decode(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Reads a `controls` value such as `play,lr:0,momentum:0`. */
export function parseControls(text: string | undefined): {
  controls: EmbedControls;
  /** Tokens not understood (clipped to 40 characters), in order. */
  rejected: string[];
  /** Nothing could be read, so the default controls are shown. */
  fellBack: boolean;
} {
  if (text === undefined) return { controls: DEFAULT_CONTROLS, rejected: [], fellBack: false };
  const rejected: string[] = [];
  let play = false;
  let charts = false;
  const params: ParamControl[] = [];
  const tokens = text
    .slice(0, MAX_CONTROLS_TEXT)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const token of tokens) {
    if (token === 'none') continue;
    if (token === 'play') {
      play = true;
      continue;
    }
    if (token === 'charts') {
      charts = true;
      continue;
    }
    const m = /^([a-z_]{1,30}):(\d{1,2})$/.exec(token);
    if (m && Number(m[2]) <= MAX_INDEX && params.length < MAX_PARAM_CONTROLS) {
      const control = { name: m[1]!, index: Number(m[2]) };
      if (!params.some((p) => p.name === control.name && p.index === control.index)) {
        params.push(control);
      }
      continue;
    }
    rejected.push(token.slice(0, 40));
  }
  // Nothing readable (and no explicit `none`): a reader still gets play, step and scrub.
  if (rejected.length > 0 && !play && !charts && params.length === 0 && !tokens.includes('none'))
    return { controls: DEFAULT_CONTROLS, rejected, fellBack: true };
  return { controls: { play, charts, params }, rejected, fellBack: false };
}

/** Reads the embed parameters of a query string. */
export function readEmbedOptions(search: string): EmbedOptions {
  const embedText = decode(rawQueryParam(search, 'embed'));
  const embed = embedText === '1' || embedText === 'true';
  const { controls } = parseControls(decode(rawQueryParam(search, 'controls')));
  const themeText = decode(rawQueryParam(search, 'theme'));
  const theme: EmbedTheme = (THEMES as readonly string[]).includes(themeText ?? '')
    ? (themeText as EmbedTheme)
    : 'light';
  return { embed, controls, theme };
}

/** The `controls` text for a set of controls (inverse of parseControls). */
export function formatControls(controls: EmbedControls): string {
  const tokens: string[] = [];
  if (controls.play) tokens.push('play');
  for (const p of controls.params) tokens.push(`${p.name}:${p.index}`);
  if (controls.charts) tokens.push('charts');
  return tokens.length === 0 ? 'none' : tokens.join(',');
}

/** The embed's query parameters (before `scene`/`view`), leaving out defaults. */
export function embedQuery(controls: EmbedControls, theme: EmbedTheme): string {
  const parts = ['embed=1'];
  const text = formatControls(controls);
  if (text !== formatControls(DEFAULT_CONTROLS)) parts.push(`controls=${text}`);
  if (theme !== 'light') parts.push(`theme=${theme}`);
  return parts.join('&');
}
