import { describe, expect, it } from 'vitest';
import { formatNumber, formatVector, superscript } from './format';

describe('formatNumber', () => {
  it('keeps four significant digits for everyday magnitudes', () => {
    expect(formatNumber(0.08)).toBe('0.08');
    expect(formatNumber(3.14159265)).toBe('3.142');
    expect(formatNumber(12345)).toBe('12350');
    expect(formatNumber(0.0012346)).toBe('0.001235');
    expect(formatNumber(4)).toBe('4');
  });

  it('writes negative numbers with a true minus sign in text and ASCII minus in TeX', () => {
    expect(formatNumber(-0.4)).toBe('\u22120.4');
    expect(formatNumber(-0.4, 'tex')).toBe('-0.4');
  });

  it('switches to an exponent for tiny and huge magnitudes', () => {
    expect(formatNumber(0.00001234567)).toBe('1.235×10⁻⁵');
    expect(formatNumber(-2.5e-9, 'tex')).toBe('-2.5 \\times 10^{-9}');
    expect(formatNumber(6.02e23)).toBe('6.02×10²³');
    expect(formatNumber(123456, 'tex')).toBe('1.235 \\times 10^{5}');
  });

  it('uses the exponent when rounding pushes a value over the threshold', () => {
    expect(formatNumber(99999.9)).toBe('1×10⁵');
  });

  it('shows zero (including negative zero) as 0', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('names non-finite values instead of printing garbage', () => {
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY, 'tex')).toBe('-\\infty');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('formatVector', () => {
  it('formats a gradient as a parenthesised pair', () => {
    expect(formatVector([-0.8, 4])).toBe('(\u22120.8, 4)');
    expect(formatVector(new Float64Array([0.08, -0.4]), 'tex')).toBe('\\left(0.08,\\ -0.4\\right)');
  });
});

describe('superscript', () => {
  it('renders signed exponents', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(3)).toBe('³');
  });
});
