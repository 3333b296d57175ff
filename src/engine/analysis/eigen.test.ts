import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAMED_SURFACES } from '../surfaces';
import { symmetricEigen2 } from './eigen';
import { localStability } from './stability';

function residual(
  a: number,
  b: number,
  c: number,
  lambda: number,
  v: readonly [number, number],
): number {
  return Math.hypot(a * v[0] + b * v[1] - lambda * v[0], b * v[0] + c * v[1] - lambda * v[1]);
}

describe('symmetricEigen2', () => {
  it('satisfies A v = λ v with orthonormal vectors for any symmetric matrix', () => {
    const entry = fc.oneof(
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.constant(0),
      fc.constant(1),
    );
    fc.assert(
      fc.property(entry, entry, entry, (a, b, c) => {
        const e = symmetricEigen2(a, b, c);
        const scale = Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c));
        expect(e.lambdaMin).toBeLessThanOrEqual(e.lambdaMax);
        expect(residual(a, b, c, e.lambdaMin, e.vMin)).toBeLessThan(1e-9 * scale);
        expect(residual(a, b, c, e.lambdaMax, e.vMax)).toBeLessThan(1e-9 * scale);
        expect(Math.hypot(...e.vMin)).toBeCloseTo(1, 12);
        expect(Math.hypot(...e.vMax)).toBeCloseTo(1, 12);
        expect(e.vMin[0] * e.vMax[0] + e.vMin[1] * e.vMax[1]).toBeCloseTo(0, 12);
        expect(e.lambdaMin + e.lambdaMax).toBeCloseTo(a + c, 6);
      }),
      { numRuns: 500 },
    );
  });

  it('returns the axes when the off-diagonal is 0, in either order of the diagonal', () => {
    const wide = symmetricEigen2(3, 0, 1);
    expect([wide.lambdaMin, wide.lambdaMax]).toEqual([1, 3]);
    expect(Math.abs(wide.vMax[0])).toBe(1);
    expect(Math.abs(wide.vMin[1])).toBe(1);
    const tall = symmetricEigen2(1, 0, 3);
    expect([tall.lambdaMin, tall.lambdaMax]).toEqual([1, 3]);
    expect(Math.abs(tall.vMax[1])).toBeCloseTo(1, 15);
    expect(Math.abs(tall.vMin[0])).toBeCloseTo(1, 15);
  });

  it('handles equal eigenvalues (a multiple of the identity) without NaN', () => {
    const e = symmetricEigen2(2, 0, 2);
    expect([e.lambdaMin, e.lambdaMax]).toEqual([2, 2]);
    expect(residual(2, 0, 2, 2, e.vMin)).toBe(0);
    expect(residual(2, 0, 2, 2, e.vMax)).toBe(0);
    const zero = symmetricEigen2(0, 0, 0);
    expect([zero.lambdaMin, zero.lambdaMax]).toEqual([0, 0]);
    expect(zero.vMax.every(Number.isFinite)).toBe(true);
  });

  it('keeps the small eigenvalue of an ill-conditioned matrix accurate', () => {
    // [[1e8, 1], [1, 1e-6]]: λ_min = det/λ_max ≈ (1e2 − 1)/1e8; m − r would lose every digit.
    const e = symmetricEigen2(1e8, 1, 1e-6);
    expect(e.lambdaMin / 9.9e-7).toBeCloseTo(1, 6);
    expect(residual(1e8, 1, 1e-6, e.lambdaMin, e.vMin)).toBeLessThan(1e-12);
  });
});

describe('localStability', () => {
  /** Central differences of the exact gradient: an independent estimate of the Hessian. */
  function finiteDifferenceHessian(id: string, x: number, y: number): [number, number, number] {
    const s = NAMED_SURFACES[id]!;
    const h = 1e-5;
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    s.grad(x + h, y, gp);
    s.grad(x - h, y, gm);
    const fxx = (gp[0]! - gm[0]!) / (2 * h);
    const fyx = (gp[1]! - gm[1]!) / (2 * h);
    s.grad(x, y + h, gp);
    s.grad(x, y - h, gm);
    const fxy = (gp[0]! - gm[0]!) / (2 * h);
    const fyy = (gp[1]! - gm[1]!) / (2 * h);
    return [fxx, (fxy + fyx) / 2, fyy];
  }

  it.each([
    ['himmelblau', 1, -1],
    ['himmelblau', 3, 2],
    ['rosenbrock', -1.2, 1],
    ['beale', 1, 0.5],
    ['six-hump-camel', 0.5, -0.3],
    ['rastrigin', 0.3, 1.7],
  ])(
    'its eigenvalues on %s at (%d, %d) match finite differences of the exact gradient',
    (id, x, y) => {
      const [a, b, c] = finiteDifferenceHessian(id, x, y);
      const numeric = symmetricEigen2(a, b, c);
      const exact = localStability(NAMED_SURFACES[id]!, x, y);
      const scale = Math.max(1, Math.abs(exact.lambdaMax), Math.abs(exact.lambdaMin));
      expect(Math.abs(exact.lambdaMin - numeric.lambdaMin)).toBeLessThan(1e-5 * scale);
      expect(Math.abs(exact.lambdaMax - numeric.lambdaMax)).toBeLessThan(1e-5 * scale);
      // Same stiffest direction (up to sign).
      const dot = exact.vMax[0] * numeric.vMax[0] + exact.vMax[1] * numeric.vMax[1];
      if (exact.lambdaMax - exact.lambdaMin > 1e-3 * scale) expect(Math.abs(dot)).toBeCloseTo(1, 6);
    },
  );

  it("reads the notes' quadratic as a bowl with condition number 10 and critical lr 1", () => {
    const s = localStability(NAMED_SURFACES.quadratic!, -4, 2);
    expect(s.lambdaMin).toBeCloseTo(0.2, 15);
    expect(s.lambdaMax).toBeCloseTo(2, 15);
    expect(s.condition).toBeCloseTo(10, 12);
    expect(s.criticalLr).toBeCloseTo(1, 15);
    expect(s.curvature).toBe('bowl');
  });

  it('calls the saddle a saddle, and the monkey saddle at the origin flat with infinite condition', () => {
    const saddle = localStability(NAMED_SURFACES.saddle!, 0.5, 0.5);
    expect(saddle.curvature).toBe('saddle');
    expect(saddle.condition).toBeCloseTo(1, 15);
    const monkey = localStability(NAMED_SURFACES['monkey-saddle']!, 0, 0);
    expect(monkey.curvature).toBe('flat');
    expect(monkey.condition).toBe(Infinity);
    expect(monkey.criticalLr).toBe(Infinity);
  });
});
