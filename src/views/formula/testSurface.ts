import type { Surface } from '../../engine/types';

/**
 * The notes' surface z = x²/10 + y², written out for the formula tests so their expectations
 * stay hand-checkable and independent of the surfaces module.
 */
export const notesQuadratic: Surface = {
  id: 'quadratic',
  label: 'quadratic',
  tex: '\\frac{x^2}{10} + y^2',
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
  domain: { x: [-5, 5], y: [-3, 3] },
  minima: [[0, 0]],
};
