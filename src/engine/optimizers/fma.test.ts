import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TORCH_ADD_ALPHA } from '../__fixtures__/optim/fixture';
import { fma, fmaExact } from './fma';

describe('fma: a·b + c rounded once, as torch adds with alpha', () => {
  it("gives torch's own bits for c.add_(b, alpha=a)", () => {
    let twiceRoundedDiffers = 0;
    for (const [a, b, c, torch] of TORCH_ADD_ALPHA) {
      expect(fma(a, b, c), `${a} * ${b} + ${c}`).toBe(torch);
      if (c + a * b !== torch) twiceRoundedDiffers++;
    }
    // The cases are worth having: the plain expression misses many of them.
    expect(twiceRoundedDiffers).toBeGreaterThan(TORCH_ADD_ALPHA.length / 10);
  });

  it('knows the textbook case: 0.1 × 10 − 1 is the rounding error of 0.1, not 0', () => {
    expect(0.1 * 10 - 1).toBe(0);
    expect(fma(0.1, 10, -1)).toBe(2 ** -54);
    expect(fmaExact(0.1, 10, -1)).toBe(2 ** -54);
  });

  it('agrees with the exact BigInt sum on any finite doubles', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e200, max: 1e200 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e200, max: 1e200 }),
        (a, b, c) => {
          const exact = fmaExact(a, b, c);
          // Results under 2^-1022 may round twice in fmaExact's scaling: compare normal ones.
          if (Math.abs(exact) < 2 ** -1022 && exact !== 0) return;
          expect(Object.is(fma(a, b, c), exact) || fma(a, b, c) === exact).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('keeps IEEE results for infinities and NaN', () => {
    expect(fma(Infinity, 2, 1)).toBe(Infinity);
    expect(fma(1e308, 10, -Infinity)).toBe(-Infinity);
    expect(fma(Number.NaN, 1, 1)).toBeNaN();
    expect(fma(0, Infinity, 1)).toBeNaN();
  });
});
