/**
 * Hints for the notations people type from textbooks, calculators and other languages (ln, lg,
 * arctan, sen, tg, sqr, √, ×, ÷, x², full-width brackets...). Each only explains how to write
 * the same thing here: nothing is rewritten, so an expression always means what it says.
 *
 * A hint is a message code and its parameters (like engine/messages.ts), so the app says it in
 * the reader's language (`engine.hint.*` in src/i18n); the English sentences below are the CLI's
 * and the catalogue's English, word for word. They live here, in the expression compiler's lazy
 * chunk, not in the first paint's messages.
 */
import type { MessageParams } from '../messageParams';

/** English templates of the hints; `{name}` is replaced by the parameter of that name. */
export const HINT_MESSAGES = {
  'hint.ln': 'the natural logarithm is log here: write log(x)',
  'hint.logBase':
    'write log(x)/log({base}) for the base-{base} logarithm (log is the natural logarithm here)',
  'hint.write': 'write {code}',
  'hint.sine': 'the sine is sin here: write sin(x)',
  'hint.tangent': 'the tangent is tan here: write tan(x)',
  'hint.cot': 'write 1/tan(x) for the cotangent',
  'hint.sec': 'write 1/cos(x) for the secant',
  'hint.csc': 'write 1/sin(x) for the cosecant',
  'hint.sqr':
    'sqr means the square in some languages and calculators: write x^2 (or sqrt(x) for the square root)',
  'hint.cbrt': 'write x^(1/3) for the cube root (of x >= 0)',
  'hint.asinh': 'write log(x + sqrt(x^2 + 1)) for the inverse hyperbolic sine',
  'hint.acosh': 'write log(x + sqrt(x^2 - 1)) for the inverse hyperbolic cosine',
  'hint.atanh': 'write 0.5*log((1 + x)/(1 - x)) for the inverse hyperbolic tangent',
  'hint.sign': 'sign is not available (its gradient is 0 wherever it is defined)',
  'hint.atan2': 'atan2 is not available: write atan(y/x) where x > 0',
  'hint.glued': 'a function takes its argument in brackets: write {fn}({arg})',
  'hint.gluedAlias': 'a function takes its argument in brackets; {fn}: {inner}',
  'hint.power': 'write {v}^{n} for a power, or {v}*{n}',
  'hint.superscript': "write '^{digit}' for a power",
  'hint.sqrt': 'write sqrt(...) for the square root',
  'hint.multiply': "write '*' to multiply",
  'hint.divide': "write '/' to divide",
  'hint.caret': "write '^' for a power",
  'hint.abs': 'write abs(...) for |...|',
  'hint.minus': "write '-' (a plain hyphen-minus)",
  'hint.superMinus': "write '^' and a bracketed exponent, e.g. x^(-1)",
  'hint.fullWidth': "full-width '{char}': write '{ascii}' (switch the input method to half-width)",
  'hint.brackets': "use '(' and ')'",
} as const;

/** A code of {@link HINT_MESSAGES}. */
export type HintCode = keyof typeof HINT_MESSAGES;

/** A hint: its code, its parameters, and (for a glued alias) the hint it wraps as `{inner}`. */
export interface Hint {
  readonly code: HintCode;
  readonly params: MessageParams;
  readonly inner?: Hint;
}

/** The English sentence of a hint. */
export function hintText(hint: Hint): string {
  const params: Record<string, string | number> = { ...hint.params };
  if (hint.inner) params.inner = hintText(hint.inner);
  return HINT_MESSAGES[hint.code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

const hint = (code: HintCode, params: MessageParams = {}): Hint => ({ code, params });

const LOG10 = hint('hint.logBase', { base: 10 });
const LOG2 = hint('hint.logBase', { base: 2 });
const COT = hint('hint.cot');
const CSC = hint('hint.csc');
const ASINH = hint('hint.asinh');
const ACOSH = hint('hint.acosh');
const ATANH = hint('hint.atanh');
const SIGN = hint('hint.sign');

/** Names from other notations (lower-cased) and how to write them here. */
export const NAME_HINTS: Readonly<Record<string, Hint>> = {
  ln: hint('hint.ln'),
  lg: LOG10,
  log10: LOG10,
  log2: LOG2,
  lb: LOG2,
  ld: LOG2,
  arctan: hint('hint.write', { code: 'atan(x)' }),
  arctg: hint('hint.write', { code: 'atan(x)' }),
  arcsin: hint('hint.write', { code: 'asin(x)' }),
  arccos: hint('hint.write', { code: 'acos(x)' }),
  sen: hint('hint.sine'),
  tg: hint('hint.tangent'),
  cot: COT,
  ctg: COT,
  cotan: COT,
  sec: hint('hint.sec'),
  csc: CSC,
  cosec: CSC,
  sqr: hint('hint.sqr'),
  cbrt: hint('hint.cbrt'),
  asinh: ASINH,
  arsinh: ASINH,
  arcsinh: ASINH,
  acosh: ACOSH,
  arcosh: ACOSH,
  arccosh: ACOSH,
  atanh: ATANH,
  artanh: ATANH,
  arctanh: ATANH,
  sign: SIGN,
  sgn: SIGN,
  atan2: hint('hint.atan2'),
  exp2: hint('hint.write', { code: '2^x' }),
  square: hint('hint.write', { code: 'x^2' }),
};

/** A hint for an unknown `name` written in another notation, or undefined. */
export function nameHint(name: string, isKnown: (name: string) => boolean): Hint | undefined {
  const lower = name.toLowerCase();
  const direct = NAME_HINTS[lower];
  if (direct !== undefined && Object.hasOwn(NAME_HINTS, lower)) return direct;
  // log_2, log_10: a base written as a subscript.
  const base = /^log_?(\d+(?:\.\d+)?)$/.exec(lower);
  if (base) return hint('hint.logBase', { base: base[1]! });
  // sinx, lnx, sqrtxy: a function glued to its argument.
  const glued = /^([a-z]+?)([xy]+)$/.exec(lower);
  if (glued && glued[1]!.length >= 2) {
    const [, fn, arg] = glued as unknown as [string, string, string];
    const argument = arg.length === 1 ? arg : arg.split('').join('*');
    if (isKnown(fn)) return hint('hint.glued', { fn, arg: argument });
    const alias = NAME_HINTS[fn];
    if (alias !== undefined && Object.hasOwn(NAME_HINTS, fn)) {
      return { code: 'hint.gluedAlias', params: { fn }, inner: alias };
    }
  }
  // x2, y3: a power written without '^'.
  const power = /^([xy])(\d+)$/.exec(name);
  if (power) return hint('hint.power', { v: power[1]!, n: power[2]! });
  return undefined;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const MULTIPLY = hint('hint.multiply');
const DIVIDE = hint('hint.divide');
const CARET = hint('hint.caret');
const MINUS = hint('hint.minus');
const BRACKETS = hint('hint.brackets');
const fullWidth = (char: string, ascii: string): Hint => hint('hint.fullWidth', { char, ascii });

/** Characters from other notations and how to write them here. */
export const CHARACTER_HINTS: Readonly<Record<string, Hint>> = {
  '√': hint('hint.sqrt'),
  '∛': hint('hint.cbrt'),
  '×': MULTIPLY,
  '·': MULTIPLY,
  '⋅': MULTIPLY,
  '∙': MULTIPLY,
  '✕': MULTIPLY,
  '÷': DIVIDE,
  '∕': DIVIDE,
  ':': DIVIDE,
  ˆ: CARET,
  '＾': CARET,
  '‸': CARET,
  π: hint('hint.write', { code: 'pi' }),
  ℯ: hint('hint.write', { code: 'e' }),
  '|': hint('hint.abs'),
  '–': MINUS,
  '—': MINUS,
  '⁻': hint('hint.superMinus'),
  '（': fullWidth('（', '('),
  '）': fullWidth('）', ')'),
  '，': fullWidth('，', ','),
  '＋': fullWidth('＋', '+'),
  '－': fullWidth('－', '-'),
  '＊': fullWidth('＊', '*'),
  '／': fullWidth('／', '/'),
  '[': BRACKETS,
  ']': BRACKETS,
  '{': BRACKETS,
  '}': BRACKETS,
};

/** A hint for a character the lexer does not know, or undefined. */
export function characterHint(ch: string): Hint | undefined {
  const digit = SUPERSCRIPT_DIGITS.indexOf(ch);
  if (digit >= 0) return hint('hint.superscript', { digit });
  return Object.hasOwn(CHARACTER_HINTS, ch) ? CHARACTER_HINTS[ch] : undefined;
}
