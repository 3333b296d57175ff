import { describe, expect, it } from 'vitest';
import { placeLabels } from './placeLabels';

const W = 400;
const H = 300;
const inside = ([l, t]: readonly [number, number], w: number, h: number) =>
  l >= 0 && t >= 0 && l + w <= W && t + h <= H;

describe('glyph labels beside their arrows', () => {
  it('sit right of and above an arrow end in the open', () => {
    const [at] = placeLabels([{ anchor: [100, 100], width: 80, height: 14 }], W, H);
    expect(at![0]).toBeGreaterThan(100);
    expect(at![1] + 14).toBeLessThan(100);
  });

  it('turn inward at the right and top edges instead of running off the map', () => {
    const [corner] = placeLabels([{ anchor: [W - 3, 3], width: 120, height: 16 }], W, H);
    expect(inside(corner!, 120, 16)).toBe(true);
    // Left of the point and below it: the inner side.
    expect(corner![0] + 120).toBeLessThan(W - 3);
    expect(corner![1]).toBeGreaterThan(3);
  });

  it('a label wider than the room left is pulled inside; many at one point do not cover each other', () => {
    const labels = Array.from({ length: 6 }, () => ({
      anchor: [W - 1, H - 1] as const,
      width: 150,
      height: 18,
    }));
    const at = placeLabels(labels, W, H);
    for (const p of at) expect(inside(p, 150, 18)).toBe(true);
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++)
        expect(
          Math.abs(at[i]![1] - at[j]![1]) >= 18 || Math.abs(at[i]![0] - at[j]![0]) >= 150,
        ).toBe(true);
  });

  it('keeps off the map’s buttons', () => {
    const button = { left: W - 40, top: 0, width: 40, height: 120 };
    const [at] = placeLabels([{ anchor: [W - 60, 20], width: 60, height: 16 }], W, H, [button]);
    const overlaps =
      at![0] < button.left + button.width &&
      button.left < at![0] + 60 &&
      at![1] < button.top + button.height &&
      button.top < at![1] + 16;
    expect(overlaps).toBe(false);
  });
});
