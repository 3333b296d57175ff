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
