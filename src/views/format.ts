/** Number formatting for readouts: short, signed, exponent only when needed. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text =
    a >= 1e5 || a < 1e-3
      ? v.toExponential(Math.max(0, digits - 2))
      : String(Number(v.toPrecision(digits)));
  return text.replace('-', '−').replace(/e\+?/, 'e');
}

/** A point or vector as "(x, y)". */
export function formatPair(x: number, y: number, digits = 4): string {
  return `(${formatNumber(x, digits)}, ${formatNumber(y, digits)})`;
}

/** A learning rate as the sliders set it (at most 4 significant digits, plain decimals). */
export function formatLr(lr: number): string {
  return String(Number(lr.toPrecision(4)));
}

/**
 * A number as a field shows it: exactly (Number() of the text gives `v` back), in the shorter of
 * plain and exponent form once plain passes 8 characters, so 1e10 reads "1e10" and fits a narrow field, not "10000000000".
 */
export function fieldNumber(v: number): string {
  const plain = String(v);
  const exponent = v.toExponential().replace('e+', 'e');
  // Plain up to 8 characters (1000, 0.000125): the exponent form is for what would not fit.
  return plain.length > 8 && exponent.length < plain.length ? exponent : plain;
}
