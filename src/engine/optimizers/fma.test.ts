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

  it('stays exact in doubles where operands overflow, cancel or come near underflow', () => {
    const tiny = { noNaN: true, noDefaultInfinity: true, min: -1e-150, max: 1e-150 };
    const huge = { noNaN: true, noDefaultInfinity: true, min: -1.7e308, max: 1.7e308 };
    const agree = (a: number, b: number, c: number): void => {
      const exact = fmaExact(a, b, c);
      if (Math.abs(exact) < 2 ** -1022 && exact !== 0) {
        // Subnormal results: within one unit of 2^-1074 (the scaled path may round twice).
        expect(Math.abs(fma(a, b, c) - exact)).toBeLessThanOrEqual(2 ** -1074);
      } else expect(fma(a, b, c)).toBe(exact);
    };
    fc.assert(fc.property(fc.double(tiny), fc.double(tiny), fc.double(tiny), agree), {
      numRuns: 3000,
    });
    fc.assert(fc.property(fc.double(huge), fc.double(huge), fc.double(huge), agree), {
      numRuns: 3000,
    });
    // Found by the properties once: a huge factor beside a zero or tiny one keeps a tiny c.
    agree(6.696928794914172e299, 0, 1e-323);
    agree(2 ** 1000, 2 ** -1070, 2 ** -500);
    // A sum that rounds to the largest double (its TwoSum met an infinity): from a CI run.
    agree(-1.6203678128298078e308, 0.060290715533103514, -1.6999999999999967e308);
    // Cancellation: c close to −a·b.
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 }),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 }),
        fc.integer({ min: -4, max: 4 }),
        (a, b, k) => agree(a, b, -(a * b) * (1 + k * 2 ** -52)),
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps IEEE results for infinities and NaN', () => {
    expect(fma(Infinity, 2, 1)).toBe(Infinity);
    expect(fma(1e308, 10, -Infinity)).toBe(-Infinity);
    expect(fma(Number.NaN, 1, 1)).toBeNaN();
    expect(fma(0, Infinity, 1)).toBeNaN();
  });
});
