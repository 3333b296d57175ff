/**
 * Hints for the notations people type from textbooks, calculators and other languages (ln, lg,
 * arctan, sen, tg, sqr, √, ×, ÷, x², full-width brackets...). Each only explains how to write
 * the same thing here: nothing is rewritten, so an expression always means what it says.
 */

const LOG10 = 'write log(x)/log(10) for the base-10 logarithm (log is the natural logarithm here)';
const LOG2 = 'write log(x)/log(2) for the base-2 logarithm (log is the natural logarithm here)';

/** Names from other notations (lower-cased) and how to write them here. */
const NAME_HINTS: Readonly<Record<string, string>> = {
  ln: 'the natural logarithm is log here: write log(x)',
  lg: LOG10,
  log10: LOG10,
  log2: LOG2,
  lb: LOG2,
  ld: LOG2,
  arctan: 'write atan(x)',
  arctg: 'write atan(x)',
  arcsin: 'write asin(x)',
  arccos: 'write acos(x)',
  sen: 'the sine is sin here: write sin(x)',
  tg: 'the tangent is tan here: write tan(x)',
  cot: 'write 1/tan(x) for the cotangent',
  ctg: 'write 1/tan(x) for the cotangent',
  cotan: 'write 1/tan(x) for the cotangent',
  sec: 'write 1/cos(x) for the secant',
  csc: 'write 1/sin(x) for the cosecant',
  cosec: 'write 1/sin(x) for the cosecant',
  sqr: 'sqr means the square in some languages and calculators: write x^2 (or sqrt(x) for the square root)',
  cbrt: 'write x^(1/3) for the cube root (of x >= 0)',
  asinh: 'write log(x + sqrt(x^2 + 1)) for the inverse hyperbolic sine',
  arsinh: 'write log(x + sqrt(x^2 + 1)) for the inverse hyperbolic sine',
  arcsinh: 'write log(x + sqrt(x^2 + 1)) for the inverse hyperbolic sine',
  acosh: 'write log(x + sqrt(x^2 - 1)) for the inverse hyperbolic cosine',
  arcosh: 'write log(x + sqrt(x^2 - 1)) for the inverse hyperbolic cosine',
  arccosh: 'write log(x + sqrt(x^2 - 1)) for the inverse hyperbolic cosine',
  atanh: 'write 0.5*log((1 + x)/(1 - x)) for the inverse hyperbolic tangent',
  artanh: 'write 0.5*log((1 + x)/(1 - x)) for the inverse hyperbolic tangent',
  arctanh: 'write 0.5*log((1 + x)/(1 - x)) for the inverse hyperbolic tangent',
  sign: 'sign is not available (its gradient is 0 wherever it is defined)',
  sgn: 'sign is not available (its gradient is 0 wherever it is defined)',
  atan2: 'atan2 is not available: write atan(y/x) where x > 0',
  exp2: 'write 2^x',
  square: 'write x^2',
};

/** A hint for an unknown `name` written in another notation, or undefined. */
export function nameHint(name: string, isKnown: (name: string) => boolean): string | undefined {
  const lower = name.toLowerCase();
  const direct = NAME_HINTS[lower];
  if (direct !== undefined && Object.hasOwn(NAME_HINTS, lower)) return direct;
  // log_2, log_10: a base written as a subscript.
  const base = /^log_?(\d+(?:\.\d+)?)$/.exec(lower);
  if (base) return `write log(x)/log(${base[1]}) for the base-${base[1]} logarithm`;
  // sinx, lnx, sqrtxy: a function glued to its argument.
  const glued = /^([a-z]+?)([xy]+)$/.exec(lower);
  if (glued && glued[1]!.length >= 2) {
    const [, fn, arg] = glued as unknown as [string, string, string];
    const argument = arg.length === 1 ? arg : arg.split('').join('*');
    if (isKnown(fn)) return `a function takes its argument in brackets: write ${fn}(${argument})`;
    const alias = NAME_HINTS[fn];
    if (alias !== undefined && Object.hasOwn(NAME_HINTS, fn)) {
      return `a function takes its argument in brackets; ${fn}: ${alias}`;
    }
  }
  // x2, y3: a power written without '^'.
  const power = /^([xy])(\d+)$/.exec(name);
  if (power) return `write ${power[1]}^${power[2]} for a power, or ${power[1]}*${power[2]}`;
  return undefined;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Characters from other notations and how to write them here. */
const CHARACTER_HINTS: Readonly<Record<string, string>> = {
  '√': 'write sqrt(...) for the square root',
  '∛': 'write x^(1/3) for the cube root',
  '×': "write '*' to multiply",
  '·': "write '*' to multiply",
  '⋅': "write '*' to multiply",
  '∙': "write '*' to multiply",
  '✕': "write '*' to multiply",
  '÷': "write '/' to divide",
  '∕': "write '/' to divide",
  ':': "write '/' to divide",
  ˆ: "write '^' for a power",
  '＾': "write '^' for a power",
  '‸': "write '^' for a power",
  π: 'write pi',
  ℯ: 'write e',
  '|': 'write abs(...) for |...|',
  '–': "write '-' (a plain hyphen-minus)",
  '—': "write '-' (a plain hyphen-minus)",
  '⁻': "write '^' and a bracketed exponent, e.g. x^(-1)",
  '（': "full-width '（': write '(' (switch the input method to half-width)",
  '）': "full-width '）': write ')' (switch the input method to half-width)",
  '，': "full-width '，': write ',' (switch the input method to half-width)",
  '＋': "full-width '＋': write '+' (switch the input method to half-width)",
  '－': "full-width '－': write '-' (switch the input method to half-width)",
  '＊': "full-width '＊': write '*' (switch the input method to half-width)",
  '／': "full-width '／': write '/' (switch the input method to half-width)",
  '[': "use '(' and ')'",
  ']': "use '(' and ')'",
  '{': "use '(' and ')'",
  '}': "use '(' and ')'",
};

/** A hint for a character the lexer does not know, or undefined. */
export function characterHint(ch: string): string | undefined {
  const digit = SUPERSCRIPT_DIGITS.indexOf(ch);
  if (digit >= 0) return `write '^${digit}' for a power`;
  return Object.hasOwn(CHARACTER_HINTS, ch) ? CHARACTER_HINTS[ch] : undefined;
}
