/**
 * Samples a surface on a regular grid for the heat map and the contour layer.
 *
 * Layout: row-major, `width` columns by `height` rows, **row 0 is the top of the view (y max)**
 * so index j·width + i maps straight to screen pixel (i, j). Samples sit at **cell centres**:
 * column i is at x = x0 + (i + ½)·(x1 − x0)/width and row j at y = y1 − (j + ½)·(y1 − y0)/height,
 * the convention d3-contour and Observable Plot's contour mark assume (values at cell centres,
 * contour coordinates in [0, width] × [0, height]).
 */
import type { Domain, Surface } from '../types';

/** A surface that can evaluate a whole grid faster than point by point (compiled expressions). */
export interface GridEvaluator {
  /**
   * Writes f (and ∂f/∂x, ∂f/∂y when the arrays are given) at every (xs[i], ys[j]) into
   * row-major arrays of length xs.length · ys.length.
   */
  evaluateGrid(
    xs: Float64Array,
    ys: Float64Array,
    value: Float64Array,
    gradX: Float64Array | null,
    gradY: Float64Array | null,
  ): void;
}

/** Whether `surface` has a fast whole-grid evaluator. */
export function isGridEvaluator(surface: Surface): surface is Surface & GridEvaluator {
  return typeof (surface as Partial<GridEvaluator>).evaluateGrid === 'function';
}

/** Cell-centre coordinates of a grid: xs left to right, ys top (y max) to bottom. */
export function gridCoordinates(
  domain: Domain,
  width: number,
  height: number,
): { xs: Float64Array; ys: Float64Array } {
  checkSize(width, height);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const xs = new Float64Array(width);
  const ys = new Float64Array(height);
  for (let i = 0; i < width; i++) xs[i] = x0 + ((i + 0.5) * (x1 - x0)) / width;
  for (let j = 0; j < height; j++) ys[j] = y1 - ((j + 0.5) * (y1 - y0)) / height;
  return { xs, ys };
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`grid size must be positive integers, got ${width}×${height}`);
  }
}

function outputArray(out: Float64Array | undefined, length: number, name: string): Float64Array {
  if (!out) return new Float64Array(length);
  if (out.length !== length) {
    throw new RangeError(`${name} has length ${out.length}, expected ${length}`);
  }
  return out;
}

/**
 * f on a width×height grid over `domain` (layout in the module comment). Non-finite values are
 * kept as they are; the contour layer skips them. Reuses `out` when given.
 */
export function sampleGrid(
  surface: Surface,
  domain: Domain,
  width: number,
  height: number,
  out?: Float64Array,
): Float64Array {
  const { xs, ys } = gridCoordinates(domain, width, height);
  const value = outputArray(out, width * height, 'out');
  if (isGridEvaluator(surface)) {
    surface.evaluateGrid(xs, ys, value, null, null);
    return value;
  }
  for (let j = 0; j < height; j++) {
    const y = ys[j]!;
    const row = j * width;
    for (let i = 0; i < width; i++) value[row + i] = surface.f(xs[i]!, y);
  }
  return value;
}

/** f and its gradient on a grid, same layout as sampleGrid. */
export interface GridSamples {
  readonly value: Float64Array;
  readonly gradX: Float64Array;
  readonly gradY: Float64Array;
}

/** f, ∂f/∂x and ∂f/∂y on a width×height grid (for the gradient field); reuses `out` when given. */
export function sampleGridWithGradient(
  surface: Surface,
  domain: Domain,
  width: number,
  height: number,
  out?: GridSamples,
): GridSamples {
  const { xs, ys } = gridCoordinates(domain, width, height);
  const length = width * height;
  const value = outputArray(out?.value, length, 'value');
  const gradX = outputArray(out?.gradX, length, 'gradX');
  const gradY = outputArray(out?.gradY, length, 'gradY');
  if (isGridEvaluator(surface)) {
    surface.evaluateGrid(xs, ys, value, gradX, gradY);
    return { value, gradX, gradY };
  }
  const g = new Float64Array(2);
  for (let j = 0; j < height; j++) {
    const y = ys[j]!;
    const row = j * width;
    for (let i = 0; i < width; i++) {
      value[row + i] = surface.grad(xs[i]!, y, g);
      gradX[row + i] = g[0]!;
      gradY[row + i] = g[1]!;
    }
  }
  return { value, gradX, gradY };
}
