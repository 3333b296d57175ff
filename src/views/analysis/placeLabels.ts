/**
 * Greedy placement of short map labels so that none overlaps another, a marker, or the plot's
 * edge: each label, in order, keeps its wanted spot if free, else moves to the nearest free row
 * above or below (one line height at a time), kept inside the plot. Widths are estimated from the
 * text (0.6 em a character, a subscript counting at its smaller size): the labels are short
 * (`λ_max −21.1`), drawn with a halo, and a few pixels of slack are enough.
 */

/** A label to place: wanted baseline position (px, its left end) and its text. */
export interface WantedLabel<T = unknown> {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Characters drawn as a subscript after the first character (`max` of λ_max), if any. */
  readonly sub?: string;
  /** Other baseline positions it may take (e.g. the other end of an axis), tried in order. */
  readonly alternatives?: readonly { readonly x: number; readonly y: number }[];
  readonly color?: T;
}

/** A screen box, px. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Size of a subscript relative to the label's font (the `<tspan>` of MapLayers). */
export const SUB_SCALE = 0.75;

/** Estimated width (px) of a label of `text` plus a subscript `sub`, for a font of `size` px. */
export function labelWidth(text: string, size = 11, sub = ''): number {
  return (Array.from(text).length + SUB_SCALE * Array.from(sub).length) * size * 0.6;
}

/** The box a label of `text` at baseline (x, y) covers, for a font of `size` px. */
export function labelBox(x: number, y: number, text: string, size = 11, sub = ''): Box {
  return {
    left: x,
    right: x + labelWidth(text, size, sub),
    top: y - size,
    bottom: y + size * 0.3,
  };
}

/** A square box of half-side `r` around (x, y): a marker to keep labels off. */
export function markerBox(x: number, y: number, r: number): Box {
  return { left: x - r, right: x + r, top: y - r, bottom: y + r };
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Options of `placeLabels`: font size, boxes to keep clear (markers), the plot's size. */
export interface PlaceOptions {
  readonly size?: number;
  readonly obstacles?: readonly Box[];
  /** Width and height of the plot (px): labels stay inside [0, width] × [0, height]. */
  readonly bounds?: { readonly width: number; readonly height: number };
}

/**
 * `labels` moved where needed so that no two boxes overlap, none covers an obstacle, and each
 * lies inside `bounds` (a spot that had to be pushed inside counts as worse than a free one). When no free spot exists within a few lines, the label keeps the spot
 * that overlaps least (never dropped: the numbers are what the view explains).
 */
export function placeLabels<L extends WantedLabel>(
  labels: readonly L[],
  options: PlaceOptions | number = {},
): L[] {
  const {
    size = 11,
    obstacles = [],
    bounds,
  } = typeof options === 'number' ? { size: options } : options;
  const placed: L[] = [];
  const taken: Box[] = [...obstacles];
  const line = size * 1.3;
  const inside = (x: number, y: number, text: string, sub: string): { x: number; y: number } => {
    if (!bounds) return { x, y };
    const w = labelWidth(text, size, sub);
    return {
      x: Math.min(Math.max(x, 2), Math.max(2, bounds.width - w - 2)),
      y: Math.min(Math.max(y, size + 2), Math.max(size + 2, bounds.height - size * 0.3 - 2)),
    };
  };
  const area = (a: Box, b: Box): number =>
    Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
    Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  for (const label of labels) {
    const sub = label.sub ?? '';
    let best: { label: L; cost: number } | null = null;
    const spots = [{ x: label.x, y: label.y }, ...(label.alternatives ?? [])];
    search: for (let k = 0; k <= 2 * labels.length + 8; k++) {
      // 0, +1, −1, +2, −2, … lines away from where it wants to be, at each of its spots.
      const offset = (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * line;
      for (const spot of spots) {
        const at = inside(spot.x, spot.y + offset, label.text, sub);
        const box = labelBox(at.x, at.y, label.text, size, sub);
        // A spot pushed back inside the plot costs what it moved: an end with room wins.
        const moved = Math.abs(at.x - spot.x) + Math.abs(at.y - (spot.y + offset));
        const cost = taken.reduce((sum, b) => sum + area(b, box), 0) + moved * size;
        if (best === null || cost < best.cost) best = { label: { ...label, ...at }, cost };
        if (cost === 0) break search;
      }
    }
    const chosen = best!.label;
    placed.push(chosen);
    taken.push(labelBox(chosen.x, chosen.y, chosen.text, size, sub));
  }
  return placed;
}
