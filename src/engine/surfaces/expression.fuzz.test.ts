/**
 * The expression pipeline never hangs: long and deep generated inputs, at and past the length and
 * depth limits, are parsed, compiled and evaluated (value, gradient and Hessian at a point, and a
 * grid) within a bound that only a super-linear path (exponential derivative trees, regex
 * backtracking, quadratic error reporting) could exceed. The parser's own property tests cover
 * correctness on small inputs (parser.test.ts, compile.test.ts); this file is about time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './expression';
import { sampleGridWithGradient } from './grid';
import { resolveSurface } from './index';
import { parseExpression } from './parser';

/**
 * Milliseconds one input may take end to end: ~300x what a linear pass needs here, so a loaded
 * machine passes, while an exponential path (2^60 nodes at the depth limit) never would.
 */
const BUDGET_MS = 1000;

const atom = fc.constantFrom('x', 'y', '2', '0.5', 'pi', 'e', '1e308', '1e-308', '0');
const unary = fc.constantFrom('sin', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'softplus');
const binaryFn = fc.constantFrom('min', 'max', 'pow');
const operator = fc.constantFrom('+', '-', '*', '/', '^', '**');

/** Deep shapes: every kind of nesting, to a depth drawn around the limit. */
const deep = fc
  .tuple(
    fc.integer({ min: 1, max: MAX_EXPRESSION_DEPTH + 40 }),
    fc.constantFrom('paren', 'call', 'pow', 'negate', 'binary', 'exp-tower', 'product-chain'),
    atom,
    unary,
    binaryFn,
  )
  .map(([n, shape, a, fn, bin]) => {
    switch (shape) {
      case 'paren':
        return '('.repeat(n) + a + ')'.repeat(n);
      case 'call':
        return `${fn}(`.repeat(n) + a + ')'.repeat(n);
      case 'pow':
        return Array.from({ length: n + 1 }, () => a).join('^');
      case 'negate':
        return '-'.repeat(n) + a;
      case 'binary':
        return `${bin}(x, `.repeat(n) + a + ')'.repeat(n);
      case 'exp-tower':
        return 'exp('.repeat(n) + 'x*y' + ')'.repeat(n);
      default:
        // (x*(x*(x*…))) with the variable reused at every level: a tree-shaped derivative
        // would double at each level; a DAG stays linear.
        return '(x*sin('.repeat(n) + 'y' + '))'.repeat(n);
    }
  });

/** Long flat shapes: up to and past the length limit. */
const long = fc
  .tuple(
    fc.array(fc.tuple(operator, atom), { minLength: 1, maxLength: 20 }),
    fc.integer({ min: 1, max: 120 }),
  )
  .map(
    ([pairs, times]) =>
      'x' +
      pairs
        .map(([op, a]) => op + a)
        .join('')
        .repeat(times),
  );

/** Random soup of tokens, brackets unbalanced, names unknown. */
const soup = fc
  .array(
    fc.oneof(
      atom,
      unary,
      binaryFn,
      operator,
      fc.constantFrom('(', ')', ',', ' ', 'xyz', 'sinx', '1.2.3', '%', '\u0000'),
    ),
    { maxLength: 400 },
  )
  .map((tokens) => tokens.join(''));

/** Many copies of a deep subexpression side by side: size near the length limit, depth near its own. */
const wideAndDeep = fc
  .tuple(fc.integer({ min: 5, max: 30 }), fc.integer({ min: 2, max: 40 }), unary)
  .map(([depth, copies, fn]) => {
    const one = `${fn}(`.repeat(depth) + 'x*y' + ')'.repeat(depth);
    return Array.from({ length: copies }, () => one).join('+');
  });

const input = fc.oneof(deep, long, soup, wideAndDeep);

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('typed expressions under long and deep input', () => {
  it(
    'parse, compile and evaluate at a point within the budget, never throwing',
    { timeout: 120_000 },
    () => {
      let slowest = 0;
      fc.assert(
        fc.property(input, (src) => {
          const { ms } = timed(() => {
            const parsed = parseExpression(src);
            if (src.length > MAX_EXPRESSION_LENGTH) expect(parsed.ok).toBe(false);
            const resolved = resolveSurface({ expr: src });
            expect(resolved.ok).toBe(parsed.ok);
            if (!resolved.ok) {
              expect(resolved.error.path).toBe('surface.expr');
              expect(resolved.error.message).toMatch(/\(column \d+\)$/);
              expect(resolved.error.message.length).toBeLessThan(300);
              return;
            }
            const g = new Float64Array(2);
            const h = new Float64Array(3);
            const f = resolved.surface.grad(0.3, -0.7, g);
            resolved.surface.hessian(0.3, -0.7, h);
            // Any number is fine (NaN included); what matters is that a number came back.
            expect(typeof f).toBe('number');
          });
          slowest = Math.max(slowest, ms);
          expect(ms).toBeLessThan(BUDGET_MS);
        }),
        { numRuns: 1500 },
      );
      expect(slowest).toBeLessThan(BUDGET_MS);
    },
  );

  it(
    'the costliest legal expressions sample a 64² grid with gradients within the budget',
    { timeout: 60_000 },
    () => {
      const d = MAX_EXPRESSION_DEPTH - 2;
      const worst = [
        '(x*sin('.repeat(Math.floor(d / 2)) + 'y' + '))'.repeat(Math.floor(d / 2)),
        'exp('.repeat(d) + 'x*y' + ')'.repeat(d),
        Array.from({ length: d }, () => 'x').join('^'),
        Array.from({ length: 24 }, () => 'softplus(sin(sigmoid(x*y)))^2')
          .join('+')
          .slice(0, MAX_EXPRESSION_LENGTH),
        'max(x, '.repeat(d) + 'y' + ')'.repeat(d),
      ];
      for (const src of worst) {
        const resolved = resolveSurface({ expr: src });
        if (!resolved.ok) continue; // cut mid-token by the slice: still a valid test of the others
        const { ms } = timed(() =>
          sampleGridWithGradient(resolved.surface, { x: [-2, 2], y: [-2, 2] }, 64, 64),
        );
        expect(ms, src.slice(0, 40)).toBeLessThan(BUDGET_MS * 4);
      }
    },
  );
});
