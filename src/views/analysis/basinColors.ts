/** Colours of the basin map: one per attractor (cycled), grey for diverged and unsettled starts. */
import { BASIN_DIVERGED, BASIN_UNSETTLED } from '../../engine/analysis';

const ATTRACTOR_COLORS: readonly (readonly [number, number, number])[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [23, 190, 207],
  [188, 189, 34],
];
const DIVERGED: readonly [number, number, number] = [40, 40, 40];
const UNSETTLED: readonly [number, number, number] = [200, 200, 200];

/** RGB of a label. */
export function basinRgb(label: number): readonly [number, number, number] {
  if (label === BASIN_DIVERGED) return DIVERGED;
  if (label === BASIN_UNSETTLED) return UNSETTLED;
  return ATTRACTOR_COLORS[label % ATTRACTOR_COLORS.length]!;
}

/** CSS colour of a label. */
export function basinCss(label: number): string {
  const [r, g, b] = basinRgb(label);
  return `rgb(${r}, ${g}, ${b})`;
}

/** How many cells of the first `cells` carry each label (diverged and unsettled included). */
export function basinCounts(labels: Int16Array, cells: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < cells; i++) {
    const l = labels[i]!;
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return counts;
}
