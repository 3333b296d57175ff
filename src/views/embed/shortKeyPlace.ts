/**
 * Where a short embed's paths' key goes (embed.css puts it out of flow in an iframe 300 px tall
 * or less). Beside the plot when the letter-box there holds it; otherwise in the corner of the
 * plot that covers the fewest drawn points (the paths, the start, the minima), as matplotlib's
 * `legend(loc='best')` does.
 */

/** A box in the map panel's px: left/top and size. */
export interface PanelBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** What the placement reads, all in the map panel's px. */
export interface ShortKeyInput {
  readonly panel: { readonly width: number; readonly height: number };
  readonly plot: PanelBox;
  readonly key: { readonly width: number; readonly height: number };
  /** Drawn points as x0, y0, x1, y1, …; points weighted heavier (the start) may repeat. */
  readonly points: ArrayLike<number>;
}

/** Gap between the key and the plot's edge or corner (px). */
const GAP = 4;

/** The key's top-left corner (panel px). */
export function placeShortKey(input: ShortKeyInput): { left: number; top: number } {
  const { panel, plot, key } = input;
  const beside = { left: plot.left + plot.width + 2 * GAP, top: 0 };
  if (beside.left + key.width <= panel.width) return beside;
  const clampLeft = (x: number): number => Math.max(0, Math.min(x, panel.width - key.width));
  const clampTop = (y: number): number => Math.max(0, Math.min(y, panel.height - key.height));
  const right = clampLeft(plot.left + plot.width - key.width - GAP);
  const left = clampLeft(plot.left + GAP);
  const top = clampTop(plot.top + GAP);
  const bottom = clampTop(plot.top + plot.height - key.height - GAP);
  // In order of preference when they tie: the top-right corner is where a reader looks for it.
  const corners = [
    { left: right, top },
    { left, top },
    { left: right, top: bottom },
    { left, top: bottom },
  ];
  let best = corners[0]!;
  let fewest = Infinity;
  for (const c of corners) {
    let covered = 0;
    for (let i = 0; i + 1 < input.points.length; i += 2) {
      const x = input.points[i]!;
      const y = input.points[i + 1]!;
      if (x >= c.left && x <= c.left + key.width && y >= c.top && y <= c.top + key.height)
        covered++;
    }
    if (covered < fewest) {
      fewest = covered;
      best = c;
    }
  }
  return best;
}
