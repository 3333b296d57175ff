import { describe, expect, it } from 'vitest';
import { fmt, powerOfTen } from './format';

describe('analysis numbers', () => {
  it('write powers of ten with superscripts, never a caret', () => {
    expect(fmt(6.896e-35, 4)).toBe('6.896·10⁻³⁵');
    expect(fmt(4.001e-10, 4)).toBe('4.001·10⁻¹⁰');
    expect(fmt(-2.5e7)).toBe('−2.50·10⁷');
    expect(fmt(9.5e-29, 2)).toBe('9.5·10⁻²⁹');
    expect(fmt(0.0123)).toBe('0.0123');
    expect(fmt(NaN)).toBe('—');
    expect(powerOfTen(-4)).toBe('10⁻⁴');
    expect(powerOfTen(1)).toBe('10¹');
  });
});
