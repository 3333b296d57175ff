/**
 * Placing figure labels beside their anchors (the hidden-state glyphs' labels, issue 14): inside
 * the map, off each other and off the map's buttons. Pure, so it is tested without a browser.
 */

type Px = readonly [number, number];

/** A label's box on the map (px, from the map's top left). */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const GAP = 5;
const PAD = 2;

/**
 * Where each label goes: beside its anchor (right and above first, then left, then below, so an
 * arrow ending at an edge gets its label on the inner side), never over an earlier label when a
 * line up or down frees it, and always inside the `width` × `height` map (clamped when no side
 * fits), off the map's own buttons (`avoid`). Returns each label's top-left corner. Pure: the
 * layer measures, this places.
 */
export function placeLabels(
  labels: readonly { readonly anchor: Px; readonly width: number; readonly height: number }[],
  width: number,
  height: number,
  avoid: readonly Box[] = [],
): Px[] {
  const placed: Box[] = [...avoid];
  const out: Px[] = [];
  for (const { anchor, width: w, height: h } of labels) {
    const [ax, ay] = anchor;
    const sides: Px[] = [
      [ax + GAP, ay - GAP - h],
      [ax - GAP - w, ay - GAP - h],
      [ax + GAP, ay + GAP],
      [ax - GAP - w, ay + GAP],
    ];
    const clamp = ([l, t]: Px): Px => [
      Math.max(PAD, Math.min(width - PAD - w, l)),
      Math.max(PAD, Math.min(height - PAD - h, t)),
    ];
    const inside = ([l, t]: Px): boolean =>
      l >= PAD && t >= PAD && l + w <= width - PAD && t + h <= height - PAD;
    const free = ([l, t]: Px): boolean =>
      !placed.some(
        (q) => l < q.left + q.width && q.left < l + w && t < q.top + q.height && q.top < t + h,
      );
    let at = sides.find((c) => inside(c) && free(c));
    // Else each side pulled inside, a line down, a line up, two down, …, until nothing is
    // covered (else the first side, pulled inside).
    const lines = Math.ceil(height / (h + 1));
    for (let i = 0; i <= 2 * lines && at === undefined; i++) {
      const shift = Math.ceil(i / 2) * (h + 1) * (i % 2 === 1 ? 1 : -1);
      at = sides.map(([l, t]) => clamp([l, t + shift])).find(free);
    }
    at ??= clamp(sides[0]!);
    placed.push({ left: at[0], top: at[1], width: w, height: h });
    out.push(at);
  }
  return out;
}
