/**
 * Helpers shared by the surface tests: torch fixture decoding and finite-difference derivatives.
 * Test-only; nothing in the app imports this module.
 */
import type { Surface } from '../types';

/** A number from the torch fixture, where non-finite values are stored as strings. */
export function fromFixture(value: number | string): number {
  if (typeof value === 'number') return value;
  if (value === 'nan') return NaN;
  return value === 'inf' ? Infinity : -Infinity;
}

/** Whether `actual` equals `expected` to a relative tolerance, with NaN equal to NaN and infinities exact. */
export function closeTo(actual: number, expected: number, tolerance: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance * (1 + Math.abs(expected));
}

/**
 * Central difference of g at t, Richardson-extrapolated (error O(h⁴)), so a small tolerance
 * separates an exact derivative from a wrong one.
 */
export function richardson(g: (t: number) => number, t: number, h: number): number {
  const central = (step: number): number => (g(t + step) - g(t - step)) / (2 * step);
  return (4 * central(h / 2) - central(h)) / 3;
}

/** Finite-difference gradient of surface.f at (x, y); `step` scales the difference step (1e-4 relative). */
export function numericGradient(
  surface: Surface,
  x: number,
  y: number,
  step = 1,
): [number, number] {
  const h = step * 1e-4 * Math.max(1, Math.abs(x), Math.abs(y));
  return [richardson((t) => surface.f(t, y), x, h), richardson((t) => surface.f(x, t), y, h)];
}

/** Finite-difference Hessian [f_xx, f_xy, f_yy] from the surface's own gradient. */
export function numericHessian(surface: Surface, x: number, y: number): [number, number, number] {
  const h = 1e-4 * Math.max(1, Math.abs(x), Math.abs(y));
  const g = new Float64Array(2);
  const gx = (px: number, py: number): number => (surface.grad(px, py, g), g[0]!);
  const gy = (px: number, py: number): number => (surface.grad(px, py, g), g[1]!);
  return [
    richardson((t) => gx(t, y), x, h),
    richardson((t) => gx(x, t), y, h),
    richardson((t) => gy(x, t), y, h),
  ];
}
