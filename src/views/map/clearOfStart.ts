/**
 * Controls over the plot (the zoom buttons, the 3-D toggle) sit in its top corners; the start
 * handle can be dragged, or a scene can start, right under one, where it could be neither seen
 * nor grabbed. Such a control then moves to the bottom corner below.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The start handle's reach around its centre (px): its 14 px hit circle and a small gap. */
const START_REACH = 18;
/** More than any corner control's width or height (px), presenter mode's large type included. */
const MAX_CONTROL_PX = 240;

/**
 * Whether `ref`'s element, placed `top` px below the plot's top and `left` px from its left (or
 * `right` px from its right, in a plot `plotWidth` px wide), would cover the start handle at
 * (sx, sy) in plot px. The control's size is measured (it follows the type size).
 */
export function useCoversStart(
  ref: RefObject<HTMLElement | null>,
  place: { readonly top: number } & ({ readonly left: number } | { readonly right: number }),
  plotWidth: number,
  sx: number,
  sy: number,
): boolean {
  const [covers, setCovers] = useState(false);
  const top = place.top;
  const fromLeft = 'left' in place ? place.left : null;
  const fromRight = 'right' in place ? place.right : 0;
  // Far from the corner no control reaches the start: decided without reading the layout (a
  // read before the first paint forced a whole-page layout, ~30 ms on a slow phone).
  const far =
    sy > top + MAX_CONTROL_PX + START_REACH ||
    (fromLeft !== null
      ? sx > fromLeft + MAX_CONTROL_PX + START_REACH
      : sx < plotWidth - fromRight - MAX_CONTROL_PX - START_REACH);
  // Re-measured when the plot or the start moves; the type size changes the plot's size too.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || far) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = fromLeft ?? plotWidth - fromRight - w;
    setCovers(
      sx > left - START_REACH &&
        sx < left + w + START_REACH &&
        sy > top - START_REACH &&
        sy < top + h + START_REACH,
    );
  }, [ref, far, top, fromLeft, fromRight, plotWidth, sx, sy]);
  return covers && !far;
}
