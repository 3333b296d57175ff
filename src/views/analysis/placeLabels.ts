/**
 * Greedy placement of short map labels so that none overlaps another: each label, in order, keeps
 * its wanted spot if free, else moves to the nearest free row above or below (one line height at
 * a time). Widths are estimated from the text (0.6 em a character): the labels are short
 * (`λ_max -21.1`), drawn with a halo, and a few pixels of slack are enough.
 */

/** A label to place: wanted baseline position (px) and its text. */
export interface WantedLabel<T = unknown> {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color?: T;
}

/** The box a label of `text` at baseline (x, y) covers, for a font of `size` px. */
export function labelBox(
  x: number,
  y: number,
  text: string,
  size = 11,
): { left: number; right: number; top: number; bottom: number } {
  const width = Array.from(text).length * size * 0.6;
  return { left: x, right: x + width, top: y - size, bottom: y + size * 0.25 };
}

const overlaps = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** `labels` with their y moved where needed so that no two boxes overlap. */
export function placeLabels<L extends WantedLabel>(labels: readonly L[], size = 11): L[] {
  const placed: L[] = [];
  const boxes: ReturnType<typeof labelBox>[] = [];
  const line = size * 1.3;
  for (const label of labels) {
    let chosen = label;
    for (let k = 0; k <= 2 * labels.length + 2; k++) {
      // 0, +1, −1, +2, −2, … lines away from where it wants to be.
      const offset = (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * line;
      const candidate = { ...label, y: label.y + offset };
      const box = labelBox(candidate.x, candidate.y, candidate.text, size);
      if (!boxes.some((b) => overlaps(b, box))) {
        chosen = candidate;
        break;
      }
    }
    placed.push(chosen);
    boxes.push(labelBox(chosen.x, chosen.y, chosen.text, size));
  }
  return placed;
}
