import { describe, expect, it } from 'vitest';
import fixture from './fixtures/torch.json';
import { NAMED_SURFACE_LIST, ackley } from './named';
import { closeTo, fromFixture, numericGradient, numericHessian } from './testing';

/** Deterministic pseudo-random points inside a surface's default view. */
function pointsIn(
  domain: { x: readonly [number, number]; y: readonly [number, number] },
  n: number,
) {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from(
    { length: n },
    () =>
      [
        domain.x[0] + next() * (domain.x[1] - domain.x[0]),
        domain.y[0] + next() * (domain.y[1] - domain.y[0]),
      ] as const,
  );
}

describe('named surfaces', () => {
  it('come in the DESIGN.md order with the DESIGN ids, then the sum of bumps', () => {
    expect(NAMED_SURFACE_LIST.map((s) => s.id)).toEqual([
      'quadratic',
      'rosenbrock',
      'beale',
      'himmelblau',
      'booth',
      'rastrigin',
      'saddle',
      'monkey-saddle',
      'six-hump-camel',
      'styblinski-tang',
      'ackley',
      'bumps',
    ]);
  });

  for (const surface of NAMED_SURFACE_LIST) {
    describe(surface.id, () => {
      it('has a gradient that matches central differences of its value', () => {
        const g = new Float64Array(2);
        for (const [x, y] of pointsIn(surface.domain, 25)) {
          const value = surface.grad(x, y, g);
          expect(value).toBe(surface.f(x, y));
          const [nx, ny] = numericGradient(surface, x, y);
          const scale = 1e-7 * (1 + Math.abs(value));
          expect(Math.abs(g[0]! - nx)).toBeLessThan(scale * (1 + Math.abs(nx)));
          expect(Math.abs(g[1]! - ny)).toBeLessThan(scale * (1 + Math.abs(ny)));
        }
      });

      it('has a Hessian that matches central differences of its gradient', () => {
        const h = new Float64Array(3);
        for (const [x, y] of pointsIn(surface.domain, 25)) {
          surface.hessian(x, y, h);
          const numeric = numericHessian(surface, x, y);
          numeric.forEach((expected, k) => {
            expect(closeTo(h[k]!, expected, 1e-6)).toBe(true);
          });
        }
      });

      it('agrees with torch autograd on the DESIGN.md formula', () => {
        const cases = (fixture.named as Record<string, typeof fixture.named.quadratic>)[surface.id];
        expect(cases?.length).toBeGreaterThan(0);
        const g = new Float64Array(2);
        const h = new Float64Array(3);
        for (const c of cases ?? []) {
          const [x, y] = c.point as [number, number];
          expect(closeTo(surface.grad(x, y, g), fromFixture(c.f), 1e-12)).toBe(true);
          surface.hessian(x, y, h);
          c.grad.forEach((v, k) => expect(closeTo(g[k]!, fromFixture(v), 1e-11)).toBe(true));
          c.hessian.forEach((v, k) => expect(closeTo(h[k]!, fromFixture(v), 1e-11)).toBe(true));
        }
      });

      it('has a zero gradient at each listed minimum, and no lower value nearby', () => {
        const g = new Float64Array(2);
        for (const [x, y] of surface.minima) {
          const value = surface.grad(x, y, g);
          expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-9);
          for (const [dx, dy] of [
            [1e-3, 0],
            [-1e-3, 0],
            [0, 1e-3],
            [0, -1e-3],
            [1e-3, 1e-3],
          ] as const) {
            expect(surface.f(x + dx, y + dy)).toBeGreaterThanOrEqual(value);
          }
          expect(x).toBeGreaterThanOrEqual(surface.domain.x[0]);
          expect(x).toBeLessThanOrEqual(surface.domain.x[1]);
          expect(y).toBeGreaterThanOrEqual(surface.domain.y[0]);
          expect(y).toBeLessThanOrEqual(surface.domain.y[1]);
        }
      });

      it('carries a TeX formula and a non-empty view', () => {
        expect(surface.tex).toMatch(/^f\(x, y\) = /);
        expect(surface.domain.x[1]).toBeGreaterThan(surface.domain.x[0]);
        expect(surface.domain.y[1]).toBeGreaterThan(surface.domain.y[0]);
      });
    });
  }

  it('lists the four minima of himmelblau, the two global ones of the camel, none for saddles', () => {
    const count = (id: string): number =>
      NAMED_SURFACE_LIST.find((s) => s.id === id)?.minima.length ?? -1;
    expect(count('himmelblau')).toBe(4);
    expect(count('six-hump-camel')).toBe(2);
    expect(count('saddle')).toBe(0);
    expect(count('monkey-saddle')).toBe(0);
  });

  it("ackley's gradient at its minimum is exactly zero (torch's norm subgradient), so a run there stays put", () => {
    const g = new Float64Array(2);
    expect(ackley.grad(0, 0, g)).toBeCloseTo(0, 12);
    expect([g[0], g[1]]).toEqual([0, 0]);
    const h = new Float64Array(3);
    ackley.hessian(0, 0, h);
    // The cone has no Hessian at its tip; torch's double backward says NaN, and so do we.
    expect(Number.isNaN(h[0]!)).toBe(true);
  });
});
