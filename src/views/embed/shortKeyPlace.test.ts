import { describe, expect, it } from 'vitest';
import { placeShortKey } from './shortKeyPlace';

const panel = { width: 388, height: 220 };
const key = { width: 100, height: 45 };

describe("a short embed's key", () => {
  it('sits beside the plot, level with its top, when the letter-box holds it', () => {
    const plot = { left: 60, top: 10, width: 200, height: 180 };
    expect(placeShortKey({ panel, plot, key, points: [] })).toEqual({
      left: 268,
      top: 10,
      mapAtStart: false,
    });
  });

  it('takes the corner of the plot that covers no path when the letter-box is too narrow', () => {
    // 400 x 300's plot: 23 px of letter-box on its right.
    const plot = { left: 60, top: 10, width: 305, height: 183 };
    const inTopRight = [330, 30, 340, 40];
    const inTopLeft = [80, 30];
    const inBottomRight = [330, 170];
    const at = (points: number[]) => {
      const { left, top } = placeShortKey({ panel, plot, key, points });
      return { left, top };
    };
    // Nothing drawn near a corner: the top-right one.
    expect(at([200, 100])).toEqual({ left: 261, top: 14 });
    // A path through the top-right corner: the top-left one.
    expect(at([...inTopRight, 200, 100])).toEqual({ left: 64, top: 14 });
    // Paths through both top corners: the bottom-right one.
    expect(at([...inTopRight, ...inTopLeft])).toEqual({ left: 261, top: 144 });
    // Every corner covered: the one covering the fewest points.
    expect(at([...inTopRight, ...inTopLeft, ...inBottomRight, 70, 170, 72, 172])).toEqual({
      left: 64,
      top: 14,
    });
  });

  it("moves the map to its row's start when only both letter-boxes together hold the key", () => {
    // 320 x 240: a 107 px plot centred in a 308 px panel, 82 px free on its right.
    const small = { width: 308, height: 108 };
    const plot = { left: 119, top: 10, width: 107, height: 64 };
    const row = { slack: 120, atStart: false };
    const wide = { width: 100, height: 31 };
    const placed = placeShortKey({ panel: small, plot, key: wide, points: [], row });
    expect(placed.mapAtStart).toBe(true);
    // Beside the moved plot, clear of it and inside the panel.
    expect(placed.left).toBe(119 - 60 + 107 + 8);
    expect(placed.left + wide.width).toBeLessThanOrEqual(small.width);
    // Measured while moved, the same answer (no back and forth between two layouts).
    const again = placeShortKey({
      panel: small,
      plot: { ...plot, left: plot.left - 60 },
      key: wide,
      points: [],
      row: { slack: 120, atStart: true },
    });
    expect(again).toEqual(placed);
    // A key the centred letter-box holds leaves the map centred.
    const narrow = { width: 70, height: 31 };
    expect(placeShortKey({ panel: small, plot, key: narrow, points: [], row }).mapAtStart).toBe(
      false,
    );
    // One too wide for both: a corner of the centred plot, whatever was measured.
    const huge = { width: 150, height: 31 };
    const corner = placeShortKey({
      panel: small,
      plot: { ...plot, left: plot.left - 60 },
      key: huge,
      points: [],
      row: { slack: 120, atStart: true },
    });
    expect(corner.mapAtStart).toBe(false);
    expect(corner.left).toBeGreaterThanOrEqual(0);
    expect(corner.left + huge.width).toBeLessThanOrEqual(small.width);
  });

  it('stays inside the panel, whatever the sizes', () => {
    for (const [pw, ph, kw, kh] of [
      [320, 140, 90, 60],
      [200, 100, 150, 90],
      [700, 260, 120, 45],
    ] as const) {
      const plot = { left: 50, top: 8, width: pw - 60, height: ph - 30 };
      const p = placeShortKey({
        panel: { width: pw, height: ph },
        plot,
        key: { width: kw, height: kh },
        points: [plot.left + 5, plot.top + 5],
      });
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.left + kw).toBeLessThanOrEqual(Math.max(pw, kw));
      expect(p.top + kh).toBeLessThanOrEqual(Math.max(ph, kh));
    }
  });
});
