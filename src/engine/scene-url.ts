/**
 * A short, readable text form of a Scene for URLs, e.g.
 *   f:quadratic;p:-4,2;n:200;o:sgd,lr=0.1,label=SGD;o:adam,lr=0.1,betas=0.9/0.999
 * plus, when the scene has gradient noise, `;noise:gaussian,scale=0.5,seed=3`.
 * Decoding builds a plain object and hands it to the one Scene validator, so the URL can never
 * produce a scene the CLI or the embed API would reject, and a bad field names itself.
 */
import { fieldError } from './messages';
import { validateScene } from './scene';
import type { SceneValidation } from './scene';
import { SCHEDULE_FIELDS } from './optimizers/schedule-spec';
import type { NoiseSpec } from './noise/spec';
import type { FieldError, OptimizerConfig, Scene, Schedule, ScheduleType } from './types';

/** Longest scene text accepted from a URL: capped before any parsing. */
export const MAX_SCENE_PARAM = 4000;

// Characters kept as they are: readable in an address bar and safe in a query or fragment.
const SAFE = /[A-Za-z0-9._~!*'^/\-:@$]/;

function percent(ch: string): string {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** Percent-escapes everything outside SAFE (and the separators , ; = ( ) % # & and space). */
export function escapeText(text: string): string {
  let out = '';
  for (const ch of text) {
    out += SAFE.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, percent);
  }
  return out;
}

function unescapeText(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A part of the link as the reader typed it (percent-escapes undone where they can be), to echo. */
const shown = (text: string, max: number): string => (unescapeText(text) ?? text).slice(0, max);

/** Python's None in the URL text. */
const NONE = 'none';

function formatNumber(n: number): string {
  return String(n);
}

/**
 * A schedule as text: `TYPE/field:value/...`, lists joined by `~`, booleans 1/0, e.g.
 * `onecycle/max_lr:0.1/three_phase:1` or `multistep/milestones:30~80/gamma:0.5`. A sequential's
 * schedules are numbered fields whose own fields are joined by `!`:
 * `sequential/milestones:10/0:linear!start_factor:0.1!total_iters:10/1:cosine!t_max:190`.
 */
export function encodeSchedule(schedule: Schedule, separator = '/'): string {
  const parts: string[] = [schedule.type];
  for (const [key, value] of Object.entries(schedule)) {
    if (key === 'type' || value === undefined) continue;
    if (key === 'schedulers' && Array.isArray(value)) {
      (value as Schedule[]).forEach((child, i) => parts.push(`${i}:${encodeSchedule(child, '!')}`));
    } else if (Array.isArray(value)) {
      parts.push(`${key}:${value.map((v: number) => formatNumber(v)).join('~')}`);
    } else if (value === null) {
      // CyclicLR's step_size_down=None, written as torch spells it.
      parts.push(`${key}:${NONE}`);
    } else if (typeof value === 'boolean') {
      parts.push(`${key}:${value ? 1 : 0}`);
    } else if (typeof value === 'number') {
      parts.push(`${key}:${formatNumber(value)}`);
    } else if (typeof value === 'string') {
      parts.push(`${key}:${escapeText(value)}`);
    }
  }
  return parts.join(separator);
}

/** The numbers of a positional schedule (the older `step/30/0.5` form), by field order. */
const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  exponential: ['gamma'],
  step: ['step_size', 'gamma'],
  cosine: ['t_max', 'eta_min'],
};

/** Schedule text → a plain object for the validator (which names anything wrong in it). */
function decodeSchedule(text: string, separator = '/'): Record<string, unknown> {
  const [type = '', ...items] = text.split(separator);
  const out: Record<string, unknown> = { type };
  const fields = Object.hasOwn(SCHEDULE_FIELDS, type)
    ? SCHEDULE_FIELDS[type as ScheduleType]
    : undefined;
  const children: Record<string, unknown>[] = [];
  items.forEach((item, i) => {
    const colon = item.indexOf(':');
    if (colon < 0) {
      // The positional form links written before the keyed one used.
      const name = POSITIONAL[type]?.[i];
      if (name !== undefined) out[name] = Number(item);
      else out[item.slice(0, 30)] = '';
      return;
    }
    const name = item.slice(0, colon);
    const raw = item.slice(colon + 1);
    if (/^\d+$/.test(name) && type === 'sequential' && separator === '/') {
      children[Number(name)] = decodeSchedule(raw, '!');
      return;
    }
    // Keys become object keys: refuse anything that could touch a prototype.
    if (!/^[a-z_0-9]{1,40}$/.test(name) || name === '__proto__') return;
    const spec = fields?.find((f) => f.name === name);
    if (spec?.kind === 'list') {
      out[name] = raw === '' ? [] : raw.split('~').map((v) => (v.trim() === '' ? NaN : Number(v)));
    } else if (spec?.kind === 'boolean') {
      out[name] = raw === '1' ? true : raw === '0' ? false : raw;
    } else if (spec?.kind === 'choice') {
      out[name] = unescapeText(raw) ?? raw;
    } else if (spec?.kind === 'number' && spec.nullable === true && raw === NONE) {
      out[name] = null;
    } else {
      const n = Number(raw);
      out[name] = raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
  });
  if (children.length > 0) out.schedulers = Array.from(children, (c) => c ?? {});
  return out;
}

function encodeOptimizer(o: OptimizerConfig): string {
  const parts: string[] = [o.type];
  for (const [key, value] of Object.entries(o)) {
    if (key === 'type' || value === undefined) continue;
    if (key === 'schedule') {
      parts.push(`schedule=${encodeSchedule(o.schedule!)}`);
    } else if (Array.isArray(value)) {
      // Tuples (betas, etas, step_sizes, ns_coefficients, Adafactor's eps): a/b/c, null as none.
      const items = value as readonly (number | null)[];
      parts.push(`${key}=${items.map((v) => (v === null ? NONE : formatNumber(v))).join('/')}`);
    } else if (value === null) {
      // max_eval, adjust_lr_fn and line_search_fn take None in torch.
      parts.push(`${key}=${NONE}`);
    } else if (typeof value === 'boolean') {
      parts.push(`${key}=${value ? 1 : 0}`);
    } else if (typeof value === 'number') {
      parts.push(`${key}=${formatNumber(value)}`);
    } else if (key === 'color' && typeof value === 'string') {
      parts.push(`color=${value.replace(/^#/, '')}`);
    } else if (typeof value === 'string') {
      parts.push(`${key}=${escapeText(value)}`);
    }
  }
  return parts.join(',');
}

/** Scene → compact text (see the module comment). */
export function encodeSceneParam(scene: Scene): string {
  const surface =
    'id' in scene.surface
      ? `f:${escapeText(scene.surface.id)}`
      : `e:${escapeText(scene.surface.expr)}`;
  const items = [surface, `p:${scene.start.map(formatNumber).join(',')}`, `n:${scene.steps}`];
  for (const o of scene.optimizers) items.push(`o:${encodeOptimizer(o)}`);
  // A bare `o` says "no optimizers": without it an empty list would read back as the defaults.
  if (scene.optimizers.length === 0) items.push('o');
  if (scene.noise) items.push(`noise:${encodeNoise(scene.noise)}`);
  return items.join(';');
}

/** Gradient noise as `TYPE,field=value,...`, e.g. `noise:gaussian,scale=0.5,seed=3`. */
function encodeNoise(noise: NoiseSpec): string {
  const parts: string[] = [noise.type];
  for (const [key, value] of Object.entries(noise)) {
    if (key !== 'type' && typeof value === 'number') parts.push(`${key}=${formatNumber(value)}`);
  }
  return parts.join(',');
}

/**
 * A number's text as the number, or, when it is none (`a`, `2~3`, `1e999`), the text itself, so
 * the validator names what was written ('got "a"'), not NaN or null.
 */
function numberOrText(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** Noise text → a plain object for the validator (numbers stay numbers, the rest stays text). */
function decodeNoise(body: string, errors: FieldError[]): Record<string, unknown> {
  const [type, ...pairs] = body.split(',');
  const out: Record<string, unknown> = { type: unescapeText(type ?? '') ?? type };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      errors.push(fieldError('noise', 'url.notPair', { text: shown(pair, 30) }));
      continue;
    }
    const key = pair.slice(0, eq);
    // Keys become object keys: refuse anything that could touch a prototype.
    if (!/^[a-z_][a-z0-9_]{0,39}$/.test(key) || key === '__proto__') {
      errors.push(fieldError('noise', 'url.badKey', { text: shown(key, 30) }));
      continue;
    }
    out[key] = numberOrText(unescapeText(pair.slice(eq + 1)) ?? pair.slice(eq + 1));
  }
  return out;
}

const BOOLEAN_KEYS = new Set([
  'nesterov',
  'centered',
  'amsgrad',
  'hidden',
  'maximize',
  'decoupled_weight_decay',
]);
/** Fields written as a/b(/c): a tuple whichever optimizer they belong to (eps only when it has a '/'). */
const TUPLE_KEYS = new Set(['betas', 'etas', 'step_sizes', 'ns_coefficients']);

/** Text → value: numbers stay numbers (so the validator can name a bad one), the rest stays text. */
function parseValue(key: string, raw: string): unknown {
  const text = unescapeText(raw);
  if (text === undefined) return raw;
  if (key === 'label') return text;
  if (key === 'color') return `#${text}`;
  if (BOOLEAN_KEYS.has(key)) return text === '1' ? true : text === '0' ? false : text;
  if (key === 'schedule') return decodeSchedule(text);
  if (TUPLE_KEYS.has(key) || (key === 'eps' && text.includes('/'))) {
    return text.split('/').map((v) => (v === NONE ? null : numberOrText(v)));
  }
  if (text === NONE) return null;
  return numberOrText(text);
}

function decodeOptimizer(
  body: string,
  index: number,
  errors: FieldError[],
): Record<string, unknown> {
  const [type, ...pairs] = body.split(',');
  const out: Record<string, unknown> = { type: unescapeText(type ?? '') ?? type };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      errors.push(fieldError(`optimizers[${index}]`, 'url.notPair', { text: shown(pair, 30) }));
      continue;
    }
    const key = pair.slice(0, eq);
    // Keys become object keys: refuse anything that could touch a prototype.
    if (!/^[a-z_][a-z0-9_]{0,39}$/.test(key) || key === '__proto__') {
      errors.push(fieldError(`optimizers[${index}]`, 'url.badKey', { text: shown(key, 30) }));
      continue;
    }
    out[key] = parseValue(key, pair.slice(eq + 1));
  }
  return out;
}

/**
 * Compact text → Scene, leniently: each bad part falls back to its default with a message.
 * Takes the text exactly as it stands in the URL (still percent-encoded): do not pass it through
 * URLSearchParams first, which would turn an escaped ';' into a separator. See `rawQueryParam`.
 */
export function decodeSceneParam(text: string): SceneValidation {
  // A link whose scene text was percent-encoded whole (URLSearchParams, encodeURIComponent, most
  // CMS link builders turn ':' and ';' into %3A and %3B) has no raw ':' left: decode it once.
  // The scene's own escapes inside fields (%25XX after that encoding) come back as they were.
  if (!text.includes(':') && /%3A/i.test(text)) text = unescapeText(text) ?? text;
  const errors: FieldError[] = [];
  if (text.length > MAX_SCENE_PARAM) {
    const { scene } = validateScene({});
    return {
      scene,
      errors: [
        fieldError('scene', 'url.sceneTooLong', { length: text.length, max: MAX_SCENE_PARAM }),
      ],
    };
  }
  const raw: Record<string, unknown> = {};
  const optimizers: Record<string, unknown>[] = [];
  let emptyList = false;
  for (const item of text.split(';')) {
    if (item === '') continue;
    const colon = item.indexOf(':');
    const tag = colon < 0 ? item : item.slice(0, colon);
    const body = colon < 0 ? '' : item.slice(colon + 1);
    if (tag === 'f') raw.surface = { id: unescapeText(body) ?? body };
    else if (tag === 'e') raw.surface = { expr: unescapeText(body) ?? body };
    else if (tag === 'p')
      raw.start = body.split(',').map((v) => numberOrText(unescapeText(v) ?? v));
    else if (tag === 'n') raw.steps = numberOrText(unescapeText(body) ?? body);
    else if (tag === 'o' && colon < 0) emptyList = true;
    else if (tag === 'o') optimizers.push(decodeOptimizer(body, optimizers.length, errors));
    else if (tag === 'noise') raw.noise = decodeNoise(body, errors);
    else errors.push(fieldError('scene', 'url.badPart', { text: shown(tag, 20) }));
  }
  if (optimizers.length > 0 || emptyList) raw.optimizers = optimizers;
  const result = validateScene(raw);
  return { scene: result.scene, errors: [...errors, ...result.errors] };
}

/** A query parameter's raw (undecoded) value from `location.search`, or undefined. */
export function rawQueryParam(search: string, name: string): string | undefined {
  for (const part of search.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key === name) return eq < 0 ? '' : part.slice(eq + 1);
  }
  return undefined;
}
