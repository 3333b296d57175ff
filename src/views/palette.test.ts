import { describe, expect, it } from 'vitest';
import { optimizerStyle, PALETTE } from './palette';

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
