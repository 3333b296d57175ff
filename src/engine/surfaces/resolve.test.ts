import { describe, expect, it, vi } from 'vitest';

describe('resolveSurface before and after the expression compiler loads', () => {
  it('resolves named surfaces without the compiler, refuses an expression loudly, then compiles it', async () => {
    vi.resetModules();
    // A fresh copy of the module, as the app's first bundle has it: no compiler registered.
    const resolve = await import('./resolve');
    expect(resolve.expressionsLoaded()).toBe(false);
    const named = resolve.resolveSurface({ id: 'rosenbrock' });
    expect(named.ok && named.surface.f(1, 1)).toBe(0);
    expect(() => resolve.resolveSurface({ expr: 'x^2 + y^2' })).toThrow(
      resolve.ExpressionsNotLoaded,
    );
    await resolve.loadExpressions();
    expect(resolve.expressionsLoaded()).toBe(true);
    const typed = resolve.resolveSurface({ expr: 'x^2 + 3*y^2' });
    expect(typed.ok && typed.surface.f(1, 2)).toBe(13);
    const bad = resolve.resolveSurface({ expr: 'x^^2' });
    expect(bad.ok).toBe(false);
  });
});
