import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels } from './placeLabels';

describe('placeLabels', () => {
  it('moves labels that would overlap (the stability ellipses of s18) until none does', () => {
    // Four eigenvalue labels wanted within a few pixels of each other.
    const wanted = [
      { x: 180, y: 40, text: 'λ_max -21.1' },
      { x: 140, y: 82, text: 'λ_max -26' },
      { x: 112, y: 110, text: 'λ_min -39.3' },
      { x: 120, y: 116, text: 'λ_min -42' },
      { x: 118, y: 112, text: 'λ_min -42' },
    ];
    const placed = placeLabels(wanted);
    expect(placed.map((l) => l.text)).toEqual(wanted.map((l) => l.text));
    const boxes = placed.map((l) => labelBox(l.x, l.y, l.text));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap =
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${placed[i]!.text} / ${placed[j]!.text}`).toBe(false);
      }
    }
  });

  it('leaves labels that do not collide where they were', () => {
    const wanted = [
      { x: 0, y: 20, text: 'a' },
      { x: 200, y: 20, text: 'b' },
    ];
    expect(placeLabels(wanted)).toEqual(wanted);
  });
});
