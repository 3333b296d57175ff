/**
 * Contour lines of a sampled grid for many levels in one pass, straight from the typed array.
 *
 * Why not d3-contour: d3 builds filled polygons, one full pass over the grid per level, with an
 * array object per point, ring stitching by concatenation and a hole-in-polygon search; the map
 * then threw away the parts along the frame to keep only the level lines. For 18 levels on a
 * 256² grid that was 13–56 ms in the worker. Here every cell is visited once: its four corners
 * give the range of levels that cross it (a binary search in the sorted thresholds), and only
 * those levels get a marching-squares case. Segments are stored as pairs of edge ids and joined
 * through an edge → next-edge table, so a polyline costs one array of numbers.
 *
 * The geometry is d3-contour's (v4, smooth): the same case table and segment directions, the
 * same linear interpolation along cell edges (`smooth1`), samples at cell centres (i + ½, j + ½).
 * The lines are exactly d3's level lines minus the segments that touch the grid's frame; a unit
 * test checks this segment by segment against d3 itself.
 */

/** One level line: flat [x0, y0, x1, y1, …] in grid units; closed lines repeat their first point. */
export interface Isoline {
  readonly points: Float64Array;
  readonly closed: boolean;
}

// Marching-squares cases as (from, to) pairs of local edges, d3-contour's table and directions.
// Corner bits: 1 = (x, y+1), 2 = (x+1, y+1), 4 = (x+1, y), 8 = (x, y); "above" means v >= level.
const TOP = 0;
const BOTTOM = 1;
const LEFT = 2;
const RIGHT = 3;
const CASES: readonly (readonly number[])[] = [
  [],
  [BOTTOM, LEFT],
  [RIGHT, BOTTOM],
  [RIGHT, LEFT],
  [TOP, RIGHT],
  [BOTTOM, LEFT, TOP, RIGHT],
  [TOP, BOTTOM],
  [TOP, LEFT],
  [LEFT, TOP],
  [BOTTOM, TOP],
  [LEFT, TOP, RIGHT, BOTTOM],
  [RIGHT, TOP],
  [LEFT, RIGHT],
  [BOTTOM, RIGHT],
  [LEFT, BOTTOM],
  [],
];

/** A growable list of int pairs. */
class PairList {
  data = new Int32Array(64);
  length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/** d3-contour's interpolation of a level between two samples along a cell edge. */
function smooth1(x: number, v0: number, v1: number, value: number): number {
  const a = value - v0;
  const b = v1 - v0;
  const d = Number.isFinite(a) || Number.isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
  return Number.isNaN(d) ? x : x + d - 0.5;
}

/**
 * Receives one level line while the lines are traced: `points[0 … 2·count)` holds its flat
 * [x0, y0, x1, y1, …] in grid units (a scratch buffer, valid only during the call; closed lines
 * repeat their first point), `level` is the threshold's index. It must not trace again: the
 * tracer's scratch tables are shared.
 */
export type IsolineVisitor = (
  level: number,
  points: Float64Array,
  count: number,
  closed: boolean,
) => void;

/** The grid with non-finite samples replaced by Number.MAX_VALUE (the grid itself when all are finite). */
function wallGrid(values: ArrayLike<number>, length: number): Float64Array {
  if (values instanceof Float64Array && values.length === length) {
    let finite = true;
    for (let i = 0; i < length; i++) {
      // x - x is 0 for finite x and NaN for ±Infinity or NaN.
      const x = values[i]!;
      if (x - x !== 0) {
        finite = false;
        break;
      }
    }
    if (finite) return values;
  }
  const v = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const x = values[i]!;
    v[i] = Number.isFinite(x) ? x : Number.MAX_VALUE;
  }
  return v;
}

// Scratch kept between calls (a zoom asks for a layer per frame): the edge tables are 1.5 MB at
// 256², and allocating them every time made the collector a good part of a cold layer's time.
// A level marks edges with its own stamp, and stamps keep growing from call to call, so the
// tables never need clearing.
let nextEdge = new Int32Array(0);
let leavesAt = new Int32Array(0);
let arrivesAt = new Int32Array(0);
let nextStamp = 1;
let pointBuffer = new Float64Array(1024);

/** Larger tables (a grid over 512², which the app does not ask for) are not kept. */
const KEPT_EDGES = 2 * 512 * 512;

function edgeTables(
  edges: number,
  levels: number,
): { next: Int32Array; leaves: Int32Array; arrives: Int32Array; stamp0: number } {
  if (edges > KEPT_EDGES) {
    const fresh = (): Int32Array => new Int32Array(edges);
    return { next: fresh(), leaves: fresh(), arrives: fresh(), stamp0: 1 };
  }
  if (nextEdge.length < edges || nextStamp + levels >= 0x7fffffff) {
    const size = Math.max(edges, nextEdge.length);
    nextEdge = new Int32Array(size);
    leavesAt = new Int32Array(size);
    arrivesAt = new Int32Array(size);
    nextStamp = 1;
  }
  const stamp0 = nextStamp;
  nextStamp += levels;
  return { next: nextEdge, leaves: leavesAt, arrives: arrivesAt, stamp0 };
}

/**
 * The level lines of `isolines`, handed to `visit` one by one without allocating an array per
 * line: per level, the open lines first (in the order of their first segment), then the closed
 * ones. `contourPaths` turns them straight into path text.
 */
export function traceIsolines(
  values: ArrayLike<number>,
  width: number,
  height: number,
  thresholds: readonly number[],
  visit: IsolineVisitor,
): void {
  const levels = thresholds.length;
  if (levels === 0 || width < 2 || height < 2) return;
  const v = wallGrid(values, width * height);
  const t = Float64Array.from(thresholds);
  const segments: PairList[] = [];
  for (let k = 0; k < levels; k++) segments.push(new PairList());
  // Edge ids: horizontal edge (i, j)–(i+1, j) is j·width + i; vertical (i, j)–(i, j+1) is
  // width·height + j·width + i.
  const vertical = width * height;
  const local = new Int32Array(4);
  const tMin = t[0]!;
  const tMax = t[levels - 1]!;

  for (let y = 0; y < height - 1; y++) {
    const row = y * width;
    for (let x = 0; x < width - 1; x++) {
      const a = v[row + x]!; // (x, y), bit 8
      const b = v[row + x + 1]!; // (x+1, y), bit 4
      const c = v[row + width + x + 1]!; // (x+1, y+1), bit 2
      const d = v[row + width + x]!; // (x, y+1), bit 1
      let lo = a < b ? a : b;
      let hi = a < b ? b : a;
      if (c < lo) lo = c;
      else if (c > hi) hi = c;
      if (d < lo) lo = d;
      else if (d > hi) hi = d;
      // Levels with lo < level <= hi cross this cell: none when all levels are outside.
      if (hi < tMin || lo >= tMax) continue;
      // The first level above lo, by bisection.
      let k = 0;
      let end = levels;
      while (k < end) {
        const mid = (k + end) >>> 1;
        if (t[mid]! <= lo) k = mid + 1;
        else end = mid;
      }
      if (k >= levels || t[k]! > hi) continue;
      local[TOP] = row + x;
      local[BOTTOM] = row + width + x;
      local[LEFT] = vertical + row + x;
      local[RIGHT] = vertical + row + x + 1;
      for (; k < levels; k++) {
        const level = t[k]!;
        if (level > hi) break;
        const code =
          (d >= level ? 1 : 0) | (c >= level ? 2 : 0) | (b >= level ? 4 : 0) | (a >= level ? 8 : 0);
        const segs = CASES[code]!;
        const list = segments[k]!;
        for (let s = 0; s < segs.length; s += 2) list.push(local[segs[s]!]!, local[segs[s + 1]!]!);
      }
    }
  }

  // Join each level's segments: every crossed edge has at most one segment leaving it and one
  // arriving, so chains start where nothing arrives and the rest are closed loops.
  const { next, leaves, arrives, stamp0 } = edgeTables(2 * width * height, levels);
  let buffer = pointBuffer;
  for (let k = 0; k < levels; k++) {
    const level = t[k]!;
    const stamp = stamp0 + k;
    const { data, length } = segments[k]!;
    for (let s = 0; s < length; s += 2) {
      next[data[s]!] = data[s + 1]!;
      leaves[data[s]!] = stamp;
      arrives[data[s + 1]!] = stamp;
    }
    // Two passes: open chains (a start nothing arrives at), then what is left, closed loops.
    for (let pass = 0; pass < 2; pass++) {
      const closed = pass === 1;
      for (let s = 0; s < length; s += 2) {
        const first = data[s]!;
        if (leaves[first] !== stamp || (!closed && arrives[first] === stamp)) continue;
        let n = 0;
        let e = first;
        for (;;) {
          if (2 * n + 2 > buffer.length) {
            const grown = new Float64Array(buffer.length * 2);
            grown.set(buffer);
            buffer = grown;
          }
          // The crossing on edge e: d3-contour's smooth1 along the edge, the other coordinate
          // at the cell centre.
          if (e < vertical) {
            const j = (e / width) | 0;
            const i = e - j * width;
            buffer[2 * n] = smooth1(i + 1, v[e]!, v[e + 1]!, level);
            buffer[2 * n + 1] = j + 0.5;
          } else {
            const f = e - vertical;
            const j = (f / width) | 0;
            const i = f - j * width;
            buffer[2 * n] = i + 0.5;
            buffer[2 * n + 1] = smooth1(j + 1, v[f]!, v[f + width]!, level);
          }
          n++;
          if (leaves[e] !== stamp) break;
          leaves[e] = 0;
          e = next[e]!;
        }
        visit(k, buffer, n, closed);
      }
    }
  }
  pointBuffer = buffer;
}

/**
 * Level lines of a row-major `width × height` grid (samples at cell centres) for each of the
 * ascending `thresholds`, in grid units, lines touching the frame cut half a cell inside it.
 * Non-finite samples count as higher than every level (a pole reads as a wall, not a hole).
 */
export function isolines(
  values: ArrayLike<number>,
  width: number,
  height: number,
  thresholds: readonly number[],
): Isoline[][] {
  const out: Isoline[][] = thresholds.map(() => []);
  traceIsolines(values, width, height, thresholds, (k, points, count, closed) => {
    out[k]!.push({ points: points.slice(0, 2 * count), closed });
  });
  return out;
}
