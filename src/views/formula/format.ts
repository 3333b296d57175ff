/** The app's number formatting lives in the engine (the optimizers' step formulas use it too). */
export { formatNumber, formatVector, superscript } from '../../engine/format';
export type { NumberStyle } from '../../engine/format';
