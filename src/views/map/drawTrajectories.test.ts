import { describe, expect, it } from 'vitest';
import { clipSegment } from './drawTrajectories';

describe('clipping a path segment to the plot', () => {
  it('keeps a segment inside whole', () => {
    expect(clipSegment(1, 1, 5, 5, 0, 0, 10, 10)).toEqual([0, 1]);
  });

  it('cuts a segment from inside to far away at the edge', () => {
    const [a, b] = clipSegment(5, 5, 5, 1e9, 0, 0, 10, 10)!;
    expect(a).toBe(0);
    expect(5 + b * (1e9 - 5)).toBeCloseTo(10, 6);
  });

  it('keeps the middle of a segment that crosses the plot from outside to outside', () => {
    const [a, b] = clipSegment(-100, 5, 100, 5, 0, 0, 10, 10)!;
    expect(-100 + a * 200).toBeCloseTo(0, 9);
    expect(-100 + b * 200).toBeCloseTo(10, 9);
  });

  it('drops a segment that misses the plot', () => {
    expect(clipSegment(-100, -5, 100, -5, 0, 0, 10, 10)).toBeNull();
    expect(clipSegment(20, 20, 1e6, 1e6, 0, 0, 10, 10)).toBeNull();
  });
});
