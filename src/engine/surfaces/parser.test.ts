import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY_FUNCTIONS, MAX_EXPRESSION_LENGTH, UNARY_FUNCTIONS } from './ast';
import type { Expr } from './ast';
import { parseExpression } from './parser';
import { expressionToTex, printExpression } from './printer';

function parsed(src: string): Expr {
  const result = parseExpression(src);
  if (!result.ok) throw new Error(`${src}: ${result.error.message} at ${result.error.column}`);
  return result.ast;
}

function errorOf(src: string): { message: string; column: number } {
  const result = parseExpression(src);
  if (result.ok) throw new Error(`${src} parsed, expected an error`);
  return result.error;
}

const x: Expr = { kind: 'variable', name: 'x' };
const y: Expr = { kind: 'variable', name: 'y' };
const num = (value: number): Expr => ({ kind: 'number', value });
const pow = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: '^', left, right });

describe('parseExpression precedence', () => {
  it('reads -x^2 as -(x^2)', () => {
    expect(parsed('-x^2')).toEqual({ kind: 'negate', arg: pow(x, num(2)) });
  });

  it('reads 2^3^2 as 2^(3^2), right-associative', () => {
    expect(parsed('2^3^2')).toEqual(pow(num(2), pow(num(3), num(2))));
  });

  it('reads 2^-1 as 2^(-1) and ** as ^', () => {
    expect(parsed('2^-1')).toEqual(pow(num(2), { kind: 'negate', arg: num(1) }));
    expect(parsed('2**3')).toEqual(parsed('2^3'));
  });

  it('binds * and / tighter than + and -, both left-associative', () => {
    expect(printExpression(parsed('x - y - 1'))).toBe('x - y - 1');
    expect(parsed('x - y - 1')).toEqual({
      kind: 'binary',
      op: '-',
      left: { kind: 'binary', op: '-', left: x, right: y },
      right: num(1),
    });
    expect(parsed('x + y * 2')).toEqual({
      kind: 'binary',
      op: '+',
      left: x,
      right: { kind: 'binary', op: '*', left: y, right: num(2) },
    });
    expect(parsed('x / y / 2')).toEqual({
      kind: 'binary',
      op: '/',
      left: { kind: 'binary', op: '/', left: x, right: y },
      right: num(2),
    });
  });

  it('reads numbers in every accepted form', () => {
    for (const [text, value] of [
      ['1.5', 1.5],
      ['2e-3', 0.002],
      ['.5', 0.5],
      ['3.', 3],
      ['1E+2', 100],
    ] as const) {
      expect(parsed(text)).toEqual(num(value));
    }
  });

  it('knows pi, e and every function with its arity', () => {
    expect(parsed('pi')).toEqual({ kind: 'constant', name: 'pi' });
    expect(parsed('e')).toEqual({ kind: 'constant', name: 'e' });
    for (const fn of UNARY_FUNCTIONS)
      expect(parsed(`${fn}(x)`)).toEqual({ kind: 'call', fn, args: [x] });
    for (const fn of BINARY_FUNCTIONS) {
      expect(parsed(`${fn}(x, y)`)).toEqual({ kind: 'call', fn, args: [x, y] });
    }
  });
});

describe('parseExpression errors', () => {
  it('rejects implicit multiplication at the second operand', () => {
    expect(errorOf('2x')).toMatchObject({
      column: 2,
      message: expect.stringMatching(/implicit multiplication/i),
    });
    expect(errorOf('x (y)').column).toBe(3);
    expect(errorOf('(x)(y)').column).toBe(4);
    expect(errorOf('2 sin(x)').column).toBe(3);
  });

  it('names an unknown name and suggests close ones', () => {
    const error = errorOf('x + sine(y)');
    expect(error.column).toBe(5);
    expect(error.message).toContain("'sine'");
    expect(error.message).toContain('sin');
    expect(errorOf('Sin(x)').message).toContain('sin');
    expect(errorOf('1 + xy').message).toContain('x*y');
  });

  it('reports the wrong number of arguments at the function name', () => {
    expect(errorOf('y + sin(x, y)')).toMatchObject({
      column: 5,
      message: expect.stringContaining('1 argument'),
    });
    expect(errorOf('max(x)')).toMatchObject({
      column: 1,
      message: expect.stringContaining('2 arguments'),
    });
    expect(errorOf('sin()').column).toBe(1);
    expect(errorOf('sin x').message).toContain('sin(...)');
  });

  it('points at the column of a stray or missing token', () => {
    expect(errorOf('x + * y')).toMatchObject({ column: 5 });
    expect(errorOf('(x + 1')).toMatchObject({ column: 7, message: expect.stringContaining("')'") });
    expect(errorOf('x + 1)')).toMatchObject({ column: 6 });
    expect(errorOf('x ^')).toMatchObject({ column: 4 });
    expect(errorOf('x $ y')).toMatchObject({ column: 3 });
    expect(errorOf('')).toMatchObject({ column: 1 });
    expect(errorOf('   ')).toMatchObject({ column: 1 });
    expect(errorOf('1e400').message).toContain('too large');
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(errorOf('x😀')).toMatchObject({ column: 2 });
    expect(errorOf('x + y + 😀').column).toBe(9);
  });

  it(
    'rejects over-long and over-deep input quickly, never overflowing the stack',
    { timeout: 2000 },
    () => {
      const long = 'x+'.repeat(5000) + 'x';
      expect(errorOf(long)).toMatchObject({ column: MAX_EXPRESSION_LENGTH + 1 });
      expect(errorOf('('.repeat(200) + 'x' + ')'.repeat(200)).message).toMatch(/nested too deeply/);
      expect(errorOf('-'.repeat(500) + 'x').message).toMatch(/nested too deeply/);
      expect(errorOf('x' + '^x'.repeat(400)).message).toMatch(/nested too deeply/);
      expect(errorOf('sin('.repeat(100) + 'x' + ')'.repeat(100)).message).toMatch(
        /nested too deeply/,
      );
      // Within the bounds, long flat input is fine.
      expect(parseExpression('x+'.repeat(499) + 'x').ok).toBe(true);
      expect(parseExpression('('.repeat(60) + 'x' + ')'.repeat(60)).ok).toBe(true);
    },
  );

  // Generous timeout: fast-check's string generation is slow on a loaded 2-core machine.
  it('never throws, whatever the input', { timeout: 30000 }, () => {
    const alphabet = fc.constantFrom(
      'x',
      'y',
      'e',
      'pi',
      'sin',
      'max',
      'pow',
      '(',
      ')',
      ',',
      '+',
      '-',
      '*',
      '**',
      '/',
      '^',
      '1',
      '2.5',
      '.',
      'e-',
      ' ',
      '\u2212',
      '😀',
      'q',
    );
    const arbitraries = [
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')),
    ];
    for (const arbitrary of arbitraries) {
      fc.assert(
        // A boolean property (not expect) keeps a thousand runs cheap.
        fc.property(arbitrary, (src) => {
          const result = parseExpression(src);
          if (result.ok) return true;
          const { column, message } = result.error;
          return column >= 1 && column <= src.length + 1 && message.length > 0;
        }),
        { numRuns: 300 },
      );
    }
  });
});

/** Trees of the shapes the parser produces (non-negative finite numbers, exact arities). */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 5, withCrossShrink: true },
    fc.oneof(
      fc
        .double({ min: 0, max: 1e6, noNaN: true })
        .map((value): Expr => num(value === 0 ? 0 : value)),
      fc.integer({ min: 0, max: 20 }).map(num),
    ),
    fc.constantFrom<Expr>(x, y, { kind: 'constant', name: 'pi' }, { kind: 'constant', name: 'e' }),
    tie('expr').map((arg): Expr => ({ kind: 'negate', arg })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('expr'), tie('expr'))
      .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right })),
    fc
      .tuple(fc.constantFrom(...UNARY_FUNCTIONS), tie('expr'))
      .map(([fn, arg]): Expr => ({ kind: 'call', fn, args: [arg] })),
    fc
      .tuple(fc.constantFrom(...BINARY_FUNCTIONS), tie('expr'), tie('expr'))
      .map(([fn, a, b]): Expr => ({ kind: 'call', fn, args: [a, b] })),
  ),
})).expr;

describe('printExpression', () => {
  it('prints the canonical form users expect', () => {
    expect(printExpression(parsed('x^2/10+y^2'))).toBe('x^2/10 + y^2');
    expect(printExpression(parsed('(-x)^2'))).toBe('(-x)^2');
    expect(printExpression(parsed('x*(y*2)'))).toBe('x*(y*2)');
    expect(printExpression(parsed('x-(y-1)'))).toBe('x - (y - 1)');
    expect(printExpression(parsed('(x^y)^2'))).toBe('(x^y)^2');
  });

  it('round-trips: parsing the printed text gives back an equal tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (ast) => {
        const text = printExpression(ast);
        fc.pre(text.length <= MAX_EXPRESSION_LENGTH);
        expect(parsed(text)).toEqual(ast);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('expressionToTex', () => {
  it('writes fractions, powers, roots and functions with TeX commands', () => {
    expect(expressionToTex(parsed('x^2/10 + y^2'))).toBe('\\frac{{x}^{2}}{10} + {y}^{2}');
    expect(expressionToTex(parsed('sqrt(abs(x))*pi'))).toBe('\\sqrt{\\left|x\\right|} \\cdot \\pi');
    expect(expressionToTex(parsed('asin(x) - -y'))).toBe(
      '\\arcsin\\left(x\\right) - \\left(-y\\right)',
    );
    expect(expressionToTex(parsed('2e-7*x'))).toBe('2 \\times 10^{-7} \\cdot x');
  });

  it('contains only TeX built from the tree: no characters a user could smuggle in', () => {
    fc.assert(
      fc.property(exprArbitrary, (ast) => {
        const tex = expressionToTex(ast);
        // No raw user text: only digits, x, y, e, fixed command names, braces and operators.
        expect(tex).toMatch(/^[0-9a-zA-Z\\{}()|+\-.,^ ]*$/);
        expect(tex).not.toMatch(/\\(href|url|includegraphics|html|def|newcommand)/);
        const braces = [...tex].reduce(
          (depth, ch) => depth + (ch === '{' ? 1 : ch === '}' ? -1 : 0),
          0,
        );
        expect(braces).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
