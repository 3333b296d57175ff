import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile';
import fixture from './fixtures/torch.json';
import { sampleGridWithGradient } from './grid';
import { quadratic } from './named';
import { parseExpression } from './parser';
import { closeTo, fromFixture, numericGradient, numericHessian } from './testing';

function compile(src: string) {
  const result = parseExpression(src);
  if (!result.ok) throw new Error(`${src}: ${result.error.message}`);
  return compileExpression(result.ast, src);
}

function derivatives(src: string, x: number, y: number) {
  const surface = compile(src);
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const f = surface.grad(x, y, g);
  surface.hessian(x, y, h);
  return { f, grad: [g[0], g[1]], hessian: [h[0], h[1], h[2]] };
}

const sameNumber = (a: number, b: number): boolean =>
  Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('compileExpression', () => {
  it('makes x^2/10 + y^2 the named quadratic, bit for bit, everywhere', () => {
    const compiled = compile('x^2/10 + y^2');
    const g1 = new Float64Array(2);
    const g2 = new Float64Array(2);
    const h1 = new Float64Array(3);
    const h2 = new Float64Array(3);
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (x, y) => {
          expect(compiled.f(x, y)).toBe(quadratic.f(x, y));
          expect(compiled.grad(x, y, g1)).toBe(quadratic.grad(x, y, g2));
          expect([...g1]).toEqual([...g2]);
          compiled.hessian(x, y, h1);
          quadratic.hessian(x, y, h2);
          expect([...h1]).toEqual([...h2]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('describes itself as an expression surface with the default view and TeX from the tree', () => {
    const surface = compile('  sin(x)*y ');
    expect(surface.id).toBe('expr');
    expect(surface.label).toBe('sin(x)*y');
    expect(surface.tex).toBe('\\sin\\left(x\\right) \\cdot y');
    expect(surface.domain).toEqual({ x: [-5, 5], y: [-5, 5] });
    expect(surface.minima).toEqual([]);
  });

  it('agrees with torch autograd on values, gradients and Hessians, kinks included', () => {
    // One documented difference: at pow's masked points (base 0) torch's double backward turns the
    // masked branch's 0·∞ into NaN; our masked derivative stays 0 there. Values and gradients agree.
    const hessianDiffers = (src: string, point: number[]): boolean =>
      src === 'pow(abs(x), y)' && point[0] === 0 && point[1]! >= 0;
    let checked = 0;
    for (const [src, cases] of Object.entries(fixture.expressions)) {
      for (const c of cases) {
        const [x, y] = c.point as [number, number];
        const got = derivatives(src, x, y);
        const where = `${src} at (${x}, ${y})`;
        expect(closeTo(got.f, fromFixture(c.f), 1e-12), `${where}: f`).toBe(true);
        c.grad.forEach((v, k) => {
          expect(
            closeTo(got.grad[k]!, fromFixture(v), 1e-10),
            `${where}: grad[${k}] = ${got.grad[k]}`,
          ).toBe(true);
        });
        if (hessianDiffers(src, c.point)) continue;
        c.hessian.forEach((v, k) => {
          expect(
            closeTo(got.hessian[k]!, fromFixture(v), 1e-9),
            `${where}: hessian[${k}] = ${got.hessian[k]}`,
          ).toBe(true);
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("takes torch's choice at kinks: abs'(0) = 0, ties split 0.5/0.5, sqrt'(0) = inf", () => {
    expect(derivatives('abs(x) + abs(y)', 0, 0).grad).toEqual([0, 0]);
    expect(derivatives('max(x, y)', 1, 1).grad).toEqual([0.5, 0.5]);
    expect(derivatives('min(x, y)', -2, -2).grad).toEqual([0.5, 0.5]);
    expect(derivatives('max(x, y)', 2, 1).grad).toEqual([1, 0]);
    expect(derivatives('sqrt(x)', 0, 0).grad).toEqual([Infinity, 0]);
    // √(x²+y²) at the origin: ∞·0, NaN in torch as here (the named ackley uses the norm form instead).
    expect(derivatives('sqrt(x^2 + y^2)', 0, 0).grad.every(Number.isNaN)).toBe(true);
    // A variable the term does not contain gets no gradient from it, as in torch.
    expect(derivatives('sqrt(y) + x', 3, 0).grad).toEqual([1, Infinity]);
  });

  it('keeps the exact IEEE value of what the user typed (no algebraic rewriting)', () => {
    expect(Number.isNaN(compile('0*log(x)').f(-1, 0))).toBe(true);
    expect(compile('x - x').f(Infinity, 0)).toBeNaN();
    expect(compile('(x + 1e16) - 1e16').f(1, 0)).toBe(0);
  });
});

/** Smooth expressions (no kinks, no poles) whose derivatives finite differences can check. */
const smoothArbitrary: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom('x', 'y', '0.5', '2', '3', 'pi', 'e'),
    tie('expr').map((u) => `-(${u})`),
    fc
      .tuple(fc.constantFrom('+', '-', '*'), tie('expr'), tie('expr'))
      .map(([op, a, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) / (1 + (${b})^2)`),
    fc.tuple(tie('expr'), fc.constantFrom('2', '3')).map(([a, n]) => `(${a})^${n}`),
    fc
      .tuple(fc.constantFrom('sin', 'cos', 'tanh', 'atan', 'sigmoid', 'softplus'), tie('expr'))
      .map(([fn, a]) => `${fn}(${a})`),
    tie('expr').map((a) => `exp(sin(${a}))`),
    tie('expr').map((a) => `log(2 + cos(${a}))`),
    tie('expr').map((a) => `sqrt(1 + (${a})^2)`),
    tie('expr').map((a) => `2^sin(${a})`),
    // Exponent kept away from 0, where pow's derivative is masked as in torch (see graph.ts).
    tie('expr').map((a) => `pow(1.5 + tanh(${a}), 0.5 + sigmoid(y))`),
    tie('expr').map((a) => `asin(0.5*sin(${a})) + acos(0.5*cos(${a}))`),
    tie('expr').map((a) => `sinh(tanh(${a})) * cosh(tanh(${a})) + tan(0.5*sin(${a}))`),
  ),
})).expr;

const coordinate = fc.double({ min: -2, max: 2, noNaN: true });

describe('compiled derivatives', () => {
  it('match finite differences of the value where the function is smooth', () => {
    const g = new Float64Array(2);
    fc.assert(
      fc.property(smoothArbitrary, coordinate, coordinate, (src, x, y) => {
        fc.pre(src.length <= 1000);
        const surface = compile(src);
        const f = surface.grad(x, y, g);
        fc.pre(Number.isFinite(f) && Math.abs(f) < 1e4);
        const [nx, ny] = numericGradient(surface, x, y);
        // The reference's own error, from a second step size: near a fast oscillation (sin(y⁹) at
        // y = 1.8, found by fast-check) the O(h⁴) truncation outgrew the fixed tolerance.
        const [hx, hy] = numericGradient(surface, x, y, 2);
        const tolerance = 1e-6 * (1 + Math.abs(f));
        expect(Math.abs(g[0]! - nx), `${src} ∂x at (${x}, ${y})`).toBeLessThan(
          tolerance * (1 + Math.abs(nx)) + 10 * Math.abs(nx - hx),
        );
        expect(Math.abs(g[1]! - ny), `${src} ∂y at (${x}, ${y})`).toBeLessThan(
          tolerance * (1 + Math.abs(ny)) + 10 * Math.abs(ny - hy),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('give a Hessian that matches finite differences of the gradient', () => {
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    fc.assert(
      fc.property(smoothArbitrary, coordinate, coordinate, (src, x, y) => {
        fc.pre(src.length <= 1000);
        const surface = compile(src);
        const f = surface.grad(x, y, g);
        fc.pre(Number.isFinite(f) && Math.abs(f) < 1e4 && Math.hypot(g[0]!, g[1]!) < 1e4);
        surface.hessian(x, y, h);
        const numeric = numericHessian(surface, x, y);
        const scale = 1 + Math.abs(f) + Math.hypot(g[0]!, g[1]!);
        numeric.forEach((expected, k) => {
          expect(Math.abs(h[k]! - expected), `${src} H[${k}] at (${x}, ${y})`).toBeLessThan(
            1e-5 * scale * (1 + Math.abs(expected)),
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('fill a grid exactly as point-by-point evaluation does, for any expression', () => {
    const anyExpression = fc.oneof(
      smoothArbitrary,
      fc.constantFrom(
        'abs(x) - max(x, y) + min(y, 1)',
        'sqrt(x) * log(y)',
        'pow(x, y) + x^0.5',
        'y',
        '3',
        'x',
        'cos(y) * 2 + sin(x)',
        'sigmoid(x*y) / softplus(y - x)',
      ),
    );
    fc.assert(
      fc.property(anyExpression, (src) => {
        fc.pre(src.length <= 1000);
        const surface = compile(src);
        const domain = { x: [-2, 3], y: [-1, 2] } as const;
        const width = 7;
        const height = 5;
        const grid = sampleGridWithGradient(surface, domain, width, height);
        const g = new Float64Array(2);
        for (let j = 0; j < height; j++) {
          for (let i = 0; i < width; i++) {
            const x = -2 + ((i + 0.5) * 5) / width;
            const y = 2 - ((j + 0.5) * 3) / height;
            const k = j * width + i;
            const f = surface.grad(x, y, g);
            expect(sameNumber(grid.value[k]!, f), `${src} f at (${x}, ${y})`).toBe(true);
            expect(sameNumber(grid.gradX[k]!, g[0]!), `${src} ∂x at (${x}, ${y})`).toBe(true);
            expect(sameNumber(grid.gradY[k]!, g[1]!), `${src} ∂y at (${x}, ${y})`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stay fast and correct for the deepest and longest accepted inputs', { timeout: 5000 }, () => {
    const deep = 'sin('.repeat(60) + 'x*y' + ')'.repeat(60);
    const tower = 'x^'.repeat(30) + '1.01';
    const long = Array.from({ length: 90 }, (_, i) => `sin(${i}*x)`).join('+');
    for (const src of [deep, tower, long]) {
      const surface = compile(src);
      const [x, y] = [0.7, 0.4];
      const g = new Float64Array(2);
      surface.grad(x, y, g);
      const [nx, ny] = numericGradient(surface, x, y);
      expect(closeTo(g[0]!, nx, 1e-5), src.slice(0, 20)).toBe(true);
      expect(closeTo(g[1]!, ny, 1e-5), src.slice(0, 20)).toBe(true);
    }
  });
});
