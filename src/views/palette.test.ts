import { interpolateRgbBasis, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { heatColor, heatRgb, optimizerStyle, PALETTE } from './palette';

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

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The backgrounds an optimizer's colour is drawn on (theme.css): the light figure and panels,
// and the dark theme's panel and page, where the legend, the tabs and the list sit.
const LIGHT = ['#ffffff', '#fdfdfb'];
const DARK = ['#1c222b', '#12161c'];

describe('optimizer colours', () => {
  it('Adam in the notes’ seven-optimizer scene (slot 6) reads on both themes (≥ 3:1)', () => {
    const adam = optimizerStyle({ type: 'adam', lr: 0.1 }, 6).color;
    for (const background of [...LIGHT, ...DARK]) {
      expect(contrast(adam, background), background).toBeGreaterThanOrEqual(3);
    }
  });

  it('no slot disappears on the dark theme (≥ 2:1 against its panel and page)', () => {
    for (const color of PALETTE) {
      for (const background of DARK) {
        expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
