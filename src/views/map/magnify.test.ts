import { describe, expect, it } from 'vitest';
import { magnification } from './magnify';

describe('magnification', () => {
  it('leaves vectors of 40 px or more, and nothing, as they are', () => {
    expect(magnification(40)).toBe(1);
    expect(magnification(300)).toBe(1);
    expect(magnification(0)).toBe(1);
    expect(magnification(Number.NaN)).toBe(1);
  });

  it('picks the largest round factor that keeps the longest vector within 60 px', () => {
    for (const px of [39, 12, 3.3, 0.7, 0.004]) {
      const f = magnification(px);
      expect(f * px).toBeLessThanOrEqual(60);
      expect(f * px).toBeGreaterThan(60 / 2.5); // the next round factor is at most 2.5× larger
      const digits = f / 10 ** Math.floor(Math.log10(f));
      expect([1, 2, 5].some((d) => Math.abs(digits - d) < 1e-9)).toBe(true);
    }
  });
});
