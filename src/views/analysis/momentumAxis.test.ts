import { describe, expect, it } from 'vitest';
import { decadeTicks, momentumPlotSize } from './momentumAxis';

describe('the (lr, μ) map', () => {
  it('grows with its room, within bounds, keeping its shape', () => {
    expect(momentumPlotSize(300).w).toBe(246);
    expect(momentumPlotSize(440).w).toBeGreaterThan(momentumPlotSize(300).w);
    expect(momentumPlotSize(100).w).toBe(120);
    expect(momentumPlotSize(3000).w).toBe(520);
    const { w, h } = momentumPlotSize(400);
    expect(w / h).toBeCloseTo(1 / 0.6, 1);
  });

  it('labels every decade when there is room, fewer when narrow, the last one always', () => {
    // 9.559·10⁻⁷ … 9.559·10⁻³: four decades, 10⁻⁶ to 10⁻³.
    expect(decadeTicks(9.559e-7, 9.559e-3, 300)).toEqual([-6, -5, -4, -3]);
    expect(decadeTicks(9.559e-7, 9.559e-3, 120)).toEqual([-5, -3]);
    // An exact power of ten at either end is labelled.
    expect(decadeTicks(1e-4, 1, 400)).toEqual([-4, -3, -2, -1, 0]);
  });
});
