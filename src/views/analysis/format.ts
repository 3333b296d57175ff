/** Compact number display for the analysis tables. */
export function fmt(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e4 || a < 1e-3) return value.toExponential(digits - 1).replace('e', '·10^');
  return String(Number(value.toPrecision(digits)));
}
