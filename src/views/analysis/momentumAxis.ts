/** Size and ticks of the stability tab's (lr, μ) map, which grows with the drawer. */

/** Room (px) for the momentum axis left of the plot. */
export const AXIS_LEFT = 38;
/** Room right of the plot for the half of its last tick label that sticks out. */
export const AXIS_RIGHT = 16;
/** The plot's width range (px) and its height as a share of its width. */
const MIN_W = 120;
const MAX_W = 520;
const ASPECT = 0.6;
/** Before the figure is measured (and in a test DOM without layout). */
export const DEFAULT_W = 180;

/** The plot's size in a figure `room` px wide: as wide as fits, height in proportion. */
export function momentumPlotSize(room: number): { w: number; h: number } {
  const w = Math.round(Math.min(MAX_W, Math.max(MIN_W, room - AXIS_LEFT - AXIS_RIGHT)));
  return { w, h: Math.round(w * ASPECT) };
}

/**
 * The decades in [lo, hi] to label on an axis `width` px wide: every one when there is room, else
 * every second, third… so that labels about `label` px wide keep a gap of at least 8 px.
 */
export function decadeTicks(lo: number, hi: number, width: number, label = 30): number[] {
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const perDecade = width / Math.log10(hi / lo);
  const stride = Math.max(1, Math.ceil((label + 8) / perDecade));
  const ticks: number[] = [];
  for (let e = last; e >= first; e -= stride) ticks.unshift(e);
  return ticks;
}
