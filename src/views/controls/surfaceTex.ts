/** The surface formula's box and TeX, shared by the formula and its stand-in before KaTeX. */

/** TeX longer than this (characters) reserves two rows of typeset formula (app.css). */
const LONG_TEX = 100;

/**
 * The box's classes: a long formula (Ackley's, 118 characters of TeX) takes two rows in the side
 * column, and its box reserves them before KaTeX arrives, so the sliders below do not move.
 */
export function surfaceTexClass(tex: string): string {
  return tex.length > LONG_TEX ? 'surface-tex surface-tex--two-rows' : 'surface-tex';
}

/** The formula as shown: `f(x, y) = …` unless the surface's TeX already names f. */
export function surfaceFormulaTex(tex: string): string {
  return /^\s*f\s*\(/.test(tex) ? tex : `f(x, y) = ${tex}`;
}
