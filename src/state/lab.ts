/**
 * The gradient-flow lab's own state: one or two network configurations (A and the optional B of
 * the "A | B compare" switch), the chosen layer, playback, and the latest results the worker sent.
 * Its URL form is the `lab` query parameter, short readable text such as
 * `depth:16,act:relu,init:he;bn:1` — A's fields that differ from the defaults, then after `;`
 * (compare on) B's fields that differ from A. Decoding never throws: a bad field falls back to its
 * default and is reported by name.
 */
import { create } from 'zustand';
import { ACTIVATIONS } from '../engine/nn/activations';
import { DATASETS } from '../engine/nn/datasets';
import { fieldError } from '../engine/messages';
import { labFieldError } from '../engine/nn/messages';
import type { LabMessageCode } from '../engine/nn/messages';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import type { FieldError } from '../engine/types';
import type { LabSnapshot } from '../worker/lab/protocol';
import { DEFAULT_LAB_CONFIG, LAB_BOUNDS, LAB_INITS } from '../engine/nn/labConfig';
import { PLANE_SLOTS } from '../engine/nn/labConfig';
import type { LabConfig, LabNumberField, LabSlot, PlaneOptimizer } from '../engine/nn/labConfig';
import { decodeOrbit, encodeOrbit } from './orbit';
import type { Orbit } from './orbit';

// The configuration types are pure data shared with the lab worker; they live in the engine so the
// worker's protocol does not import this store (that import made a cycle). Re-exported here.
export { DEFAULT_LAB_CONFIG, LAB_BOUNDS, LAB_INITS, fitLabNumber } from '../engine/nn/labConfig';
export type { LabConfig, LabInit, LabSlot, PlaneOptimizer } from '../engine/nn/labConfig';

/** Longest `lab` text decoded; longer text is ignored with a message (no legal form comes close). */
export const MAX_LAB_TEXT = 600;

/** A value read, or why not: a message code of the lab and its parameters (besides got, used). */
type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: LabMessageCode; params?: Readonly<Record<string, string | number>> };

interface FieldCodec<K extends keyof LabConfig> {
  readonly key: K;
  /** The name in the URL text. */
  readonly name: string;
  format(value: LabConfig[K]): string;
  parse(text: string): Parsed<LabConfig[K]>;
}

/** A number field read against its bounds (LAB_BOUNDS), as the typed field takes it. */
function numberField<K extends keyof LabConfig & LabNumberField>(
  key: K,
  name: string,
  code: LabMessageCode,
): FieldCodec<K> {
  const { min, max, minExclusive = false, integer = false } = LAB_BOUNDS[key];
  return {
    key,
    name,
    format: (v) => String(v),
    parse: (text) => {
      // -0 is read as 0: the link writes it back as "0" (fuzzing found `clip:-0` not round-tripping).
      const pattern = integer ? /^\d{1,10}$/ : /^[0-9.eE+-]{1,24}$/;
      const n = pattern.test(text) ? Number(text) + 0 : Number.NaN;
      const inside =
        Number.isFinite(n) &&
        (!integer || Number.isInteger(n)) &&
        (minExclusive ? n > min : n >= min) &&
        n <= max;
      return inside
        ? { ok: true, value: n as LabConfig[K] }
        : { ok: false, code, params: { min, max } };
    },
  };
}

function choiceField<K extends keyof LabConfig>(
  key: K,
  name: string,
  choices: readonly string[],
): FieldCodec<K> {
  return {
    key,
    name,
    format: (v) => String(v),
    parse: (text) =>
      choices.includes(text)
        ? { ok: true, value: text as LabConfig[K] }
        : { ok: false, code: 'lab.choice', params: { choices: choices.join(', ') } },
  };
}

function flagField<K extends keyof LabConfig>(key: K, name: string): FieldCodec<K> {
  return {
    key,
    name,
    format: (v) => (v ? '1' : '0'),
    parse: (text) =>
      text === '1' || text === '0'
        ? { ok: true, value: (text === '1') as LabConfig[K] }
        : { ok: false, code: 'lab.flag' },
  };
}

/** One table drives both directions of the URL form, in the order fields are written. */
const FIELDS: readonly FieldCodec<keyof LabConfig>[] = [
  numberField('depth', 'depth', 'lab.whole'),
  numberField('width', 'width', 'lab.whole'),
  choiceField('activation', 'act', ACTIVATIONS),
  choiceField('init', 'init', LAB_INITS),
  numberField('weightScale', 'scale', 'lab.aboveZero'),
  flagField('batchnorm', 'bn'),
  flagField('residual', 'res'),
  numberField('clip', 'clip', 'lab.clip'),
  choiceField('optimizer', 'opt', OPTIMIZER_TYPES),
  numberField('lr', 'lr', 'lab.aboveZero'),
  choiceField('dataset', 'data', DATASETS),
  numberField('seed', 'seed', 'lab.whole'),
] as FieldCodec<keyof LabConfig>[];

/** The lab's URL-visible state. */
export interface LabUrlState {
  readonly a: LabConfig;
  /** Present when the A | B compare switch is on. */
  readonly b: LabConfig | null;
}

function encodeDiff(config: LabConfig, base: LabConfig): string {
  const parts: string[] = [];
  for (const field of FIELDS) {
    const value = config[field.key];
    if (value !== base[field.key]) parts.push(`${field.name}:${field.format(value as never)}`);
  }
  return parts.join(',');
}

/** The `lab` parameter's text for a state (empty for a default lab without compare). */
export function encodeLabUrl(state: LabUrlState): string {
  const a = encodeDiff(state.a, DEFAULT_LAB_CONFIG);
  return state.b ? `${a};${encodeDiff(state.b, state.a)}` : a;
}

function decodeDiff(
  text: string,
  base: LabConfig,
  prefix: string,
  problems: FieldError[],
): LabConfig {
  const out: Record<string, unknown> = { ...base };
  const seen = new Set<string>();
  if (text.trim() === '') return base;
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const colon = item.indexOf(':');
    const name = colon < 0 ? item : item.slice(0, colon);
    const value = colon < 0 ? '' : item.slice(colon + 1);
    const shown = name.slice(0, 24);
    const field = FIELDS.find((f) => f.name === name);
    if (!field) {
      problems.push(labFieldError(`${prefix}${shown}`, 'lab.unknown'));
      continue;
    }
    if (seen.has(name)) {
      problems.push(labFieldError(`${prefix}${shown}`, 'lab.twice'));
      continue;
    }
    seen.add(name);
    const parsed = field.parse(value);
    if (parsed.ok) out[field.key] = parsed.value;
    else
      problems.push(
        labFieldError(`${prefix}${shown}`, parsed.code, {
          ...parsed.params,
          got: value.length > 24 ? `${value.slice(0, 24)}…` : value,
          used: field.format(base[field.key] as never),
        }),
      );
  }
  return out as unknown as LabConfig;
}

/**
 * Reads the `lab` parameter's text. Never throws: every rejected field keeps its default (A's
 * value for B) and adds a problem naming it (`a.depth`, `b.lr`, …).
 */
export function decodeLabUrl(text: string | null | undefined): {
  state: LabUrlState;
  problems: FieldError[];
} {
  const problems: FieldError[] = [];
  if (text === null || text === undefined || text === '') {
    return { state: { a: DEFAULT_LAB_CONFIG, b: null }, problems };
  }
  if (typeof text !== 'string' || text.length > MAX_LAB_TEXT) {
    problems.push(labFieldError('lab', 'lab.tooLong', { max: MAX_LAB_TEXT }));
    return { state: { a: DEFAULT_LAB_CONFIG, b: null }, problems };
  }
  const parts = text.split(';');
  if (parts.length > 2) problems.push(labFieldError('lab', 'lab.tooMany'));
  const a = decodeDiff(parts[0] ?? '', DEFAULT_LAB_CONFIG, 'a.', problems);
  const b = parts.length > 1 ? decodeDiff(parts[1] ?? '', a, 'b.', problems) : null;
  return { state: { a, b }, problems };
}

/** The lab's views, as tabs. */
export const LAB_TABS = ['training', 'landscape'] as const;
export type LabTab = (typeof LAB_TABS)[number];

/** What the lab shows besides its configurations: the `labview` query parameter. */
export interface LabViewState {
  readonly tab: LabTab;
  /** The Landscape's 3-D view's camera while it is on, null for the contour map. */
  readonly view3d: Orbit | null;
  /** The Landscape's further optimizers (C, D, …) trained from A's initial weights, in order. */
  readonly more: readonly PlaneOptimizer[];
}

export const DEFAULT_LAB_VIEW: LabViewState = { tab: 'training', view3d: null, more: [] };

/** Longest `labview` text decoded. */
export const MAX_LAB_VIEW_TEXT = 200;

const OPTIMIZER_FIELD = FIELDS.find((f) => f.key === 'optimizer')!;
const LR_FIELD = FIELDS.find((f) => f.key === 'lr')!;

/** `more:sgd@0.1,rmsprop@0.003`: each further optimizer as `type@lr`. */
function encodeMore(more: readonly PlaneOptimizer[]): string {
  return more.map((m) => `${m.optimizer}@${m.lr}`).join(',');
}

/**
 * Reads `more:`'s value: at most one item per plane slot; an unknown optimizer drops its item, a bad
 * lr keeps A's default; each problem is named (`labview.more.2`).
 */
function decodeMore(value: string, problems: FieldError[]): PlaneOptimizer[] {
  const items = value === '' ? [] : value.split(',');
  if (items.length > PLANE_SLOTS.length)
    problems.push(
      fieldError('labview.more', 'scene.tooMany', {
        max: PLANE_SLOTS.length,
        count: items.length,
      }),
    );
  const more: PlaneOptimizer[] = [];
  items.slice(0, PLANE_SLOTS.length).forEach((item, i) => {
    const at = item.indexOf('@');
    const typeText = at < 0 ? item : item.slice(0, at);
    const lrText = at < 0 ? null : item.slice(at + 1);
    const path = `labview.more.${i + 1}`;
    const shown = (text: string): string => (text.length > 24 ? `${text.slice(0, 24)}…` : text);
    const type = OPTIMIZER_FIELD.parse(typeText);
    if (!type.ok) {
      problems.push(
        labFieldError(path, type.code, { ...type.params, got: shown(typeText), used: '—' }),
      );
      return;
    }
    let lr = DEFAULT_LAB_CONFIG.lr;
    if (lrText !== null) {
      const parsed = LR_FIELD.parse(lrText);
      if (parsed.ok) lr = parsed.value as number;
      else
        problems.push(
          labFieldError(`${path}.lr`, parsed.code, {
            ...parsed.params,
            got: shown(lrText),
            used: lr,
          }),
        );
    }
    more.push({ optimizer: type.value as PlaneOptimizer['optimizer'], lr });
  });
  return more;
}

/**
 * The `labview` parameter's text, e.g. `tab:landscape;3d:1` or `tab:landscape;3d:-1.2,0.8,2.5`
 * (the camera's azimuth, elevation, distance, as the visualizer's `view=…;3d:`); empty by default.
 */
export function encodeLabView(view: LabViewState): string {
  const parts: string[] = [];
  if (view.tab !== DEFAULT_LAB_VIEW.tab) parts.push(`tab:${view.tab}`);
  if (view.view3d) parts.push(`3d:${encodeOrbit(view.view3d)}`);
  if (view.more.length > 0) parts.push(`more:${encodeMore(view.more)}`);
  return parts.join(';');
}

/** Reads the `labview` parameter's text. Never throws: a bad field keeps its default and is named. */
export function decodeLabView(text: string | null | undefined): {
  view: LabViewState;
  problems: FieldError[];
} {
  const problems: FieldError[] = [];
  if (text === null || text === undefined || text === '')
    return { view: DEFAULT_LAB_VIEW, problems };
  if (text.length > MAX_LAB_VIEW_TEXT) {
    problems.push(labFieldError('labview', 'lab.tooLong', { max: MAX_LAB_VIEW_TEXT }));
    return { view: DEFAULT_LAB_VIEW, problems };
  }
  const view: { -readonly [K in keyof LabViewState]: LabViewState[K] } = { ...DEFAULT_LAB_VIEW };
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const key = colon < 0 ? part : part.slice(0, colon);
    const value = colon < 0 ? '' : part.slice(colon + 1);
    const path = `labview.${key.slice(0, 24)}`;
    const got = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    if (key !== 'tab' && key !== '3d' && key !== 'more') {
      problems.push(labFieldError(path, 'lab.unknown'));
      continue;
    }
    if (seen.has(key)) {
      problems.push(labFieldError(path, 'lab.twice'));
      continue;
    }
    seen.add(key);
    if (key === 'tab') {
      if ((LAB_TABS as readonly string[]).includes(value)) view.tab = value as LabTab;
      else
        problems.push(
          labFieldError(path, 'lab.choice', {
            got,
            choices: LAB_TABS.join(', '),
            used: DEFAULT_LAB_VIEW.tab,
          }),
        );
    } else if (key === 'more') {
      view.more = decodeMore(value, problems);
    } else {
      const orbit = decodeOrbit(value);
      if (orbit !== undefined) view.view3d = orbit;
      else problems.push(fieldError(path, 'view.orbit', { got }));
    }
  }
  return { view, problems };
}

/** A training speed: steps per second, or as fast as the machine trains. */
export type LabSpeed = number | 'max';
/** Training speeds the lab offers. */
export const LAB_SPEEDS: readonly LabSpeed[] = ['max', 100, 30, 10];
/** Presenter mode's pace when no speed was chosen: a class sees the loss fall step by step. */
export const PRESENT_LAB_SPEED = 30;

/** The speed training runs at: the chosen one, else the default for the mode. */
export function effectiveLabSpeed(chosen: LabSpeed | null, presenting: boolean): LabSpeed {
  return chosen ?? (presenting ? PRESENT_LAB_SPEED : 'max');
}

/** The configuration B starts from when compare is switched on: A with batch norm toggled. */
export function compareDefault(a: LabConfig): LabConfig {
  return { ...a, batchnorm: !a.batchnorm };
}

/** Results of one slot, as the worker last reported them. */
export interface SlotResult {
  readonly snapshot: LabSnapshot | null;
  /** Error text of the last failed request (config invalid, worker crashed). */
  readonly error: string | null;
  /** A new configuration is being computed (the snapshot is the previous one's). */
  readonly pending?: boolean;
  /** The configuration the snapshot belongs to (so a view can tell a stale one from a current one). */
  readonly config?: LabConfig;
}

/** The lab's zustand store. */
export interface LabStore {
  readonly a: LabConfig;
  readonly b: LabConfig;
  readonly compare: boolean;
  /** Which configuration the controls edit (always 'a' without compare). */
  readonly editing: LabSlot;
  /** Layer (0-based, hidden layers then the output) whose chain-rule product is shown. */
  readonly selectedLayer: number;
  readonly running: boolean;
  readonly results: Readonly<Record<LabSlot, SlotResult>>;
  /** Problems found decoding the URL, shown until dismissed. */
  readonly urlProblems: readonly FieldError[];
  /** The open tab. */
  readonly tab: LabTab;
  /** The Landscape's 3-D view's camera while it is on, null for the contour map. */
  readonly view3d: Orbit | null;
  setTab(tab: LabTab): void;
  setView3d(view3d: Orbit | null): void;
  /** The Landscape's further optimizers (at most one per plane slot). */
  readonly more: readonly PlaneOptimizer[];
  setMore(more: readonly PlaneOptimizer[]): void;
  /**
   * Training speed: steps per second, 'max' for as fast as the machine trains, or null for the
   * default ('max', but PRESENT_LAB_SPEED in presenter mode: a pace a class can follow).
   */
  readonly speed: LabSpeed | null;
  setSpeed(speed: LabSpeed | null): void;
  setConfig(slot: LabSlot, patch: Partial<LabConfig>): void;
  setCompare(on: boolean): void;
  setEditing(slot: LabSlot): void;
  selectLayer(index: number): void;
  setRunning(running: boolean): void;
  setResult(slot: LabSlot, result: SlotResult): void;
  /** Several slots' results in one store update (the lockstep training rounds). */
  setResults(results: Partial<Record<LabSlot, SlotResult>>): void;
  /** Loads the `lab` and `labview` parameters' texts (null: absent). */
  loadUrl(text: string | null, viewText?: string | null): void;
  dismissProblems(): void;
}

const EMPTY_RESULT: SlotResult = { snapshot: null, error: null };

/** The lab's store (one per page; the page loads the URL into it on mount). */
export const useLabStore = create<LabStore>()((set) => ({
  a: DEFAULT_LAB_CONFIG,
  b: compareDefault(DEFAULT_LAB_CONFIG),
  compare: false,
  editing: 'a',
  selectedLayer: 0,
  running: false,
  results: { a: EMPTY_RESULT, b: EMPTY_RESULT },
  urlProblems: [],
  tab: DEFAULT_LAB_VIEW.tab,
  view3d: DEFAULT_LAB_VIEW.view3d,
  setTab: (tab) => set({ tab }),
  setView3d: (view3d) => set({ view3d }),
  more: DEFAULT_LAB_VIEW.more,
  setMore: (more) => set({ more: more.slice(0, PLANE_SLOTS.length) }),
  speed: null,
  setSpeed: (speed) => set({ speed }),
  setConfig: (slot, patch) =>
    set((s) => {
      const next = { ...s[slot], ...patch };
      const a = slot === 'a' ? next : s.a;
      const b = slot === 'b' ? next : s.b;
      const deepest = Math.max(a.depth, s.compare ? b.depth : 0);
      return { [slot]: next, selectedLayer: Math.min(s.selectedLayer, deepest - 1) };
    }),
  setCompare: (on) => set((s) => ({ compare: on, editing: on ? s.editing : 'a' })),
  setEditing: (slot) => set({ editing: slot }),
  selectLayer: (index) => set({ selectedLayer: Math.max(0, Math.floor(index)) }),
  setRunning: (running) => set({ running }),
  setResult: (slot, result) => set((s) => ({ results: { ...s.results, [slot]: result } })),
  setResults: (results) => set((s) => ({ results: { ...s.results, ...results } })),
  loadUrl: (text, viewText = null) =>
    set(() => {
      const { state, problems } = decodeLabUrl(text);
      const { view, problems: viewProblems } = decodeLabView(viewText);
      return {
        a: state.a,
        b: state.b ?? compareDefault(state.a),
        compare: state.b !== null,
        editing: 'a',
        urlProblems: [...problems, ...viewProblems],
        tab: view.tab,
        view3d: view.view3d,
        more: view.more,
      };
    }),
  dismissProblems: () => set({ urlProblems: [] }),
}));

/** The URL state of a store state. */
export function labUrlState(s: Pick<LabStore, 'a' | 'b' | 'compare'>): LabUrlState {
  return { a: s.a, b: s.compare ? s.b : null };
}

/** The `labview` state of a store state. */
export function labViewState(s: Pick<LabStore, 'tab' | 'view3d' | 'more'>): LabViewState {
  return { tab: s.tab, view3d: s.view3d, more: s.more };
}
