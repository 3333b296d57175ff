/**
 * The typed-expression language in one import: parse, print, TeX, compile.
 * Grammar and semantics are described in parser.ts and graph.ts.
 */
export type { Expr, ExpressionError, ParseResult } from './ast';
export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './ast';
export { parseExpression } from './parser';
export { expressionToTex, printExpression } from './printer';
export { EXPRESSION_DOMAIN, compileExpression } from './compile';
