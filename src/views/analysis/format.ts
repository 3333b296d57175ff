/** Compact number display for the analysis tables and plots. */
import { superscript } from '../formula/format';

/**
 * `value` with `digits` significant digits; magnitudes from 10⁴ up or below 10⁻³ as a power of
 * ten with a superscript exponent (`6.90·10⁻³⁵`, never the caret's `10^-35`, which a clipped
 * cell turns into a wrong number); NaN is '—', infinities '∞' / '−∞'.
 */
export function fmt(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e4 || a < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${mantissa!.replace('-', '−')}·10${superscript(Number(exponent))}`;
  }
  return String(Number(value.toPrecision(digits)));
}

/** A power of ten for an axis tick: `10⁻⁴`, `10⁰`, `10¹`. */
export function powerOfTen(exponent: number): string {
  return `10${superscript(exponent)}`;
}
