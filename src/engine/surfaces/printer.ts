/**
 * Prints an expression tree back to source text and to TeX. Both add only the parentheses the
 * grammar needs (plus a few for readability), so `parseExpression(printExpression(ast))` gives
 * back an equal tree for every tree the parser can produce.
 */
import type { Expr } from './ast';

/** Binding strength of each printed form, loosest first. */
const enum Level {
  Sum = 1,
  Product = 2,
  Unary = 3,
  Power = 4,
  Primary = 5,
}

function levelOf(expr: Expr): Level {
  switch (expr.kind) {
    case 'binary':
      if (expr.op === '+' || expr.op === '-') return Level.Sum;
      if (expr.op === '*' || expr.op === '/') return Level.Product;
      return Level.Power;
    case 'negate':
      return Level.Unary;
    default:
      return Level.Primary;
  }
}

function formatNumber(value: number): string {
  // String() gives the shortest text that reads back as the same double (1e+21, 5e-7, 0.1).
  return Object.is(value, -0) ? '0' : String(value);
}

/** Source text for `expr` that re-parses to an equal tree. */
export function printExpression(expr: Expr): string {
  const wrap = (child: Expr, min: Level): string => {
    const text = printExpression(child);
    return levelOf(child) < min ? `(${text})` : text;
  };
  switch (expr.kind) {
    case 'number':
      return formatNumber(expr.value);
    case 'variable':
    case 'constant':
      return expr.name;
    case 'negate':
      // A sign under a sign reads better with parentheses: -(-x).
      return `-${wrap(expr.arg, expr.arg.kind === 'negate' ? Level.Primary : Level.Unary)}`;
    case 'call':
      return `${expr.fn}(${expr.args.map(printExpression).join(', ')})`;
    case 'binary': {
      switch (expr.op) {
        case '+':
        case '-':
          return `${wrap(expr.left, Level.Sum)} ${expr.op} ${wrapOperand(expr.right, Level.Product)}`;
        case '*':
        case '/':
          return `${wrap(expr.left, Level.Product)}${expr.op}${wrapOperand(expr.right, Level.Power)}`;
        case '^':
          return `${wrap(expr.left, Level.Primary)}^${wrapOperand(expr.right, Level.Power)}`;
      }
    }
  }

  /** Right operands: a negation is legal there (a*-b, 2^-1) but reads better in parentheses. */
  function wrapOperand(child: Expr, min: Level): string {
    const text = printExpression(child);
    return levelOf(child) < min ? `(${text})` : text;
  }
}

const TEX_FUNCTIONS: Readonly<Record<string, string>> = {
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  asin: '\\arcsin',
  acos: '\\arccos',
  atan: '\\arctan',
  sinh: '\\sinh',
  cosh: '\\cosh',
  tanh: '\\tanh',
  exp: '\\exp',
  log: '\\log',
  sigmoid: '\\sigma',
  softplus: '\\operatorname{softplus}',
  min: '\\min',
  max: '\\max',
};

function texNumber(value: number): string {
  const text = formatNumber(value);
  const match = /^(\d+(?:\.\d+)?)e([+-])(\d+)$/.exec(text);
  if (!match) return text;
  const [, mantissa, sign, exponent] = match;
  const power = `10^{${sign === '-' ? '-' : ''}${exponent}}`;
  return mantissa === '1' ? power : `${mantissa} \\times ${power}`;
}

/**
 * TeX for `expr`, built from the tree alone (only digits, x, y and fixed commands), so it is safe
 * to render with KaTeX's trust: false whatever the user typed.
 */
export function expressionToTex(expr: Expr): string {
  const paren = (text: string): string => `\\left(${text}\\right)`;
  const wrap = (child: Expr, min: Level): string => {
    const text = expressionToTex(child);
    return levelOf(child) < min ? paren(text) : text;
  };
  switch (expr.kind) {
    case 'number':
      return texNumber(expr.value);
    case 'variable':
      return expr.name;
    case 'constant':
      return expr.name === 'pi' ? '\\pi' : 'e';
    case 'negate':
      return `-${wrap(expr.arg, Level.Power)}`;
    case 'call': {
      const [first, second] = expr.args;
      if (expr.fn === 'sqrt') return `\\sqrt{${expressionToTex(first)}}`;
      if (expr.fn === 'abs') return `\\left|${expressionToTex(first)}\\right|`;
      if (expr.fn === 'pow' && second) {
        return `{${wrap(first, Level.Primary)}}^{${expressionToTex(second)}}`;
      }
      const args = expr.args.map(expressionToTex).join(', ');
      return `${TEX_FUNCTIONS[expr.fn] ?? '\\operatorname{f}'}${paren(args)}`;
    }
    case 'binary': {
      const { left, right } = expr;
      // A signed right operand gets parentheses: a - (-b), not a - -b.
      const signed = right.kind === 'negate' ? paren(expressionToTex(right)) : null;
      switch (expr.op) {
        case '+':
          return `${wrap(left, Level.Sum)} + ${signed ?? wrap(right, Level.Product)}`;
        case '-':
          return `${wrap(left, Level.Sum)} - ${signed ?? wrap(right, Level.Product)}`;
        case '*':
          return `${wrap(left, Level.Product)} \\cdot ${wrap(right, Level.Power)}`;
        case '/':
          return `\\frac{${expressionToTex(left)}}{${expressionToTex(right)}}`;
        case '^':
          return `{${wrap(left, Level.Primary)}}^{${expressionToTex(right)}}`;
      }
    }
  }
}
