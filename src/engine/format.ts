/**
 * Number formatting for the formula panel, the optimizers' step formulas and the charts: 4 significant digits, an exponent for
 * tiny or huge magnitudes, and a true minus sign (U+2212) in text. In TeX the ASCII '-' already
 * renders as a minus, so the TeX form keeps it.
 */

/** 'text' for plain labels (uses − and ×10ⁿ), 'tex' for KaTeX source. */
export type NumberStyle = 'text' | 'tex';

const MINUS = '\u2212';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Unicode superscript of an integer, e.g. -12 → ⁻¹². */
export function superscript(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)))
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)] ?? d)
    .join('');
  return (n < 0 ? '⁻' : '') + digits;
}

function trimZeros(mantissa: string): string {
  return mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
}

/**
 * `x` with 4 significant digits. Magnitudes below 1e-3 or from 1e5 up use an exponent
 * (text: `1.235×10⁻⁵`, TeX: `1.235 \times 10^{-5}`); zero (and −0) is `0`.
 */
export function formatNumber(x: number, style: NumberStyle = 'text'): string {
  if (Number.isNaN(x)) return style === 'tex' ? '\\text{NaN}' : 'NaN';
  if (!Number.isFinite(x)) {
    const inf = style === 'tex' ? '\\infty' : '∞';
    return x < 0 ? (style === 'tex' ? '-' : MINUS) + inf : inf;
  }
  if (x === 0) return '0';
  const minus = style === 'tex' ? '-' : MINUS;
  const sign = x < 0 ? minus : '';
  const abs = Math.abs(x);
  // Decide on the rounded value so 99999.9 (→ 1.000e5) switches to the exponent form.
  const rounded = Number(abs.toPrecision(4));
  if (rounded >= 1e5 || rounded < 1e-3) {
    const [mant = '0', exp = '0'] = abs.toExponential(3).split('e');
    const e = Number(exp);
    const m = trimZeros(mant);
    if (style === 'tex') return `${sign}${m} \\times 10^{${e}}`;
    return `${sign}${m}×10${superscript(e)}`;
  }
  return sign + String(rounded);
}

/** A vector as `(a, b)` with each entry formatted by {@link formatNumber}. */
export function formatVector(v: ArrayLike<number>, style: NumberStyle = 'text'): string {
  const parts: string[] = [];
  for (let i = 0; i < v.length; i++) parts.push(formatNumber(v[i] ?? Number.NaN, style));
  return style === 'tex' ? `\\left(${parts.join(',\\ ')}\\right)` : `(${parts.join(', ')})`;
}
