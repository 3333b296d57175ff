import type { CodedText, EngineMessageCode, MessageParams } from '../messages';
/**
 * The syntax tree of a typed expression f(x, y), and the tables of names the language knows.
 * Plain data: it can be printed, turned into TeX, differentiated and compiled.
 */

/** Functions of one argument. */
export const UNARY_FUNCTIONS = [
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'exp',
  'log',
  'sqrt',
  'abs',
  'sigmoid',
  'softplus',
] as const;

/** Functions of two arguments. */
export const BINARY_FUNCTIONS = ['min', 'max', 'pow'] as const;

/** A function name of the language. */
export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];
/** A two-argument function name of the language. */
export type BinaryFunction = (typeof BINARY_FUNCTIONS)[number];
/** Any function name of the language. */
export type FunctionName = UnaryFunction | BinaryFunction;

/** Binary operators as stored in the tree (`**` is stored as `^`). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** The variables and the named constants. */
export const VARIABLES = ['x', 'y'] as const;
/** Named constants and their values. */
export const CONSTANTS = { pi: Math.PI, e: Math.E } as const;
/** A named constant. */
export type ConstantName = keyof typeof CONSTANTS;

/** A node of the expression tree. */
export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: 'x' | 'y' }
  | { readonly kind: 'constant'; readonly name: ConstantName }
  | { readonly kind: 'negate'; readonly arg: Expr }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly kind: 'call'; readonly fn: UnaryFunction; readonly args: readonly [Expr] }
  | { readonly kind: 'call'; readonly fn: BinaryFunction; readonly args: readonly [Expr, Expr] };

/** A parse error: plain data so it can cross the worker boundary. `column` is 1-based, in characters. */
export interface ExpressionError {
  /** English sentence. */
  readonly message: string;
  readonly column: number;
  /** What went wrong, for a translated message (see engine/messages.ts). */
  readonly code: EngineMessageCode;
  readonly params: MessageParams;
  /** A notation hint (its English is in params.hint), structured for translation. */
  readonly hint?: CodedText;
}

/** The result of parsing: a tree, or an error with its column. */
export type ParseResult =
  | { readonly ok: true; readonly ast: Expr }
  | { readonly ok: false; readonly error: ExpressionError };

/** Number of arguments of each function. */
export function arityOf(fn: FunctionName): 1 | 2 {
  return (BINARY_FUNCTIONS as readonly string[]).includes(fn) ? 2 : 1;
}

/** Whether `name` is a function of the language. */
export function isFunctionName(name: string): name is FunctionName {
  return (
    (UNARY_FUNCTIONS as readonly string[]).includes(name) ||
    (BINARY_FUNCTIONS as readonly string[]).includes(name)
  );
}

/** Every name the language knows, for "did you mean" suggestions. */
export const KNOWN_NAMES: readonly string[] = [
  ...VARIABLES,
  ...Object.keys(CONSTANTS),
  ...UNARY_FUNCTIONS,
  ...BINARY_FUNCTIONS,
];

/** Longest accepted source, in characters. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Deepest accepted nesting of parentheses, signs, powers and calls. */
export const MAX_EXPRESSION_DEPTH = 64;
