/**
 * A hash-consed expression graph with exact symbolic derivatives.
 *
 * Why a graph: the value, the gradient and the Hessian share most of their subexpressions
 * (sin x appears in f and in ∂f/∂y of sin(x)·cos(y)); building every node through one table
 * makes equal subexpressions one node, so the compiled program computes each once.
 *
 * Simplification is exact in IEEE arithmetic only (1·a → a, a + (−b) → a − b, folding of
 * constant operands with the same code the interpreter runs): the compiled value of a user's
 * expression is bit-for-bit what the formula says. A derivative that does not depend on a
 * variable at all is a structural zero (NONE), dropped from sums and products: this is torch's
 * "not connected to the graph" case, so √y has ∂/∂x = 0 even where √′ is infinite.
 *
 * Kinks follow torch autograd (2.x, as 1.13): abs′(0) = 0 (sign), max/min split the gradient 0.5/0.5 at a
 * tie, √′(0) = ∞, pow′ is masked where torch masks it (exponent 0; base 0 with exponent ≥ 0).
 * The masks are torch's too in second derivatives: where an exponent is exactly 0, the
 * derivative of the masked base term is 0, so ∂²(a^b)/∂x∂y there lacks the a′/a term, exactly
 * like torch.autograd.functional.hessian's H[0][1] (torch's Hessian is even asymmetric there).
 * One known difference: where the base is 0 and the exponent ≥ 0, torch's double backward turns
 * the masked branch's 0·∞ into NaN, while our masked derivative stays 0.
 */

/** Operation codes of graph nodes and of compiled instructions. */
export const Op = {
  Const: 0,
  X: 1,
  Y: 2,
  Add: 3,
  Sub: 4,
  Mul: 5,
  Div: 6,
  Neg: 7,
  Pow: 8,
  Sin: 9,
  Cos: 10,
  Tan: 11,
  Asin: 12,
  Acos: 13,
  Atan: 14,
  Sinh: 15,
  Cosh: 16,
  Tanh: 17,
  Exp: 18,
  Log: 19,
  Sqrt: 20,
  Abs: 21,
  Sigmoid: 22,
  Softplus: 23,
  Min: 24,
  Max: 25,
  /** sign(a) with sign(0) = 0: torch's abs backward. */
  Sign: 26,
  /** Share of a max's gradient that goes to a: 1 if a > b, 0.5 at a tie, 0 if a < b. */
  TieWeight: 27,
  /** 1 where a ≠ 0, else 0. */
  NonZero: 28,
  /** 0 where a = 0 and b ≥ 0 (torch zeroes pow's exponent gradient there), else 1. */
  PowMask: 29,
  /** b where a ≠ 0, else 0 (unlike 0·b, never NaN): torch's masked_fill. */
  Mask: 30,
  /** x² as x·x, chosen by the compiler for pow(a, 2). */
  Square: 31,
} as const;

/** An operation code. */
export type OpCode = (typeof Op)[keyof typeof Op];

/** Marks a derivative that is identically zero because the node does not depend on the variable. */
export const NONE = -1;

/** Numerically stable logistic function. */
export function sigmoid(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

/**
 * log(1 + eᵃ) without overflow. torch returns a itself above its threshold 20; the two differ by
 * at most 2.1e-9 there, and this form keeps the value consistent with its derivative sigmoid(a).
 */
export function softplus(a: number): number {
  return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
}

/** The meaning of every operation on plain numbers; the batch interpreter mirrors it loop by loop. */
export function applyOp(op: OpCode, a: number, b: number): number {
  switch (op) {
    case Op.Add:
      return a + b;
    case Op.Sub:
      return a - b;
    case Op.Mul:
      return a * b;
    case Op.Div:
      return a / b;
    case Op.Neg:
      return -a;
    case Op.Pow:
      return Math.pow(a, b);
    case Op.Square:
      return a * a;
    case Op.Sin:
      return Math.sin(a);
    case Op.Cos:
      return Math.cos(a);
    case Op.Tan:
      return Math.tan(a);
    case Op.Asin:
      return Math.asin(a);
    case Op.Acos:
      return Math.acos(a);
    case Op.Atan:
      return Math.atan(a);
    case Op.Sinh:
      return Math.sinh(a);
    case Op.Cosh:
      return Math.cosh(a);
    case Op.Tanh:
      return Math.tanh(a);
    case Op.Exp:
      return Math.exp(a);
    case Op.Log:
      return Math.log(a);
    case Op.Sqrt:
      return Math.sqrt(a);
    case Op.Abs:
      return Math.abs(a);
    case Op.Sigmoid:
      return sigmoid(a);
    case Op.Softplus:
      return softplus(a);
    case Op.Min:
      // torch.minimum propagates NaN; Math.min does too.
      return Math.min(a, b);
    case Op.Max:
      return Math.max(a, b);
    case Op.Sign:
      return a > 0 ? 1 : a < 0 ? -1 : a;
    case Op.TieWeight:
      return a === b ? 0.5 : a < b ? 0 : 1;
    case Op.NonZero:
      return a !== 0 ? 1 : 0;
    case Op.PowMask:
      return a === 0 && b >= 0 ? 0 : 1;
    case Op.Mask:
      return a !== 0 ? b : 0;
    case Op.Const:
    case Op.X:
    case Op.Y:
      return NaN;
  }
}

/** Variables a derivative can be taken with respect to: 0 is x, 1 is y. */
export type Variable = 0 | 1;

/** A growing DAG of nodes, each identified by its index; arguments always have smaller indices. */
export class ExpressionGraph {
  /** Operation of each node. */
  readonly ops: OpCode[] = [];
  /** First argument of each node (or -1). */
  readonly left: number[] = [];
  /** Second argument of each node (or -1). */
  readonly right: number[] = [];
  /** Value of constant nodes (0 for the others). */
  readonly values: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly derivativeMemo: [Map<number, number>, Map<number, number>] = [
    new Map(),
    new Map(),
  ];

  /** Number of nodes so far. */
  get size(): number {
    return this.ops.length;
  }

  private intern(op: OpCode, a: number, b: number, value: number): number {
    const key = op === Op.Const ? `c${Object.is(value, -0) ? '-0' : value}` : `${op},${a},${b}`;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const id = this.ops.length;
    this.ops.push(op);
    this.left.push(a);
    this.right.push(b);
    this.values.push(value);
    this.index.set(key, id);
    return id;
  }

  /** Whether `node` is the constant `value` (compared with Object.is, so NaN and −0 are exact). */
  isConstant(node: number, value?: number): boolean {
    if (this.ops[node] !== Op.Const) return false;
    return value === undefined || Object.is(this.values[node], value);
  }

  /** A constant node. */
  constant(value: number): number {
    return this.intern(Op.Const, -1, -1, value);
  }

  /** The variable x (0) or y (1). */
  variable(v: Variable): number {
    return this.intern(v === 0 ? Op.X : Op.Y, -1, -1, 0);
  }

  /** A node applying `op`, simplified only where the result is exactly the same number. */
  apply(op: OpCode, a: number, b = -1): number {
    const constantA = this.ops[a] === Op.Const;
    const constantB = b < 0 || this.ops[b] === Op.Const;
    if (constantA && constantB) {
      return this.constant(
        applyOp(op, this.values[a] ?? NaN, b < 0 ? NaN : (this.values[b] ?? NaN)),
      );
    }
    switch (op) {
      case Op.Add:
        if (this.ops[b] === Op.Neg) return this.apply(Op.Sub, a, this.argument(b));
        if (this.ops[a] === Op.Neg) return this.apply(Op.Sub, b, this.argument(a));
        return this.intern(op, Math.min(a, b), Math.max(a, b), 0);
      case Op.Sub:
        if (this.ops[b] === Op.Neg) return this.apply(Op.Add, a, this.argument(b));
        break;
      case Op.Mul:
        if (this.isConstant(a, 1)) return b;
        if (this.isConstant(b, 1)) return a;
        if (this.isConstant(a, -1)) return this.apply(Op.Neg, b);
        if (this.isConstant(b, -1)) return this.apply(Op.Neg, a);
        if (this.ops[a] === Op.Neg && this.ops[b] === Op.Neg) {
          return this.apply(Op.Mul, this.argument(a), this.argument(b));
        }
        return this.intern(op, Math.min(a, b), Math.max(a, b), 0);
      case Op.Div:
        if (this.isConstant(b, 1)) return a;
        if (this.isConstant(b, -1)) return this.apply(Op.Neg, a);
        break;
      case Op.Neg:
        if (this.ops[a] === Op.Neg) return this.argument(a);
        break;
      case Op.Pow:
        if (this.isConstant(b, 1)) return a;
        if (this.isConstant(b, 0)) return this.constant(1);
        break;
      case Op.Mask:
        if (constantA) return (this.values[a] ?? 0) !== 0 ? b : this.constant(0);
        break;
      default:
        break;
    }
    return this.intern(op, a, b, 0);
  }

  /** The first argument of `node`. */
  argument(node: number): number {
    return this.left[node] ?? -1;
  }

  /** ∂node/∂variable as a node, or NONE when the node does not depend on the variable (or is NONE). */
  derivative(node: number, v: Variable): number {
    if (node === NONE) return NONE;
    const memo = this.derivativeMemo[v];
    const known = memo.get(node);
    if (known !== undefined) return known;
    const result = this.differentiate(node, v);
    memo.set(node, result);
    return result;
  }

  private sum(p: number, q: number): number {
    if (p === NONE) return q;
    if (q === NONE) return p;
    return this.apply(Op.Add, p, q);
  }

  private difference(p: number, q: number): number {
    if (q === NONE) return p;
    if (p === NONE) return this.apply(Op.Neg, q);
    return this.apply(Op.Sub, p, q);
  }

  /** d · factor, where d may be NONE. */
  private times(d: number, factor: number): number {
    return d === NONE ? NONE : this.apply(Op.Mul, factor, d);
  }

  /** d · (mask ? factor : 0), dropping the term when the mask is the constant 0. */
  private masked(d: number, mask: number, factor: number): number {
    if (d === NONE) return NONE;
    if (this.isConstant(mask)) return (this.values[mask] ?? 0) !== 0 ? this.times(d, factor) : NONE;
    return this.times(d, this.apply(Op.Mask, mask, factor));
  }

  private differentiate(node: number, v: Variable): number {
    const op = this.ops[node] as OpCode;
    const a = this.left[node] ?? -1;
    const b = this.right[node] ?? -1;
    switch (op) {
      case Op.Const:
      case Op.Sign:
      case Op.TieWeight:
      case Op.NonZero:
      case Op.PowMask:
        // Constant, or piecewise constant: torch gives these no gradient.
        return NONE;
      case Op.X:
        return v === 0 ? this.constant(1) : NONE;
      case Op.Y:
        return v === 1 ? this.constant(1) : NONE;
      default:
        break;
    }
    const da = op === Op.Mask ? NONE : this.derivative(a, v);
    const db = b >= 0 ? this.derivative(b, v) : NONE;
    if (da === NONE && db === NONE) return NONE;
    const one = this.constant(1);
    const square = (n: number): number => this.apply(Op.Mul, n, n);
    switch (op) {
      case Op.Add:
        return this.sum(da, db);
      case Op.Sub:
        return this.difference(da, db);
      case Op.Neg:
        return this.apply(Op.Neg, da);
      case Op.Mul:
        return this.sum(this.times(da, b), this.times(db, a));
      case Op.Div:
        // torch: ∂/∂a = g / b, ∂/∂b = −g · a / (b · b).
        return this.difference(
          da === NONE ? NONE : this.apply(Op.Div, da, b),
          this.times(db, this.apply(Op.Div, a, square(b))),
        );
      case Op.Pow:
      case Op.Square: {
        // torch: ∂/∂a = b · a^(b−1) except where b = 0; ∂/∂b = a^b · log a except where a = 0, b ≥ 0.
        const exponent = op === Op.Square ? this.constant(2) : b;
        const baseTerm =
          da === NONE
            ? NONE
            : this.masked(
                da,
                this.apply(Op.NonZero, exponent),
                this.apply(
                  Op.Mul,
                  exponent,
                  this.apply(Op.Pow, a, this.apply(Op.Sub, exponent, one)),
                ),
              );
        const exponentTerm =
          db === NONE
            ? NONE
            : this.masked(
                db,
                this.apply(Op.PowMask, a, exponent),
                this.apply(Op.Mul, node, this.apply(Op.Log, a)),
              );
        return this.sum(baseTerm, exponentTerm);
      }
      case Op.Sin:
        return this.times(da, this.apply(Op.Cos, a));
      case Op.Cos:
        return this.times(da, this.apply(Op.Neg, this.apply(Op.Sin, a)));
      case Op.Tan:
        return this.times(da, this.apply(Op.Add, one, square(node)));
      case Op.Asin:
        return this.apply(Op.Div, da, this.apply(Op.Sqrt, this.apply(Op.Sub, one, square(a))));
      case Op.Acos:
        return this.apply(
          Op.Neg,
          this.apply(Op.Div, da, this.apply(Op.Sqrt, this.apply(Op.Sub, one, square(a)))),
        );
      case Op.Atan:
        return this.apply(Op.Div, da, this.apply(Op.Add, one, square(a)));
      case Op.Sinh:
        return this.times(da, this.apply(Op.Cosh, a));
      case Op.Cosh:
        return this.times(da, this.apply(Op.Sinh, a));
      case Op.Tanh:
        return this.times(da, this.apply(Op.Sub, one, square(node)));
      case Op.Exp:
        return this.times(da, node);
      case Op.Log:
        return this.apply(Op.Div, da, a);
      case Op.Sqrt:
        // torch: g / (2 · √a), so √′(0) = ∞.
        return this.apply(Op.Div, da, this.apply(Op.Mul, this.constant(2), node));
      case Op.Abs:
        return this.times(da, this.apply(Op.Sign, a));
      case Op.Sigmoid:
        return this.times(da, this.apply(Op.Mul, node, this.apply(Op.Sub, one, node)));
      case Op.Softplus:
        return this.times(da, this.apply(Op.Sigmoid, a));
      case Op.Max:
        return this.sum(
          this.times(da, this.apply(Op.TieWeight, a, b)),
          this.times(db, this.apply(Op.TieWeight, b, a)),
        );
      case Op.Min:
        return this.sum(
          this.times(da, this.apply(Op.TieWeight, b, a)),
          this.times(db, this.apply(Op.TieWeight, a, b)),
        );
      case Op.Mask:
        // The mask itself is piecewise constant: only the masked value varies.
        return this.apply(Op.Mask, a, db);
      default:
        return NONE;
    }
  }
}
