/**
 * Where a short embed's paths' key goes (embed.css puts it out of flow in an iframe 300 px tall
 * or less). Beside the plot when the letter-box there holds it, with the map moved to the row's
 * start if only both letter-boxes together hold it (at 320 × 240 the key covered half of a
 * 107 px plot); otherwise in the corner of the plot that covers the fewest drawn points (the
 * paths, the start, the minima), as matplotlib's `legend(loc='best')` does.
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
  /**
   * The map's row: its free width beside the map (px, both sides together) and whether the map
   * sits at the row's start now (else centred). Absent: the map stays where it is.
   */
  readonly row?: { readonly slack: number; readonly atStart: boolean };
}

/** The key's top-left corner (panel px), and whether the map goes to its row's start. */
export interface ShortKeyPlace {
  readonly left: number;
  readonly top: number;
  readonly mapAtStart: boolean;
}

/** Gap between the key and the plot's edge or corner (px). */
const GAP = 4;

/** The key's place (panel px) and the map's: see ShortKeyInput. */
export function placeShortKey(input: ShortKeyInput): ShortKeyPlace {
  const { panel, key, row } = input;
  // The plot's left edge with the map centred, and with it at the row's start.
  const half = row ? row.slack / 2 : 0;
  const centredLeft = row?.atStart ? input.plot.left + half : input.plot.left;
  const fits = (plotLeft: number): boolean =>
    plotLeft + input.plot.width + 2 * GAP + key.width <= panel.width;
  const clampLeft = (x: number): number => Math.max(0, Math.min(x, panel.width - key.width));
  const clampTop = (y: number): number => Math.max(0, Math.min(y, panel.height - key.height));
  // Beside the plot, level with its top edge.
  const besideTop = clampTop(input.plot.top);
  if (fits(centredLeft))
    return { left: centredLeft + input.plot.width + 2 * GAP, top: besideTop, mapAtStart: false };
  if (row && fits(centredLeft - half))
    return {
      left: centredLeft - half + input.plot.width + 2 * GAP,
      top: besideTop,
      mapAtStart: true,
    };
  // In a corner of the centred plot; the points move with it.
  const dx = centredLeft - input.plot.left;
  const plot = { ...input.plot, left: centredLeft };
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
      const x = input.points[i]! + dx;
      const y = input.points[i + 1]!;
      if (x >= c.left && x <= c.left + key.width && y >= c.top && y <= c.top + key.height)
        covered++;
    }
    if (covered < fewest) {
      fewest = covered;
      best = c;
    }
  }
  return { ...best, mapAtStart: false };
}
