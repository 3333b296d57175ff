import { describe, expect, it } from 'vitest';
import { NAMED_SURFACES, SURFACE_IDS, resolveSurface } from './index';

describe('resolveSurface', () => {
  it('finds every named surface by its id, in DESIGN order', () => {
    expect(SURFACE_IDS[0]).toBe('quadratic');
    expect(SURFACE_IDS).toHaveLength(12);
    for (const id of SURFACE_IDS) {
      const result = resolveSurface({ id });
      expect(result.ok && result.surface).toBe(NAMED_SURFACES[id]);
    }
  });

  it('names the field and lists the valid ids for an unknown id', () => {
    for (const id of ['nope', 'toString', '__proto__', '']) {
      const result = resolveSurface({ id });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.path).toBe('surface.id');
        expect(result.error.message).toContain('rosenbrock');
        expect(result.error.message).toContain('six-hump-camel');
      }
    }
  });

  it('compiles a typed expression, and reports a bad one at surface.expr with its column', () => {
    const good = resolveSurface({ expr: 'x^2/10 + y^2' });
    expect(good.ok && good.surface.f(1, 2)).toBe(4.1);
    const bad = resolveSurface({ expr: 'x^2 + 3y' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.path).toBe('surface.expr');
      expect(bad.error.message).toContain('column 8');
    }
  });

  it('returns the same compiled surface when the same source is typed again', () => {
    const first = resolveSurface({ expr: 'sin(x) + y^2' });
    for (let i = 0; i < 5; i++) resolveSurface({ expr: `x + ${i}` });
    const second = resolveSurface({ expr: 'sin(x) + y^2' });
    expect(first.ok && second.ok && first.surface === second.surface).toBe(true);
  });

  it('forgets the least recently used expressions once the cache is full', () => {
    const first = resolveSurface({ expr: 'x*y + 0.123' });
    for (let i = 0; i < 40; i++) resolveSurface({ expr: `x*y + ${i}` });
    const again = resolveSurface({ expr: 'x*y + 0.123' });
    expect(first.ok && again.ok && first.surface !== again.surface).toBe(true);
    expect(again.ok && again.surface.f(1, 1)).toBe(1.123);
  });
});
