/**
 * The named test surfaces of DESIGN.md, each with a hand-derived exact gradient and Hessian.
 * Every method writes into the caller's array and allocates nothing, so an optimizer step is
 * a handful of flops. Minima were found by Newton's method in float64 (torch) and are listed
 * to full precision so the gradient there is zero to rounding.
 */
import type { Domain, Surface } from '../types';
import { bumps } from './bumps';

const TWO_PI = 2 * Math.PI;
const PI_SQUARED = Math.PI * Math.PI;

function domain(x0: number, x1: number, y0: number, y1: number): Domain {
  return { x: [x0, x1], y: [y0, y1] };
}

/** x²/10 + y²: the notes' elongated bowl, where plain SGD zig-zags across the narrow axis. */
export const quadratic: Surface = {
  id: 'quadratic',
  label: 'Quadratic bowl',
  tex: 'f(x, y) = \\frac{x^{2}}{10} + y^{2}',
  f: (x, y) => (x * x) / 10 + y * y,
  grad(x, y, out) {
    out[0] = x / 5;
    out[1] = 2 * y;
    return (x * x) / 10 + y * y;
  },
  hessian(_x, _y, out) {
    out[0] = 0.2;
    out[1] = 0;
    out[2] = 2;
  },
  domain: domain(-5, 5, -3, 3),
  minima: [[0, 0]],
};

/** (1 − x)² + 100 (y − x²)²: a curved, flat-bottomed valley that is easy to find and slow to follow. */
export const rosenbrock: Surface = {
  id: 'rosenbrock',
  label: 'Rosenbrock',
  tex: 'f(x, y) = (1 - x)^{2} + 100\\,(y - x^{2})^{2}',
  f(x, y) {
    const a = 1 - x;
    const b = y - x * x;
    return a * a + 100 * b * b;
  },
  grad(x, y, out) {
    const a = 1 - x;
    const b = y - x * x;
    out[0] = -2 * a - 400 * x * b;
    out[1] = 200 * b;
    return a * a + 100 * b * b;
  },
  hessian(x, y, out) {
    out[0] = 2 - 400 * y + 1200 * x * x;
    out[1] = -400 * x;
    out[2] = 200;
  },
  domain: domain(-2, 2, -1, 3),
  minima: [[1, 1]],
};

/** Beale's function: flat plateaus and sharp ridges around one minimum at (3, 0.5). */
export const beale: Surface = {
  id: 'beale',
  label: 'Beale',
  tex: 'f(x, y) = (1.5 - x + xy)^{2} + (2.25 - x + xy^{2})^{2} + (2.625 - x + xy^{3})^{2}',
  f(x, y) {
    const y2 = y * y;
    const t1 = 1.5 - x + x * y;
    const t2 = 2.25 - x + x * y2;
    const t3 = 2.625 - x + x * (y2 * y);
    return t1 * t1 + t2 * t2 + t3 * t3;
  },
  grad(x, y, out) {
    const y2 = y * y;
    const y3 = y2 * y;
    const t1 = 1.5 - x + x * y;
    const t2 = 2.25 - x + x * y2;
    const t3 = 2.625 - x + x * y3;
    out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
    out[1] = 2 * (t1 * x + t2 * 2 * x * y + t3 * 3 * x * y2);
    return t1 * t1 + t2 * t2 + t3 * t3;
  },
  hessian(x, y, out) {
    const y2 = y * y;
    const y3 = y2 * y;
    const t1 = 1.5 - x + x * y;
    const t2 = 2.25 - x + x * y2;
    const t3 = 2.625 - x + x * y3;
    // ∂t/∂x and ∂t/∂y of each term; f = Σ t², so H = 2 Σ (∇t ∇tᵀ + t ∇²t).
    const a1 = y - 1;
    const a2 = y2 - 1;
    const a3 = y3 - 1;
    const b1 = x;
    const b2 = 2 * x * y;
    const b3 = 3 * x * y2;
    out[0] = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
    out[1] = 2 * (a1 * b1 + t1 + a2 * b2 + t2 * 2 * y + a3 * b3 + t3 * 3 * y2);
    out[2] = 2 * (b1 * b1 + b2 * b2 + t2 * 2 * x + b3 * b3 + t3 * 6 * x * y);
  },
  domain: domain(-4.5, 4.5, -4.5, 4.5),
  minima: [[3, 0.5]],
};

/** Himmelblau's function: four minima of equal depth, so the start point decides the basin. */
export const himmelblau: Surface = {
  id: 'himmelblau',
  label: 'Himmelblau',
  tex: 'f(x, y) = (x^{2} + y - 11)^{2} + (x + y^{2} - 7)^{2}',
  f(x, y) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return a * a + b * b;
  },
  grad(x, y, out) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * x * a + 2 * b;
    out[1] = 2 * a + 4 * y * b;
    return a * a + b * b;
  },
  hessian(x, y, out) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * a + 8 * x * x + 2;
    out[1] = 4 * x + 4 * y;
    out[2] = 2 + 4 * b + 8 * y * y;
  },
  domain: domain(-6, 6, -6, 6),
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.283185991286169],
    [3.5844283403304917, -1.8481265269644034],
  ],
};

/** Booth's function: a tilted quadratic bowl (constant Hessian) with its minimum at (1, 3). */
export const booth: Surface = {
  id: 'booth',
  label: 'Booth',
  tex: 'f(x, y) = (x + 2y - 7)^{2} + (2x + y - 5)^{2}',
  f(x, y) {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    return a * a + b * b;
  },
  grad(x, y, out) {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    out[0] = 2 * a + 4 * b;
    out[1] = 4 * a + 2 * b;
    return a * a + b * b;
  },
  hessian(_x, _y, out) {
    out[0] = 10;
    out[1] = 8;
    out[2] = 10;
  },
  domain: domain(-10, 10, -10, 10),
  minima: [[1, 3]],
};

/** Rastrigin's function: a bowl covered in a regular lattice of local minima. */
export const rastrigin: Surface = {
  id: 'rastrigin',
  label: 'Rastrigin',
  tex: 'f(x, y) = 20 + x^{2} - 10\\cos 2\\pi x + y^{2} - 10\\cos 2\\pi y',
  f: (x, y) => 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y),
  grad(x, y, out) {
    out[0] = 2 * x + 20 * Math.PI * Math.sin(TWO_PI * x);
    out[1] = 2 * y + 20 * Math.PI * Math.sin(TWO_PI * y);
    return 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y);
  },
  hessian(x, y, out) {
    out[0] = 2 + 40 * PI_SQUARED * Math.cos(TWO_PI * x);
    out[1] = 0;
    out[2] = 2 + 40 * PI_SQUARED * Math.cos(TWO_PI * y);
  },
  domain: domain(-5.12, 5.12, -5.12, 5.12),
  minima: [[0, 0]],
};

/** x² − y²: the textbook saddle; unbounded below, so no minima. */
export const saddle: Surface = {
  id: 'saddle',
  label: 'Saddle',
  tex: 'f(x, y) = x^{2} - y^{2}',
  f: (x, y) => x * x - y * y,
  grad(x, y, out) {
    out[0] = 2 * x;
    out[1] = -2 * y;
    return x * x - y * y;
  },
  hessian(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = -2;
  },
  domain: domain(-3, 3, -3, 3),
  minima: [],
};

/** x³ − 3xy²: a degenerate saddle (zero Hessian at the origin) with three valleys; no minima. */
export const monkeySaddle: Surface = {
  id: 'monkey-saddle',
  label: 'Monkey saddle',
  tex: 'f(x, y) = x^{3} - 3xy^{2}',
  f: (x, y) => x * x * x - 3 * x * y * y,
  grad(x, y, out) {
    out[0] = 3 * x * x - 3 * y * y;
    out[1] = -6 * x * y;
    return x * x * x - 3 * x * y * y;
  },
  hessian(x, y, out) {
    out[0] = 6 * x;
    out[1] = -6 * y;
    out[2] = -6 * x;
  },
  domain: domain(-2, 2, -2, 2),
  minima: [],
};

/** The six-hump camel: six local minima, two of them global at ±(0.0898, −0.7126). */
export const sixHumpCamel: Surface = {
  id: 'six-hump-camel',
  label: 'Six-hump camel',
  tex: 'f(x, y) = \\left(4 - 2.1x^{2} + \\frac{x^{4}}{3}\\right)x^{2} + xy + (-4 + 4y^{2})\\,y^{2}',
  f(x, y) {
    const x2 = x * x;
    const y2 = y * y;
    return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  },
  grad(x, y, out) {
    const x2 = x * x;
    const y2 = y * y;
    out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
    out[1] = x - 8 * y + 16 * y2 * y;
    return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  },
  hessian(x, y, out) {
    const x2 = x * x;
    out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
    out[1] = 1;
    out[2] = -8 + 48 * y * y;
  },
  domain: domain(-2, 2, -1.2, 1.2),
  minima: [
    [0.08984201310031806, -0.7126564030207396],
    [-0.08984201310031806, 0.7126564030207396],
  ],
};

const STYBLINSKI_TANG_ARGMIN = -2.903534027771177;

/** Styblinski–Tang: four basins of different depth; the global one is at x = y ≈ −2.9035. */
export const styblinskiTang: Surface = {
  id: 'styblinski-tang',
  label: 'Styblinski–Tang',
  // Two fractions, not one: a narrow panel can then break the formula at the `+`.
  tex: 'f(x, y) = \\tfrac{1}{2}(x^{4} - 16x^{2} + 5x) + \\tfrac{1}{2}(y^{4} - 16y^{2} + 5y)',
  f(x, y) {
    const x2 = x * x;
    const y2 = y * y;
    return (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y) / 2;
  },
  grad(x, y, out) {
    const x2 = x * x;
    const y2 = y * y;
    out[0] = 2 * x2 * x - 16 * x + 2.5;
    out[1] = 2 * y2 * y - 16 * y + 2.5;
    return (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y) / 2;
  },
  hessian(x, y, out) {
    out[0] = 6 * x * x - 16;
    out[1] = 0;
    out[2] = 6 * y * y - 16;
  },
  domain: domain(-5, 5, -5, 5),
  minima: [[STYBLINSKI_TANG_ARGMIN, STYBLINSKI_TANG_ARGMIN]],
};

/**
 * Ackley's function: a nearly flat, bumpy plateau around a deep funnel at the origin.
 *
 * The funnel term −20·e^(−0.2 r), r = √(0.5(x² + y²)), is a cone at the origin, where it has no
 * gradient. Written with `sqrt`, torch autograd gives NaN there (√′(0)·0 = ∞·0); written as
 * torch.linalg.vector_norm(v)·√0.5 it gives the subgradient 0. We follow the norm form, so the
 * gradient at the minimum itself is exactly (0, 0) and a run started there stays put. The Hessian
 * does not exist at the origin; torch's double backward gives NaN for the norm form, and so do we.
 */
export const ackley: Surface = {
  id: 'ackley',
  label: 'Ackley',
  // \exp(…), not e^{…}: an exponent's script size made the formula unreadable on a projector.
  tex: 'f(x, y) = -20\\exp\\left(-0.2\\sqrt{0.5(x^{2} + y^{2})}\\right) - \\exp\\left(0.5(\\cos 2\\pi x + \\cos 2\\pi y)\\right) + e + 20',
  f(x, y) {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    const c = 0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y));
    return -20 * Math.exp(-0.2 * r) - Math.exp(c) + Math.E + 20;
  },
  grad(x, y, out) {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    const funnel = Math.exp(-0.2 * r);
    const ripples = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
    // d/dx of −20 e^(−0.2 r) = 4 e^(−0.2 r) · ∂r/∂x = 2x e^(−0.2 r) / r; the norm subgradient at r = 0 is 0.
    const radial = r === 0 ? 0 : (2 * funnel) / r;
    out[0] = radial * x + Math.PI * Math.sin(TWO_PI * x) * ripples;
    out[1] = radial * y + Math.PI * Math.sin(TWO_PI * y) * ripples;
    return -20 * funnel - ripples + Math.E + 20;
  },
  hessian(x, y, out) {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    const funnel = Math.exp(-0.2 * r);
    const sx = Math.sin(TWO_PI * x);
    const sy = Math.sin(TWO_PI * y);
    const ripples = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
    // Funnel term, arranged to avoid cancelling two huge terms near the origin:
    // ∂²/∂x² = e^(−0.2r)(y² − 0.2 r x²)/r³, ∂²/∂x∂y = −e^(−0.2r)(1 + 0.2r) x y / r³.
    const r3 = r * r * r;
    const fxx = r === 0 ? NaN : (funnel * (y * y - 0.2 * r * x * x)) / r3;
    const fyy = r === 0 ? NaN : (funnel * (x * x - 0.2 * r * y * y)) / r3;
    const fxy = r === 0 ? NaN : (-funnel * (1 + 0.2 * r) * x * y) / r3;
    out[0] = fxx + PI_SQUARED * ripples * (2 * Math.cos(TWO_PI * x) - sx * sx);
    out[1] = fxy - PI_SQUARED * ripples * sx * sy;
    out[2] = fyy + PI_SQUARED * ripples * (2 * Math.cos(TWO_PI * y) - sy * sy);
  },
  domain: domain(-5, 5, -5, 5),
  minima: [[0, 0]],
};

/** All named surfaces in DESIGN.md order. */
export const NAMED_SURFACE_LIST: readonly Surface[] = [
  quadratic,
  rosenbrock,
  beale,
  himmelblau,
  booth,
  rastrigin,
  saddle,
  monkeySaddle,
  sixHumpCamel,
  styblinskiTang,
  ackley,
  // A sum over 12 terms, so mini-batch gradient noise applies (noise/gradient-noise.ts).
  bumps,
];
