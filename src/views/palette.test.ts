import { interpolateRgbBasis, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { heatColor, heatRgb } from './palette';

describe('the heat-map colours', () => {
  const d3Heat = interpolateRgbBasis([
    '#fdfdfb',
    '#f0f2f5',
    '#e0e6ee',
    '#cbd4e1',
    '#b4c0d2',
    '#9dabc2',
  ]);

  it("equal d3's interpolateRgbBasis over the same stops, text and bytes", () => {
    for (let k = -2; k <= 202; k++) {
      const t = k / 200;
      expect(heatColor(t), `t = ${t}`).toBe(d3Heat(t));
      const c = rgb(d3Heat(t));
      expect(heatRgb(t)).toEqual([c.r, c.g, c.b]);
    }
  });

  it('run from light (low loss) to darker (high loss)', () => {
    const sum = (t: number): number => heatRgb(t).reduce((a, b) => a + b, 0);
    expect(sum(0)).toBeGreaterThan(sum(0.5));
    expect(sum(0.5)).toBeGreaterThan(sum(1));
  });
});
