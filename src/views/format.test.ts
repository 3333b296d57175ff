import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldNumber } from './format';

describe('fieldNumber: a number as a field shows it', () => {
  it('writes large and tiny numbers with an exponent, everyday ones plainly', () => {
    expect(fieldNumber(1e10)).toBe('1e10');
    expect(fieldNumber(2.5e-8)).toBe('2.5e-8');
    expect(fieldNumber(0.1)).toBe('0.1');
    expect(fieldNumber(0.999)).toBe('0.999');
    expect(fieldNumber(1000)).toBe('1000');
    expect(fieldNumber(-3e12)).toBe('-3e12');
  });

  it('gives back exactly the number when read, and is never longer than String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = fieldNumber(v);
        expect(Object.is(Number(text), v) || (v === 0 && Number(text) === 0)).toBe(true);
        expect(text.length).toBeLessThanOrEqual(String(v).length);
      }),
    );
  });
});
