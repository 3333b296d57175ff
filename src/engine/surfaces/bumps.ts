/**
 * "Sum of N bumps": a loss that is a mean over N terms, like a data set's loss, so a mini-batch
 * (a subset of terms) gives a real stochastic gradient on a picture with several minima:
 *
 *   f(p) = (1/N) Σᵢ fᵢ(p),  fᵢ(p) = (κ/2)‖p‖² − hᵢ·exp(−‖p − cᵢ‖² / (2w²)).
 *
 * Each term is a shallow bowl with one Gaussian well; the bowl keeps every subset's loss bounded
 * below, the wells give the full loss its several basins. Centres lie on a golden-angle spiral
 * (deterministic: no seed, the surface is the same everywhere). Exact gradient and Hessian:
 * ∇fᵢ = κp + hᵢgᵢ(p − cᵢ)/w², ∇²fᵢ = κI + hᵢgᵢ[I/w² − (p − cᵢ)(p − cᵢ)ᵀ/w⁴], gᵢ = exp(−‖p − cᵢ‖²/(2w²)).
 *
 * Registered in named.ts's NAMED_SURFACE_LIST (last, after DESIGN.md's eleven).
 */
import { symmetricEigen2 } from '../analysis/eigen';
import type { DomainPoint, Surface } from '../types';

/** A surface that is the mean of `terms` parts, with the gradient of any subset of them. */
export interface SumSurface extends Surface {
  /** Number of terms N (examples of a data set, bumps of the bumps surface). */
  readonly terms: number;
  /**
   * Mean value and gradient of the terms indices[from … to−1] at (x, y): gradient into out[0..1],
   * value returned. indices[from … to−1] = 0 … N−1 gives the full f and ∇f.
   */
  batchGrad(
    indices: Uint32Array,
    from: number,
    to: number,
    x: number,
    y: number,
    out: Float64Array,
  ): number;
}

/** True when `surface` carries per-term gradients (mini-batch noise applies). */
export function isSumSurface(surface: Surface): surface is SumSurface {
  return (
    typeof (surface as Partial<SumSurface>).batchGrad === 'function' &&
    typeof (surface as Partial<SumSurface>).terms === 'number'
  );
}

/** Number of bumps. */
export const BUMP_COUNT = 12;
/** Width w of every well. */
const WIDTH = 0.6;
/** Curvature κ of every term's bowl. */
const KAPPA = 0.03;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

const CX = new Float64Array(BUMP_COUNT);
const CY = new Float64Array(BUMP_COUNT);
const HEIGHT = new Float64Array(BUMP_COUNT);
for (let i = 0; i < BUMP_COUNT; i++) {
  const r = 3.2 * Math.sqrt((i + 0.5) / BUMP_COUNT);
  CX[i] = r * Math.cos(i * GOLDEN_ANGLE);
  CY[i] = r * Math.sin(i * GOLDEN_ANGLE);
  // Three depths, so the basins differ and one is the deepest.
  HEIGHT[i] = 1 + 0.5 * (i % 3);
}

const INV_W2 = 1 / (WIDTH * WIDTH);

function bumpsBatch(
  indices: Uint32Array | undefined,
  from: number,
  to: number,
  x: number,
  y: number,
  out: Float64Array | undefined,
  hess: Float64Array | undefined,
): number {
  let f = 0;
  let gx = 0;
  let gy = 0;
  let hxx = 0;
  let hxy = 0;
  let hyy = 0;
  for (let j = from; j < to; j++) {
    const i = indices ? indices[j]! : j;
    const dx = x - CX[i]!;
    const dy = y - CY[i]!;
    const hg = HEIGHT[i]! * Math.exp(-(dx * dx + dy * dy) * 0.5 * INV_W2);
    f -= hg;
    gx += hg * dx * INV_W2;
    gy += hg * dy * INV_W2;
    if (hess) {
      hxx += hg * (INV_W2 - dx * dx * INV_W2 * INV_W2);
      hxy -= hg * dx * dy * INV_W2 * INV_W2;
      hyy += hg * (INV_W2 - dy * dy * INV_W2 * INV_W2);
    }
  }
  const n = to - from;
  if (out) {
    out[0] = KAPPA * x + gx / n;
    out[1] = KAPPA * y + gy / n;
  }
  if (hess) {
    hess[0] = KAPPA + hxx / n;
    hess[1] = hxy / n;
    hess[2] = KAPPA + hyy / n;
  }
  return 0.5 * KAPPA * (x * x + y * y) + f / n;
}

/** Local minima of the full f, by Newton from each centre (deduplicated, ascending loss). */
function findMinima(): DomainPoint[] {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const found: DomainPoint[] = [];
  for (let i = 0; i < BUMP_COUNT; i++) {
    let x = CX[i]!;
    let y = CY[i]!;
    for (let it = 0; it < 100; it++) {
      bumpsBatch(undefined, 0, BUMP_COUNT, x, y, g, h);
      const det = h[0]! * h[2]! - h[1]! * h[1]!;
      if (!(h[0]! > 0 && det > 0)) {
        // Not locally convex yet: a small gradient step towards the well.
        x -= 2 * g[0]!;
        y -= 2 * g[1]!;
        continue;
      }
      const dx = (h[2]! * g[0]! - h[1]! * g[1]!) / det;
      const dy = (h[0]! * g[1]! - h[1]! * g[0]!) / det;
      x -= dx;
      y -= dy;
      if (Math.hypot(dx, dy) < 1e-15) break;
    }
    bumpsBatch(undefined, 0, BUMP_COUNT, x, y, g, h);
    const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
    if (Math.hypot(g[0]!, g[1]!) > 1e-10 || !(e.lambdaMin > 0)) continue;
    if (found.some(([a, b]) => Math.hypot(a - x, b - y) < 1e-6)) continue;
    found.push([x, y]);
  }
  const f = (p: DomainPoint): number =>
    bumpsBatch(undefined, 0, BUMP_COUNT, p[0], p[1], g, undefined);
  return found.sort((a, b) => f(a) - f(b));
}

/** Centres cᵢ = (aᵢ, bᵢ) and heights hᵢ of the bumps, κ and w: for the exported PyTorch script. */
export const BUMPS_PARAMETERS = {
  cx: Array.from(CX),
  cy: Array.from(CY),
  height: Array.from(HEIGHT),
  kappa: KAPPA,
  width: WIDTH,
} as const;

let minimaFound: DomainPoint[] | undefined;

/** The bumps surface (module comment); minima listed deepest first. */
export const bumps: SumSurface = {
  id: 'bumps',
  label: 'Sum of bumps',
  // In text style (a small Σ, brackets one size up) it fits a side panel's reserved height.
  tex: `f(x, y) = \\tfrac{1}{${BUMP_COUNT}}\\textstyle\\sum_{i} \\big[\\tfrac{\\kappa}{2}\\lVert \\mathbf{p}\\rVert^{2} - h_i \\exp\\left(-\\lVert \\mathbf{p} - \\mathbf{c}_i\\rVert^{2}/2w^{2}\\right)\\big]`,
  f: (x, y) => bumpsBatch(undefined, 0, BUMP_COUNT, x, y, undefined, undefined),
  grad: (x, y, out) => bumpsBatch(undefined, 0, BUMP_COUNT, x, y, out, undefined),
  hessian(x, y, out) {
    bumpsBatch(undefined, 0, BUMP_COUNT, x, y, undefined, out);
  },
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  // Found on first use, not at the page's start: 12 Newton runs were ~10 ms of a throttled first
  // paint that draws another surface.
  get minima(): DomainPoint[] {
    return (minimaFound ??= findMinima());
  },
  terms: BUMP_COUNT,
  batchGrad: (indices, from, to, x, y, out) => bumpsBatch(indices, from, to, x, y, out, undefined),
};
