import { describe, expect, it } from 'vitest';
import { linePath } from './path';

const identity = (v: number): number => v;

describe('linePath', () => {
  it('draws every step of a short run through its values', () => {
    const d = linePath(new Float64Array([5, 3, 1]), 3, (i) => i * 10, identity);
    expect(d).toBe('M0,5L10,3L20,1');
  });

  it('ignores values past the finite prefix', () => {
    const d = linePath(new Float64Array([5, 3, 1, 0]), 2, (i) => i, identity);
    expect(d).toBe('M0,5L1,3');
  });

  it('keeps a single-step spike visible when a long run is decimated', () => {
    const values = new Float64Array(20_000).fill(1);
    values[12_345] = 1000;
    const d = linePath(values, values.length, identity, identity, 400);
    const points = d.split(/[ML]/).filter(Boolean);
    expect(points.length).toBeLessThanOrEqual(402);
    expect(d).toContain(',1000');
    expect(d.endsWith('L19999,1')).toBe(true);
  });

  it('breaks the line at a non-finite value instead of joining across it', () => {
    const d = linePath(new Float64Array([1, Number.POSITIVE_INFINITY, 3]), 3, identity, identity);
    expect(d).toBe('M0,1M2,3');
  });
});
