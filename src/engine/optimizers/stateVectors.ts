/** Small readers of a family's `inspect()` state as 2-D vectors, for its glyphs and arrows. */
import type { DomainPoint, OptimizerInspection } from '../types';

/** State entry `key` as a point, when it is a vector. */
export function vec(state: OptimizerInspection, key: string): DomainPoint | undefined {
  const v = state[key];
  return Array.isArray(v) && v.length >= 2 ? [v[0] as number, v[1] as number] : undefined;
}

/** State entry `key` when it is a number. */
export function num(state: OptimizerInspection, key: string): number | undefined {
  const v = state[key];
  return typeof v === 'number' ? v : undefined;
}

export const times = (s: number, v: DomainPoint): DomainPoint => [s * v[0], s * v[1]];

export const each = (
  a: DomainPoint,
  b: DomainPoint,
  f: (x: number, y: number) => number,
): DomainPoint => [f(a[0], b[0]), f(a[1], b[1])];
