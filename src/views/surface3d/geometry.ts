/**
 * Pure geometry of the 3-D view: a triangle mesh from the contour map's own sampled grid, the
 * height scale that keeps a steep surface readable, paths lifted onto the drawn surface, and the
 * orbit camera's state. No WebGL here, so all of it is unit-tested.
 *
 * Grid convention (the map's, see engine/contours/layer.ts and lab/landscapeMap.ts): values are
 * width × height, row-major, row 0 at the top (largest y), each value at the centre of its cell;
 * "grid units" put cell (i, j)'s centre at (i + 0.5, j + 0.5), x right, y down.
 *
 * World coordinates: x right and z towards the viewer span the grid's rectangle (the longer side
 * from −1 to 1, the other in proportion), y up is the scaled height in [0, HEIGHT].
 */

import {
  HOME_ORBIT,
  MAX_DISTANCE,
  MAX_ELEVATION,
  MIN_DISTANCE,
  MIN_ELEVATION,
} from '../../state/orbit';
import type { Orbit } from '../../state/orbit';

// The orbit camera and its bounds live with its URL form (state/orbit.ts, read before three.js).
export { HOME_ORBIT, MAX_DISTANCE, MAX_ELEVATION, MIN_DISTANCE, MIN_ELEVATION };
export type { Orbit };

/** World height of the surface's highest point. */
export const HEIGHT = 0.9;

/**
 * The point the orbit camera turns around (world xyz): low in the box and toward its near left
 * corner, where the x and y axes start, so that from the home orbit that corner and its tick
 * labels are in the picture, above the hint along its bottom edge (turning around the box's
 * centre at a third of its height put the corner below the canvas and hid both axes' first tick
 * labels).
 */
export const ORBIT_TARGET: readonly [number, number, number] = [-0.15, HEIGHT * 0.05, 0.25];

/** Vertical field of view (degrees) of a canvas at least WIDE_ASPECT times as wide as it is high. */
const FOV = 40;
const WIDE_ASPECT = 1.3;

/**
 * The camera's vertical field of view (degrees) for a canvas of `aspect` (width / height): a fixed
 * angle for wide canvases; a narrower one keeps the wide one's horizontal angle, so a square
 * canvas (the lab's) still holds the whole surface.
 */
export function fieldOfView(aspect: number): number {
  if (aspect >= WIDE_ASPECT) return FOV;
  return (2 * Math.atan((Math.tan((FOV * Math.PI) / 360) * WIDE_ASPECT) / aspect) * 180) / Math.PI;
}
/** Longest side of the mesh, in vertices: a 256-cell grid is taken every second cell. */
export const MESH_SIDE = 129;

/**
 * Heights from values. `linear`: (v − min) / (max − min). `log`: log(1 + (v − min)/knee) divided
 * by its value at max, linear below the knee and logarithmic above it, so a surface whose walls
 * are thousands of times its valley (Rosenbrock) still shows its valley.
 */
export interface HeightScale {
  readonly kind: 'linear' | 'log';
  readonly min: number;
  readonly max: number;
  /** Where the log scale bends (value above min); 0 for linear. */
  readonly knee: number;
}

/** A value range wider than this many medians (above the minimum) gets the log scale. */
export const LOG_RANGE_RATIO = 10;

/**
 * Chooses the height scale for the finite values of a grid: log when the range above the
 * minimum exceeds LOG_RANGE_RATIO times the median's height above it (most of the surface would
 * otherwise be a flat floor under a few tall walls), with the knee at that median; linear
 * otherwise. A grid with no finite value, or a flat one, is linear over [v, v + 1].
 */
export function chooseHeightScale(values: ArrayLike<number>): HeightScale {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return { kind: 'linear', min: 0, max: 1, knee: 0 };
  finite.sort((a, b) => a - b);
  const min = finite[0]!;
  const max = finite[finite.length - 1]!;
  if (!(max > min)) return { kind: 'linear', min, max: min + 1, knee: 0 };
  const median = finite[Math.floor((finite.length - 1) / 2)]! - min;
  if (median > 0 && max - min > LOG_RANGE_RATIO * median) {
    return { kind: 'log', min, max, knee: median };
  }
  return { kind: 'linear', min, max, knee: 0 };
}

/** A value's height in [0, 1] on `scale` (clamped); NaN for a non-finite value. */
export function scaledHeight(scale: HeightScale, value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const above = Math.max(0, Math.min(scale.max, value) - scale.min);
  if (scale.kind === 'log') {
    return Math.log1p(above / scale.knee) / Math.log1p((scale.max - scale.min) / scale.knee);
  }
  return above / (scale.max - scale.min);
}

/** A grid as the map draws it: values and bands, row 0 at the top. */
export interface SurfaceGrid {
  readonly values: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

/** The drawn mesh: a lattice of grid cells, every `stride`-th column and row (and the last). */
export interface SurfaceMesh {
  /** Grid columns and rows (cell indices) of the lattice's vertices, ascending. */
  readonly cols: Int32Array;
  readonly rows: Int32Array;
  /** xyz per vertex, row-major over (rows × cols); non-finite vertices sit at height 0. */
  readonly positions: Float32Array;
  /** Per vertex: its height in [0, 1] (NaN where the value is not finite). */
  readonly heights: Float32Array;
  /** Grid cell index (row · width + col) of each vertex, to colour it by the map's band. */
  readonly cells: Uint32Array;
  /** Two triangles per lattice quad whose four corners are finite. */
  readonly indices: Uint32Array;
  /** Half-extents of the world rectangle: x ∈ [−sx, sx], z ∈ [−sz, sz]. */
  readonly sx: number;
  readonly sz: number;
  readonly width: number;
  readonly height: number;
}

/** 0, stride, 2·stride, … and n − 1: the lattice along one side of n cells. */
function lattice(n: number, stride: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += stride) out.push(i);
  out.push(n - 1);
  return Int32Array.from(out);
}

/** Half-extents of the world rectangle for a width × height grid. */
function extents(width: number, height: number): { sx: number; sz: number } {
  return width >= height ? { sx: 1, sz: height / width } : { sx: width / height, sz: 1 };
}

/** World x, z of a point in grid units. */
export function gridToWorld(
  mesh: Pick<SurfaceMesh, 'sx' | 'sz' | 'width' | 'height'>,
  gx: number,
  gy: number,
): [number, number] {
  return [((2 * gx) / mesh.width - 1) * mesh.sx, ((2 * gy) / mesh.height - 1) * mesh.sz];
}

/**
 * The triangle mesh of a grid on `scale`, at most `side` vertices along its longer side.
 * Throws on a grid whose values do not fill width × height.
 */
export function surfaceMesh(
  grid: SurfaceGrid,
  scale: HeightScale,
  side: number = MESH_SIDE,
): SurfaceMesh {
  const { width, height, values } = grid;
  if (!(width >= 2 && height >= 2) || values.length < width * height) {
    throw new Error(`surface grid: ${values.length} values for ${width} × ${height}`);
  }
  const stride = Math.max(1, Math.ceil((Math.max(width, height) - 1) / (side - 1)));
  const cols = lattice(width, stride);
  const rows = lattice(height, stride);
  const { sx, sz } = extents(width, height);
  const nc = cols.length;
  const nr = rows.length;
  const positions = new Float32Array(nc * nr * 3);
  const heights = new Float32Array(nc * nr);
  const cells = new Uint32Array(nc * nr);
  const frame = { sx, sz, width, height };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const k = r * nc + c;
      const cell = rows[r]! * width + cols[c]!;
      const h = scaledHeight(scale, values[cell]!);
      const [x, z] = gridToWorld(frame, cols[c]! + 0.5, rows[r]! + 0.5);
      positions.set([x, Number.isNaN(h) ? 0 : h * HEIGHT, z], 3 * k);
      heights[k] = h;
      cells[k] = cell;
    }
  }
  const tri: number[] = [];
  for (let r = 0; r + 1 < nr; r++) {
    for (let c = 0; c + 1 < nc; c++) {
      const a = r * nc + c;
      const b = a + 1;
      const d = a + nc;
      const e = d + 1;
      if ([a, b, d, e].some((k) => Number.isNaN(heights[k]!))) continue;
      tri.push(a, d, b, b, d, e);
    }
  }
  return {
    cols,
    rows,
    positions,
    heights,
    cells,
    indices: Uint32Array.from(tri),
    sx,
    sz,
    width,
    height,
  };
}

/** Index of the last lattice entry at or below v (clamped to the second-last). */
function segment(lat: Int32Array, v: number): number {
  let k = 0;
  while (k + 2 < lat.length && lat[k + 1]! <= v) k++;
  return k;
}

/**
 * The mesh's height (in [0, 1]) at a point in grid units: bilinear between the four lattice
 * vertices around it, so a lifted path lies on the drawn surface. NaN outside the lattice's
 * rectangle (the outermost cell centres) or where a corner is not finite.
 */
export function meshHeightAt(mesh: SurfaceMesh, gx: number, gy: number): number {
  const u = gx - 0.5;
  const v = gy - 0.5;
  const { cols, rows, heights } = mesh;
  const eps = 1e-9;
  if (!(u >= -eps && v >= -eps && u <= cols[cols.length - 1]! + eps)) return Number.NaN;
  if (!(v <= rows[rows.length - 1]! + eps)) return Number.NaN;
  const c = segment(cols, u);
  const r = segment(rows, v);
  const tu = Math.max(0, Math.min(1, (u - cols[c]!) / (cols[c + 1]! - cols[c]!)));
  const tv = Math.max(0, Math.min(1, (v - rows[r]!) / (rows[r + 1]! - rows[r]!)));
  const nc = cols.length;
  const h00 = heights[r * nc + c]!;
  const h01 = heights[r * nc + c + 1]!;
  const h10 = heights[(r + 1) * nc + c]!;
  const h11 = heights[(r + 1) * nc + c + 1]!;
  return (h00 * (1 - tu) + h01 * tu) * (1 - tv) + (h10 * (1 - tu) + h11 * tu) * tv;
}

/** How far above the surface a lifted path floats (world units), so the mesh never hides it. */
export const PATH_LIFT = 0.012;

/**
 * A path's points lifted onto the mesh: xyz per point in world units, NaN (all three) for a point
 * off the surface (outside the grid or where it is not finite), so the drawing breaks there.
 * `points` is flat [x0, y0, x1, y1, …] in the surface's own coordinates, `count` points of it;
 * `toGrid` maps them to grid units.
 */
export function liftPath(
  mesh: SurfaceMesh,
  points: ArrayLike<number>,
  count: number,
  toGrid: (x: number, y: number) => readonly [number, number],
): Float32Array {
  const out = new Float32Array(3 * count);
  for (let i = 0; i < count; i++) {
    const [gx, gy] = toGrid(points[2 * i]!, points[2 * i + 1]!);
    const h = meshHeightAt(mesh, gx, gy);
    if (Number.isNaN(h)) {
      out.set([Number.NaN, Number.NaN, Number.NaN], 3 * i);
      continue;
    }
    const [x, z] = gridToWorld(mesh, gx, gy);
    out.set([x, h * HEIGHT + PATH_LIFT, z], 3 * i);
  }
  return out;
}

/** How far above the surface the contour lines float (world units). */
export const CONTOUR_LIFT = 0.004;

/**
 * Level lines (flat [x0, y0, x1, y1, …] in grid units, as engine/contours' `isolines` gives them)
 * lifted onto the mesh as segment pairs, xyz xyz per segment; segments with an end off the
 * surface are left out.
 */
export function liftIsolines(
  mesh: SurfaceMesh,
  lines: readonly { readonly points: ArrayLike<number> }[],
): Float32Array {
  const out: number[] = [];
  for (const line of lines) {
    const n = line.points.length / 2;
    let prev: [number, number, number] | null = null;
    for (let i = 0; i < n; i++) {
      const gx = line.points[2 * i]!;
      const gy = line.points[2 * i + 1]!;
      const h = meshHeightAt(mesh, gx, gy);
      if (Number.isNaN(h)) {
        prev = null;
        continue;
      }
      const [x, z] = gridToWorld(mesh, gx, gy);
      const p: [number, number, number] = [x, h * HEIGHT + CONTOUR_LIFT, z];
      if (prev) out.push(...prev, ...p);
      prev = p;
    }
  }
  return Float32Array.from(out);
}

/**
 * Grid units of a point of a domain sampled width × height at cell centres (the visualizer's
 * layer): x → (x − x0) / (x1 − x0) · width, y → (y1 − y) / (y1 − y0) · height.
 */
export function domainToGrid(
  domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] },
  width: number,
  height: number,
): (x: number, y: number) => [number, number] {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return (x, y) => [((x - x0) / (x1 - x0)) * width, ((y1 - y) / (y1 - y0)) * height];
}

/** `orbit` turned by (dAzimuth, dElevation) radians and its distance multiplied by `zoom`, clamped. */
export function moveOrbit(orbit: Orbit, dAzimuth: number, dElevation: number, zoom = 1): Orbit {
  const twoPi = 2 * Math.PI;
  let azimuth = (orbit.azimuth + dAzimuth) % twoPi;
  if (azimuth > Math.PI) azimuth -= twoPi;
  if (azimuth < -Math.PI) azimuth += twoPi;
  return {
    azimuth,
    elevation: Math.max(MIN_ELEVATION, Math.min(MAX_ELEVATION, orbit.elevation + dElevation)),
    distance: Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, orbit.distance * zoom)),
  };
}

/** The camera's position for `orbit` around `target` (world xyz). */
export function orbitPosition(
  orbit: Orbit,
  target: readonly [number, number, number],
): [number, number, number] {
  const flat = orbit.distance * Math.cos(orbit.elevation);
  return [
    target[0] + flat * Math.sin(orbit.azimuth),
    target[1] + orbit.distance * Math.sin(orbit.elevation),
    target[2] + flat * Math.cos(orbit.azimuth),
  ];
}

/** One keyboard step: 15° of turn, a 1.2× zoom. */
const KEY_TURN = Math.PI / 12;
const KEY_ZOOM = 1.2;

/**
 * What a key does to the orbit: arrows turn (left/right around, up/down over), + and − zoom,
 * Home returns to the first view; null for any other key (the page keeps it).
 */
export function orbitKey(orbit: Orbit, key: string): Orbit | null {
  switch (key) {
    case 'ArrowLeft':
      return moveOrbit(orbit, KEY_TURN, 0);
    case 'ArrowRight':
      return moveOrbit(orbit, -KEY_TURN, 0);
    case 'ArrowUp':
      return moveOrbit(orbit, 0, KEY_TURN);
    case 'ArrowDown':
      return moveOrbit(orbit, 0, -KEY_TURN);
    case '+':
    case '=':
      return moveOrbit(orbit, 0, 0, 1 / KEY_ZOOM);
    case '-':
    case '_':
      return moveOrbit(orbit, 0, 0, KEY_ZOOM);
    case 'Home':
      return HOME_ORBIT;
    default:
      return null;
  }
}

/**
 * About `count` round tick values (1, 2 or 5 × 10^k apart) inside [lo, hi], ascending; [lo] for
 * an empty or non-finite range.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  // The round step nearest (on a log scale) to the raw one, as d3's ticks choose it.
  const step =
    (unit >= Math.sqrt(50) ? 10 : unit >= Math.sqrt(10) ? 5 : unit >= Math.SQRT2 ? 2 : 1) * power;
  // Compare in steps (not values), so 0.1 + 0.2 lands on 0.3 and -0 is 0.
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(Number((k * step).toPrecision(12)) + 0);
  return out;
}

/**
 * Loss values to mark on the vertical axis of `scale`: round values spread evenly in height, so
 * a log scale's ticks are not all squeezed at the top (for it, values at heights 0, ¼, ½, ¾, 1
 * rounded to two significant digits).
 */
export function heightTicks(scale: HeightScale, count = 4): number[] {
  if (scale.kind === 'linear') return niceTicks(scale.min, scale.max, count);
  const span = Math.log1p((scale.max - scale.min) / scale.knee);
  const out: number[] = [];
  for (let k = 0; k <= count; k++) {
    const exact = scale.min + scale.knee * Math.expm1((k / count) * span);
    const v = Number(exact.toPrecision(2));
    const inside = v >= scale.min && v <= scale.max ? v : exact;
    if (!out.includes(inside)) out.push(inside);
  }
  return out;
}

/** One axis tick: its value, the world point on the axis, and where its label goes (just outside). */
export interface AxisTick {
  readonly axis: 'x' | 'y' | 'loss';
  readonly value: number;
  readonly at: readonly [number, number, number];
  readonly label: readonly [number, number, number];
}

/** Length of a tick mark, and how far beyond its end the label sits (world units). */
export const TICK = 0.05;

/**
 * The 3-D view's axes: x along the front edge (z = sz), y along the left edge (x = −sx), loss up
 * the back-right corner (x = sx, z = −sz), each tick at its value's place. `x` and `y` are the ranges of the surface's
 * own coordinates the grid covers, `toGrid` maps them to grid units (as for paths); ticks whose
 * place is off the mesh's rectangle are left out.
 */
export function axisTicks(
  mesh: Pick<SurfaceMesh, 'sx' | 'sz' | 'width' | 'height'>,
  scale: HeightScale,
  x: readonly [number, number],
  y: readonly [number, number],
  toGrid: (x: number, y: number) => readonly [number, number],
): AxisTick[] {
  const out: AxisTick[] = [];
  const inside = (v: number, half: number): boolean => Math.abs(v) <= half + 1e-6;
  const ymid = (y[0] + y[1]) / 2;
  const xmid = (x[0] + x[1]) / 2;
  for (const value of niceTicks(x[0], x[1], 5)) {
    const [gx] = toGrid(value, ymid);
    const [wx] = gridToWorld(mesh, gx, 0);
    if (!inside(wx, mesh.sx)) continue;
    out.push({ axis: 'x', value, at: [wx, 0, mesh.sz], label: [wx, 0, mesh.sz + 2.5 * TICK] });
  }
  for (const value of niceTicks(y[0], y[1], 5)) {
    const [, gy] = toGrid(xmid, value);
    const [, wz] = gridToWorld(mesh, 0, gy);
    if (!inside(wz, mesh.sz)) continue;
    out.push({ axis: 'y', value, at: [-mesh.sx, 0, wz], label: [-mesh.sx - 2.5 * TICK, 0, wz] });
  }
  for (const value of heightTicks(scale)) {
    const h = scaledHeight(scale, value);
    if (Number.isNaN(h)) continue;
    const wy = h * HEIGHT;
    out.push({
      axis: 'loss',
      value,
      at: [mesh.sx, wy, -mesh.sz],
      label: [mesh.sx + 2.5 * TICK, wy, -mesh.sz],
    });
  }
  return out;
}

/** Where each axis's name goes: past the x axis's right end, the y axis's back end, the loss axis's top. */
export function axisTitles(
  mesh: Pick<SurfaceMesh, 'sx' | 'sz'>,
): Record<AxisTick['axis'], readonly [number, number, number]> {
  return {
    x: [mesh.sx + 3 * TICK, 0, mesh.sz + 2.5 * TICK],
    y: [-mesh.sx - 2.5 * TICK, 0, -mesh.sz - 3 * TICK],
    loss: [mesh.sx, HEIGHT + 3 * TICK, -mesh.sz],
  };
}
