import { describe, expect, it } from 'vitest';
import { labelBox, labelWidth, markerBox, placeLabels } from './placeLabels';
import type { Box } from './placeLabels';

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

describe('placeLabels with markers and the plot edge', () => {
  const hit = (a: Box, b: Box): boolean =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('keeps a label off a marker it was wanted on (λ_min under the start handle)', () => {
    const marker = markerBox(100, 100, 10);
    const [label] = placeLabels([{ x: 95, y: 104, text: 'λ 0.2', sub: 'min' }], {
      obstacles: [marker],
    });
    expect(hit(labelBox(label!.x, label!.y, label!.text, 11, 'min'), marker)).toBe(false);
  });

  it('keeps every label inside the plot, even one wanted past its edges', () => {
    const bounds = { width: 200, height: 120 };
    const placed = placeLabels(
      [
        { x: 190, y: 60, text: 'λ 2', sub: 'max' },
        { x: -30, y: 5, text: 'λ 0.2', sub: 'min' },
        { x: 80, y: 200, text: 'λ 7', sub: 'max' },
      ],
      { bounds },
    );
    for (const l of placed) {
      const box = labelBox(l.x, l.y, l.text, 11, l.sub);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(bounds.width);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(bounds.height);
    }
  });

  it('takes an alternative spot before moving a label lines away', () => {
    const marker = markerBox(50, 50, 12);
    const [label] = placeLabels(
      [{ x: 45, y: 54, text: 'λ 1', sub: 'max', alternatives: [{ x: 150, y: 54 }] }],
      { obstacles: [marker] },
    );
    expect([label!.x, label!.y]).toEqual([150, 54]);
  });

  it('counts a subscript at its smaller size in the width', () => {
    expect(labelWidth('λ 2', 11, 'max')).toBeLessThan(labelWidth('λ_max 2', 11));
    expect(labelWidth('λ 2', 11, 'max')).toBeGreaterThan(labelWidth('λ 2', 11));
  });
});

describe('placeLabels at the plot edge', () => {
  it('prefers the end of an axis where the label fits over one it would be pushed back from', () => {
    // λ_min's axis ends at x = 5 (the label would be squeezed against the edge) and at x = 120.
    const [label] = placeLabels(
      [{ x: -40, y: 60, text: 'λ 0.2', sub: 'min', alternatives: [{ x: 124, y: 60 }] }],
      { bounds: { width: 400, height: 200 } },
    );
    expect([label!.x, label!.y]).toEqual([124, 60]);
  });
});
