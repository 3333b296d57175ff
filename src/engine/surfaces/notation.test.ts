/**
 * Notations from textbooks, calculators and other languages get a hint naming how to write the
 * same thing here; none is silently rewritten (each stays an error), and the hinted form parses.
 */
import { describe, expect, it } from 'vitest';
import { parseExpression } from './parser';

function errorOf(src: string): string {
  const result = parseExpression(src);
  if (result.ok) throw new Error(`'${src}' parsed; a notation must not be accepted silently`);
  return result.error.message;
}

/** What people type, and what the hint must tell them to write instead (which must parse). */
const CASES: readonly (readonly [typed: string, hinted: string])[] = [
  ['ln(x)', 'log(x)'],
  ['LN(x) + y', 'log(x)'],
  ['lg(x)', 'log(x)/log(10)'],
  ['log10(x)', 'log(x)/log(10)'],
  ['log2(x)', 'log(x)/log(2)'],
  ['log_2(x)', 'log(x)/log(2)'],
  ['arctan(x)', 'atan(x)'],
  ['arcsin(x)', 'asin(x)'],
  ['arccos(y)', 'acos(x)'],
  ['sen(x)', 'sin(x)'],
  ['tg(x)', 'tan(x)'],
  ['cot(x)', '1/tan(x)'],
  ['sec(x)', '1/cos(x)'],
  ['sqr(x)', 'x^2'],
  ['cbrt(x)', 'x^(1/3)'],
  ['asinh(x)', 'log(x + sqrt(x^2 + 1))'],
  ['sinx', 'sin(x)'],
  ['lnx', 'log(x)'],
  ['sin^2(x)', 'sin(x)^2'],
  ['x2 + y', 'x^2'],
  ['x²+y²', '^2'],
  ['x³', '^3'],
  ['√x', 'sqrt('],
  ['2×x', '*'],
  ['x·y', '*'],
  ['x÷2', '/'],
  ['x ˆ 2', '^'],
  ['π*x', 'pi'],
  ['|x|', 'abs('],
  ['（x+1）', '('],
  ['x，y', ','],
  ['2x', '*'],
  ['sin x', 'sin('],
];

describe('notation hints', () => {
  for (const [typed, hinted] of CASES) {
    it(`${typed} is refused with a hint to write ${hinted}`, () => {
      expect(errorOf(typed)).toContain(hinted);
    });
  }

  it('every hinted whole expression is valid here', () => {
    for (const [, hinted] of CASES) {
      if (/^[a-z0-9(].*[)0-9a-z]$/.test(hinted)) {
        expect(parseExpression(hinted).ok, hinted).toBe(true);
      }
    }
  });

  it('does not suggest a name of different meaning (lg is not log, sqr is not sqrt, cot is not cos)', () => {
    expect(errorOf('lg(x)')).not.toMatch(/Did you mean log\?/);
    expect(errorOf('sqr(x)')).not.toMatch(/Did you mean sqrt/);
    expect(errorOf('cot(x)')).not.toMatch(/Did you mean cos/);
  });
});
