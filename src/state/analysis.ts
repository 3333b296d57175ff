/**
 * The analysis drawer's state: which view is open and each view's inputs, plus the basin map being
 * computed (typed arrays, never in the URL). Its URL form is one `analysis=` query parameter,
 * `<tab>,key:value,…`, with only non-default settings written; reading it is lenient: an unknown
 * key or a bad value falls back to the default, so an old or hand-edited link still opens.
 */
import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { RegressionKind } from '../engine/analysis/dataset';
import type { Domain, DomainPoint } from '../engine/types';

/** The drawer's views. */
export const ANALYSIS_TABS = ['race', 'sweep', 'stability', 'basins', 'minibatch', 'step'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

/** Query parameter name. */
export const ANALYSIS_PARAM = 'analysis';

/** Everything about the drawer a link keeps. */
export interface AnalysisSettings {
  readonly open: boolean;
  readonly tab: AnalysisTab;
  /** Race and sweep criterion: within ε of the minimum's loss. */
  readonly epsilon: number;
  /** Optimizer (scene index) of the sweep, the basin map. */
  readonly sweepIndex: number;
  readonly basinIndex: number;
  /** Basin grid side and step budget. */
  readonly basinSize: number;
  readonly basinSteps: number;
  /** Whether the basin map is drawn over the contour map. */
  readonly basinOverlay: boolean;
  /** Mini-batch playground: data kind, size N, seed, batch size, lr and steps. */
  readonly mbKind: RegressionKind;
  readonly mbN: number;
  readonly mbSeed: number;
  readonly mbBatch: number;
  readonly mbLr: number;
  readonly mbSteps: number;
}

export const DEFAULT_ANALYSIS: AnalysisSettings = {
  open: false,
  tab: 'race',
  epsilon: 1e-3,
  sweepIndex: 0,
  basinIndex: 0,
  basinSize: 128,
  basinSteps: 500,
  basinOverlay: true,
  mbKind: 'linear',
  mbN: 64,
  mbSeed: 1,
  mbBatch: 8,
  mbLr: 0.1,
  mbSteps: 100,
};

/** Limits the URL reader clamps to. */
export const ANALYSIS_LIMITS = {
  basinSize: [8, 256],
  basinSteps: [1, 5000],
  mbN: [2, 1000],
  mbSteps: [1, 2000],
  mbSeed: [0, 2 ** 31 - 1],
  index: [0, 11],
} as const;

type NumberKey = {
  [K in keyof AnalysisSettings]: AnalysisSettings[K] extends number ? K : never;
}[keyof AnalysisSettings];

/** Short URL names of the numeric settings, with how each is validated. */
const NUMBER_FIELDS: readonly {
  key: NumberKey;
  short: string;
  integer: boolean;
  range: readonly [number, number];
}[] = [
  { key: 'epsilon', short: 'eps', integer: false, range: [1e-12, 1e6] },
  { key: 'sweepIndex', short: 'sweep', integer: true, range: ANALYSIS_LIMITS.index },
  { key: 'basinIndex', short: 'opt', integer: true, range: ANALYSIS_LIMITS.index },
  { key: 'basinSize', short: 'size', integer: true, range: ANALYSIS_LIMITS.basinSize },
  { key: 'basinSteps', short: 'bsteps', integer: true, range: ANALYSIS_LIMITS.basinSteps },
  { key: 'mbN', short: 'n', integer: true, range: ANALYSIS_LIMITS.mbN },
  { key: 'mbSeed', short: 'seed', integer: true, range: ANALYSIS_LIMITS.mbSeed },
  { key: 'mbBatch', short: 'batch', integer: true, range: [1, ANALYSIS_LIMITS.mbN[1]] },
  { key: 'mbLr', short: 'lr', integer: false, range: [1e-6, 100] },
  { key: 'mbSteps', short: 'steps', integer: true, range: ANALYSIS_LIMITS.mbSteps },
];

const isTab = (value: string): value is AnalysisTab =>
  (ANALYSIS_TABS as readonly string[]).includes(value);

/** The parameter's value for `settings` ('' when the drawer is closed: no parameter at all). */
export function encodeAnalysis(settings: AnalysisSettings): string {
  if (!settings.open) return '';
  const parts: string[] = [settings.tab];
  for (const field of NUMBER_FIELDS) {
    const value = settings[field.key];
    if (value !== DEFAULT_ANALYSIS[field.key]) parts.push(`${field.short}:${value}`);
  }
  if (settings.mbKind !== DEFAULT_ANALYSIS.mbKind) parts.push(`kind:${settings.mbKind}`);
  if (settings.basinOverlay !== DEFAULT_ANALYSIS.basinOverlay)
    parts.push(`overlay:${settings.basinOverlay ? 1 : 0}`);
  return parts.join(',');
}

/** Settings from a parameter value (undefined: absent, drawer closed). Never throws. */
export function decodeAnalysis(text: string | undefined): AnalysisSettings {
  if (text === undefined) return DEFAULT_ANALYSIS;
  const out: { -readonly [K in keyof AnalysisSettings]: AnalysisSettings[K] } = {
    ...DEFAULT_ANALYSIS,
    open: true,
  };
  for (const part of text.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      if (isTab(part)) out.tab = part;
      continue;
    }
    const name = part.slice(0, colon);
    const raw = part.slice(colon + 1);
    if (name === 'kind') {
      if (raw === 'linear' || raw === 'logistic') out.mbKind = raw;
      continue;
    }
    if (name === 'overlay') {
      if (raw === '0' || raw === '1') out.basinOverlay = raw === '1';
      continue;
    }
    const field = NUMBER_FIELDS.find((f) => f.short === name);
    if (!field || raw.trim() === '') continue;
    let value = Number(raw);
    if (!Number.isFinite(value)) continue;
    if (field.integer) value = Math.round(value);
    out[field.key] = Math.max(field.range[0], Math.min(field.range[1], value));
  }
  out.mbBatch = Math.min(out.mbBatch, out.mbN);
  return out;
}

/** A basin map as it fills: labels row-major (row 0 at the top), rows filled so far. */
export interface BasinState {
  readonly size: number;
  readonly domain: Domain;
  readonly labels: Int16Array;
  readonly rowsDone: number;
  readonly attractors: readonly DomainPoint[];
  readonly knownCount: number;
  readonly done: boolean;
  /** Bumped on each change so canvases redraw. */
  readonly version: number;
  /** What the map was computed for (surface, domain, grid, budget, optimizer), to skip recomputing it. */
  readonly key: string;
}

interface AnalysisState extends AnalysisSettings {
  basins: BasinState | null;
  set: (patch: Partial<AnalysisSettings>) => void;
  setBasins: (basins: BasinState | null) => void;
}

/** The drawer's store. */
export const useAnalysis = create<AnalysisState>()(
  subscribeWithSelector((set) => ({
    ...DEFAULT_ANALYSIS,
    basins: null,
    set: (patch) => set(patch),
    setBasins: (basins) => set({ basins }),
  })),
);

/** The settings part of the store. */
export function analysisSettings(state: AnalysisSettings): AnalysisSettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_ANALYSIS)) out[key] = state[key as keyof AnalysisSettings];
  return out as unknown as AnalysisSettings;
}

/** `search` with its analysis parameter set to `value` (removed when ''), other parameters untouched. */
export function withAnalysisParam(search: string, value: string): string {
  const parts = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && p.split('=')[0] !== ANALYSIS_PARAM);
  if (value !== '') parts.push(`${ANALYSIS_PARAM}=${value}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The raw analysis parameter of a query string, decoded, or undefined when absent. */
export function readAnalysisParam(search: string): string | undefined {
  for (const part of search.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (name !== ANALYSIS_PARAM) continue;
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Reads the drawer's settings from the URL, then mirrors them into it. Returns a stop function. */
export function startAnalysisUrlSync(win: Window = window): () => void {
  useAnalysis.setState(decodeAnalysis(readAnalysisParam(win.location.search)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (): void => {
    timer = undefined;
    const search = withAnalysisParam(win.location.search, encodeAnalysis(useAnalysis.getState()));
    if (search === win.location.search) return;
    try {
      win.history.replaceState(
        win.history.state,
        '',
        `${win.location.pathname}${search}${win.location.hash}`,
      );
    } catch {
      // Sandboxed frames may forbid history changes.
    }
  };
  const unsubscribe = useAnalysis.subscribe(
    (s) => encodeAnalysis(s),
    () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(write, 250);
    },
  );
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
