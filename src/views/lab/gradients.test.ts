import { describe, expect, it } from 'vitest';
import {
  chainProduct,
  chainTex,
  logNorm,
  normColor,
  normDomain,
  normWidth,
  texNumber,
} from './gradients';

describe('gradient-norm scales', () => {
  it('a vanishing and an exploding gradient get clearly different widths and colours', () => {
    const domain = normDomain([1e-9, 0.5, 1e3]);
    expect(domain).toEqual([-9, 3]);
    expect(normWidth(1e-9, domain)).toBeLessThan(2);
    expect(normWidth(1e3, domain)).toBeGreaterThan(13);
    expect(normColor(1e-9, domain)).not.toBe(normColor(1e3, domain));
  });

  it('a zero or non-finite norm does not break the scales', () => {
    expect(logNorm(0)).toBe(-12);
    expect(logNorm(Number.NaN)).toBe(-12);
    expect(normDomain([0, Number.NaN, Infinity])).toEqual([-4, 0]);
    expect(Number.isFinite(normWidth(0, [-4, 0]))).toBe(true);
  });
});

describe('chain-rule product', () => {
  const snapshot = {
    deltaNorms: Float64Array.of(1e-6, 1e-4, 1e-2, 1),
    activationNorms: Float64Array.of(3, 4, 5, 6),
    inputNorm: 2,
    weightGradNorms: Float64Array.of(1e-6, 1e-4, 1e-2, 1),
  };

  it('the factors multiply the output δ back to the chosen layer’s δ', () => {
    const c = chainProduct(snapshot, 0);
    expect(c.factors).toHaveLength(3);
    const product = c.factors.reduce((p, f) => p * f, c.top);
    expect(product).toBeCloseTo(c.delta, 15);
    expect(c.meanGain).toBeCloseTo(0.01, 12);
    expect(c.below).toBe(2);
  });

  it('the output layer has no factors and its input is the last hidden activation', () => {
    const c = chainProduct(snapshot, 3);
    expect(c.factors).toEqual([]);
    expect(c.meanGain).toBe(1);
    expect(c.below).toBe(5);
  });

  it('writes small numbers as powers of ten and elides long products', () => {
    expect(texNumber(3.2e-9)).toBe('3.2\\times10^{-9}');
    const long = { ...snapshot, deltaNorms: Float64Array.from({ length: 12 }, (_, i) => 2 ** i) };
    const tex = chainTex(chainProduct(long, 0), 0, 12);
    expect(tex).toContain('\\cdots');
    expect(tex).toContain('\\prod_{k=1}^{11}');
  });
});
