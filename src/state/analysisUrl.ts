/**
 * The analysis drawer's URL form: one `analysis=` query parameter, `<tab>,key:value,…`, with only
 * non-default settings written. Reading is lenient (an unknown part or a bad value keeps the
 * default, so an old or hand-edited link still opens) and says what it did not take
 * ({@link analysisProblems}, named in the link notice). Loaded after the first paint.
 */
import { replaceSearch } from './replaceSearch';
import { ANALYSIS_LIMITS, ANALYSIS_TABS, DEFAULT_ANALYSIS, useAnalysis } from './analysis';
import type { AnalysisSettings, AnalysisTab } from './analysis';
import { pageProblem } from '../engine/pageProblem';
import type { FieldError } from '../engine/types';

/** Longest part of the parameter echoed in a notice. */
const MAX_ECHO = 40;

/** Query parameter name. */
export const ANALYSIS_PARAM = 'analysis';

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

/**
 * Settings from a parameter value (undefined: absent, drawer closed). Never throws: a part it
 * cannot use keeps the default, and is named in `problems` when given (path `analysis.<name>`).
 */
export function decodeAnalysis(
  text: string | undefined,
  problems?: FieldError[],
): AnalysisSettings {
  if (text === undefined) return DEFAULT_ANALYSIS;
  const out: { -readonly [K in keyof AnalysisSettings]: AnalysisSettings[K] } = {
    ...DEFAULT_ANALYSIS,
    open: true,
  };
  const ignored = (part: string, name: string): void => {
    problems?.push(
      pageProblem(`analysis.${name.slice(0, 24)}`, 'page.analysisPart', {
        got: part.slice(0, MAX_ECHO),
        choices: ANALYSIS_TABS.join(', '),
      }),
    );
  };
  for (const part of text.split(',')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    if (colon < 0) {
      if (isTab(part)) out.tab = part;
      else ignored(part, 'tab');
      continue;
    }
    const name = part.slice(0, colon);
    const raw = part.slice(colon + 1);
    const choice = (choices: readonly string[], used: string): boolean => {
      if (choices.includes(raw)) return true;
      problems?.push(
        pageProblem(`analysis.${name}`, 'page.choice', {
          got: raw.slice(0, MAX_ECHO),
          choices: choices.join(', '),
          used,
        }),
      );
      return false;
    };
    if (name === 'kind') {
      if (choice(['linear', 'logistic'], DEFAULT_ANALYSIS.mbKind))
        out.mbKind = raw as AnalysisSettings['mbKind'];
      continue;
    }
    if (name === 'overlay') {
      if (choice(['1', '0'], DEFAULT_ANALYSIS.basinOverlay ? '1' : '0'))
        out.basinOverlay = raw === '1';
      continue;
    }
    const field = NUMBER_FIELDS.find((f) => f.short === name);
    if (!field) {
      ignored(part, name);
      continue;
    }
    let value = raw.trim() === '' ? Number.NaN : Number(raw);
    const [min, max] = field.range;
    const say = (used: number): void => {
      problems?.push(
        pageProblem(`analysis.${name}`, 'page.analysisValue', {
          got: raw.slice(0, MAX_ECHO),
          min,
          max,
          used,
        }),
      );
    };
    if (!Number.isFinite(value)) {
      say(DEFAULT_ANALYSIS[field.key]);
      continue;
    }
    if (field.integer) value = Math.round(value);
    const used = Math.max(min, Math.min(max, value));
    if (used !== value) say(used);
    out[field.key] = used;
  }
  out.mbBatch = Math.min(out.mbBatch, out.mbN);
  return out;
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
    replaceSearch(
      withAnalysisParam(win.location.search, encodeAnalysis(useAnalysis.getState())),
      win,
    );
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
