/**
 * Flat register programs compiled from an expression graph, and their two interpreters.
 *
 * Why not closures or generated JS: the app runs under `script-src 'self'` (no eval, no new
 * Function), and a tree of closures makes every call site megamorphic. Instead each graph node
 * gets a register in a Float64Array and the program is a list of [op, dst, a, b] quads. The
 * scalar interpreter runs it once per point (optimizer steps); the lane interpreter runs each
 * instruction over a whole row of points in a tight monomorphic loop, so the dispatch cost is
 * paid once per row instead of once per point (grid sampling).
 */
import { NONE, Op, applyOp, sigmoid, softplus } from './graph';
import type { ExpressionGraph } from './graph';
import type { OpCode } from './graph';

/** A compiled instruction list over a shared register numbering. */
export interface Program {
  /** Quads [op, dst, a, b]; a and b are register indices (b is -1 for unary ops). */
  readonly code: Int32Array;
}

/** Registers of x and y are fixed so callers can load them without a lookup. */
export const X_REGISTER = 0;
/** Register of y. */
export const Y_REGISTER = 1;

/** Register layout shared by the programs of one expression, and constants preloaded. */
export interface RegisterLayout {
  /** Number of registers. */
  readonly count: number;
  /** Initial register file: constants in place, x and y zero. */
  readonly initial: Float64Array;
  /** Register holding each requested output, in the order requested. */
  readonly outputs: Int32Array;
  /** Which of x (bit 0) and y (bit 1) each register depends on. */
  readonly dependsOn: Uint8Array;
  /** One program per output group, computing exactly what that group needs. */
  readonly programs: readonly Program[];
}

/**
 * Assigns registers to every node reachable from `outputs` (NONE becomes the constant 0) and
 * builds one program per group of output indices, each in dependency order.
 */
export function compileGraph(
  graph: ExpressionGraph,
  outputs: readonly number[],
  groups: readonly (readonly number[])[],
): RegisterLayout {
  const zero = graph.constant(0);
  const roots = outputs.map((node) => (node === NONE ? zero : node));
  const register = new Int32Array(graph.size).fill(-1);
  const x = graph.variable(0);
  const y = graph.variable(1);
  register[x] = X_REGISTER;
  register[y] = Y_REGISTER;
  let count = 2;
  // Node ids are topologically ordered (arguments are created first), so one pass marks reach.
  const reached = new Uint8Array(graph.size);
  for (const root of roots) reached[root] = 1;
  for (let node = graph.size - 1; node >= 0; node--) {
    if (!reached[node]) continue;
    const a = graph.left[node] ?? -1;
    const b = graph.right[node] ?? -1;
    if (a >= 0) reached[a] = 1;
    if (b >= 0) reached[b] = 1;
  }
  for (let node = 0; node < graph.size; node++) {
    if (reached[node] && register[node] === -1) register[node] = count++;
  }
  const initial = new Float64Array(count);
  const dependsOn = new Uint8Array(count);
  dependsOn[X_REGISTER] = 1;
  dependsOn[Y_REGISTER] = 2;
  for (let node = 0; node < graph.size; node++) {
    const r = register[node] ?? -1;
    if (r < 0) continue;
    if (graph.ops[node] === Op.Const) initial[r] = graph.values[node] ?? NaN;
    const a = register[graph.left[node] ?? -1] ?? -1;
    const b = register[graph.right[node] ?? -1] ?? -1;
    if (a >= 0) dependsOn[r] = (dependsOn[r] ?? 0) | (dependsOn[a] ?? 0);
    if (b >= 0) dependsOn[r] = (dependsOn[r] ?? 0) | (dependsOn[b] ?? 0);
  }

  const programs = groups.map((group) => {
    const needed = new Uint8Array(graph.size);
    for (const index of group) needed[roots[index] ?? zero] = 1;
    for (let node = graph.size - 1; node >= 0; node--) {
      if (!needed[node]) continue;
      const a = graph.left[node] ?? -1;
      const b = graph.right[node] ?? -1;
      if (a >= 0) needed[a] = 1;
      if (b >= 0) needed[b] = 1;
    }
    const code: number[] = [];
    for (let node = 0; node < graph.size; node++) {
      const op = graph.ops[node] as OpCode;
      if (!needed[node] || op === Op.Const || op === Op.X || op === Op.Y) continue;
      const a = graph.left[node] ?? -1;
      const b = graph.right[node] ?? -1;
      // x^2 is the commonest power: a multiply is exact and much cheaper than Math.pow.
      if (op === Op.Pow && graph.isConstant(b, 2)) {
        code.push(Op.Square, register[node] ?? 0, register[a] ?? 0, -1);
      } else {
        code.push(op, register[node] ?? 0, register[a] ?? 0, b >= 0 ? (register[b] ?? 0) : -1);
      }
    }
    return { code: Int32Array.from(code) };
  });

  return {
    count,
    initial,
    outputs: Int32Array.from(roots, (node) => register[node] ?? 0),
    dependsOn,
    programs,
  };
}

/** Runs `program` once over the scalar register file `r` (x and y already loaded). */
export function runScalar(program: Program, r: Float64Array): void {
  const code = program.code;
  for (let k = 0; k < code.length; k += 4) {
    const op = code[k]!;
    const d = code[k + 1]!;
    const a = code[k + 2]!;
    const b = code[k + 3]!;
    // The commonest ops inline; the rest go through the shared definition.
    switch (op) {
      case Op.Add:
        r[d] = r[a]! + r[b]!;
        break;
      case Op.Sub:
        r[d] = r[a]! - r[b]!;
        break;
      case Op.Mul:
        r[d] = r[a]! * r[b]!;
        break;
      case Op.Div:
        r[d] = r[a]! / r[b]!;
        break;
      case Op.Neg:
        r[d] = -r[a]!;
        break;
      case Op.Square: {
        const v = r[a]!;
        r[d] = v * v;
        break;
      }
      case Op.Pow:
        r[d] = Math.pow(r[a]!, r[b]!);
        break;
      case Op.Sin:
        r[d] = Math.sin(r[a]!);
        break;
      case Op.Cos:
        r[d] = Math.cos(r[a]!);
        break;
      case Op.Exp:
        r[d] = Math.exp(r[a]!);
        break;
      case Op.Sqrt:
        r[d] = Math.sqrt(r[a]!);
        break;
      default:
        r[d] = applyOp(op as OpCode, r[a]!, b >= 0 ? r[b]! : NaN);
        break;
    }
  }
}

/** A program split by what each instruction's result depends on. */
export interface SplitProgram {
  /** Instructions depending on x only: once per grid, their lanes are the same on every row. */
  readonly xOnly: Program;
  /** Instructions depending on y only: once per row, as scalars, then broadcast. */
  readonly yOnly: Program;
  /** Instructions depending on both: every point. */
  readonly both: Program;
}

/** Splits `program` by the x/y dependency of each instruction's target register. */
export function splitByDependency(program: Program, dependsOn: Uint8Array): SplitProgram {
  const parts: [number[], number[], number[]] = [[], [], []];
  const code = program.code;
  for (let k = 0; k < code.length; k += 4) {
    const dependency = dependsOn[code[k + 1]!]!;
    // Constant-only instructions cannot exist (the graph folds them), but would be safe in "both".
    const part = dependency === 1 ? parts[0] : dependency === 2 ? parts[1] : parts[2];
    part.push(code[k]!, code[k + 1]!, code[k + 2]!, code[k + 3]!);
  }
  return {
    xOnly: { code: Int32Array.from(parts[0]) },
    yOnly: { code: Int32Array.from(parts[1]) },
    both: { code: Int32Array.from(parts[2]) },
  };
}

/** Runs `program` over `lanes` points at once. Register i occupies r[i·lanes, (i+1)·lanes). */
export function runLanes(program: Program, r: Float64Array, lanes: number): void {
  const code = program.code;
  for (let k = 0; k < code.length; k += 4) {
    const op = code[k]!;
    const d = code[k + 1]! * lanes;
    const a = code[k + 2]! * lanes;
    const b = code[k + 3]! * lanes;
    const end = d + lanes;
    // One loop per op: each stays monomorphic and lets V8 keep values unboxed.
    switch (op) {
      case Op.Add:
        for (let i = d, j = a, l = b; i < end; i++, j++, l++) r[i] = r[j]! + r[l]!;
        break;
      case Op.Sub:
        for (let i = d, j = a, l = b; i < end; i++, j++, l++) r[i] = r[j]! - r[l]!;
        break;
      case Op.Mul:
        for (let i = d, j = a, l = b; i < end; i++, j++, l++) r[i] = r[j]! * r[l]!;
        break;
      case Op.Div:
        for (let i = d, j = a, l = b; i < end; i++, j++, l++) r[i] = r[j]! / r[l]!;
        break;
      case Op.Neg:
        for (let i = d, j = a; i < end; i++, j++) r[i] = -r[j]!;
        break;
      case Op.Square:
        for (let i = d, j = a; i < end; i++, j++) {
          const v = r[j]!;
          r[i] = v * v;
        }
        break;
      case Op.Pow:
        for (let i = d, j = a, l = b; i < end; i++, j++, l++) r[i] = Math.pow(r[j]!, r[l]!);
        break;
      case Op.Sin:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.sin(r[j]!);
        break;
      case Op.Cos:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.cos(r[j]!);
        break;
      case Op.Exp:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.exp(r[j]!);
        break;
      case Op.Log:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.log(r[j]!);
        break;
      case Op.Sqrt:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.sqrt(r[j]!);
        break;
      case Op.Abs:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.abs(r[j]!);
        break;
      case Op.Tanh:
        for (let i = d, j = a; i < end; i++, j++) r[i] = Math.tanh(r[j]!);
        break;
      case Op.Sigmoid:
        for (let i = d, j = a; i < end; i++, j++) r[i] = sigmoid(r[j]!);
        break;
      case Op.Softplus:
        for (let i = d, j = a; i < end; i++, j++) r[i] = softplus(r[j]!);
        break;
      default:
        // Rarer ops share the scalar definition; still one dispatch per row, not per point.
        for (let i = d, j = a, l = b; i < end; i++, j++, l++) {
          r[i] = applyOp(op as OpCode, r[j]!, b >= 0 ? r[l]! : NaN);
        }
        break;
    }
  }
}
