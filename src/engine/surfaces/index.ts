/**
 * Every surface the app can show, by reference: the named ones and typed expressions, with the
 * expression compiler loaded (workers, the CLI and tests import this; the app's first bundle
 * imports ./resolve and loads the compiler later).
 */
import './expressions';

export { compileExpression } from './compile';
export { parseExpression } from './parser';
export { expressionToTex, printExpression } from './printer';
export type { Expr, ExpressionError, ParseResult } from './ast';
export { sampleGrid, sampleGridWithGradient, gridCoordinates, isGridEvaluator } from './grid';
export type { GridEvaluator, GridSamples } from './grid';
export {
  NAMED_SURFACES,
  SURFACE_IDS,
  resolveSurface,
  expressionsLoaded,
  loadExpressions,
  ExpressionsNotLoaded,
} from './resolve';
