/**
 * Turns a parsed expression into a Surface: exact value, gradient and Hessian from symbolic
 * derivatives (graph.ts), run by flat register programs (program.ts). Never eval or new Function.
 */
import type { Domain, Surface } from '../types';
import type { Expr } from './ast';
import { CONSTANTS } from './ast';
import { ExpressionGraph, Op } from './graph';
import type { OpCode } from './graph';
import type { GridEvaluator } from './grid';
import {
  X_REGISTER,
  Y_REGISTER,
  compileGraph,
  runLanes,
  runScalar,
  splitByDependency,
} from './program';
import type { Program, SplitProgram } from './program';
import { expressionToTex } from './printer';

/** Default view of a typed expression. */
export const EXPRESSION_DOMAIN: Domain = { x: [-5, 5], y: [-5, 5] };

const UNARY_OPS: Readonly<Record<string, OpCode>> = {
  sin: Op.Sin,
  cos: Op.Cos,
  tan: Op.Tan,
  asin: Op.Asin,
  acos: Op.Acos,
  atan: Op.Atan,
  sinh: Op.Sinh,
  cosh: Op.Cosh,
  tanh: Op.Tanh,
  exp: Op.Exp,
  log: Op.Log,
  sqrt: Op.Sqrt,
  abs: Op.Abs,
  sigmoid: Op.Sigmoid,
  softplus: Op.Softplus,
  min: Op.Min,
  max: Op.Max,
  pow: Op.Pow,
};

const BINARY_OPS = { '+': Op.Add, '-': Op.Sub, '*': Op.Mul, '/': Op.Div, '^': Op.Pow } as const;

/** Adds `expr` to `graph` and returns its node. */
export function buildGraph(graph: ExpressionGraph, expr: Expr): number {
  switch (expr.kind) {
    case 'number':
      return graph.constant(expr.value);
    case 'variable':
      return graph.variable(expr.name === 'x' ? 0 : 1);
    case 'constant':
      return graph.constant(CONSTANTS[expr.name]);
    case 'negate':
      return graph.apply(Op.Neg, buildGraph(graph, expr.arg));
    case 'binary':
      return graph.apply(
        BINARY_OPS[expr.op],
        buildGraph(graph, expr.left),
        buildGraph(graph, expr.right),
      );
    case 'call': {
      const op = UNARY_OPS[expr.fn] ?? Op.Add;
      const [first, second] = expr.args;
      const a = buildGraph(graph, first);
      return second ? graph.apply(op, a, buildGraph(graph, second)) : graph.apply(op, a);
    }
  }
}

const F = 0;
const FX = 1;
const FY = 2;
const FXX = 3;
const FXY = 4;
const FYY = 5;

/** A compiled typed expression: a Surface that can also fill a whole grid quickly. */
class ExpressionSurface implements Surface, GridEvaluator {
  readonly id = 'expr';
  readonly domain = EXPRESSION_DOMAIN;
  readonly minima = [] as const;
  private readonly registers: Float64Array;
  private readonly outputs: Int32Array;
  private readonly valueProgram: Program;
  private readonly gradientProgram: Program;
  private readonly hessianProgram: Program;
  private readonly dependsOn: Uint8Array;
  private valueSplit: SplitProgram | null = null;
  private gradientSplit: SplitProgram | null = null;
  private lanes: Float64Array = new Float64Array(0);

  constructor(
    readonly label: string,
    readonly tex: string,
    ast: Expr,
  ) {
    const graph = new ExpressionGraph();
    const f = buildGraph(graph, ast);
    const fx = graph.derivative(f, 0);
    const fy = graph.derivative(f, 1);
    const layout = compileGraph(
      graph,
      [f, fx, fy, graph.derivative(fx, 0), graph.derivative(fx, 1), graph.derivative(fy, 1)],
      [[F], [F, FX, FY], [FXX, FXY, FYY]],
    );
    this.registers = layout.initial.slice();
    this.outputs = layout.outputs;
    this.dependsOn = layout.dependsOn;
    const [valueProgram, gradientProgram, hessianProgram] = layout.programs;
    this.valueProgram = valueProgram!;
    this.gradientProgram = gradientProgram!;
    this.hessianProgram = hessianProgram!;
  }

  f(x: number, y: number): number {
    const r = this.registers;
    r[X_REGISTER] = x;
    r[Y_REGISTER] = y;
    runScalar(this.valueProgram, r);
    return r[this.outputs[F]!]!;
  }

  grad(x: number, y: number, out: Float64Array): number {
    const r = this.registers;
    r[X_REGISTER] = x;
    r[Y_REGISTER] = y;
    runScalar(this.gradientProgram, r);
    out[0] = r[this.outputs[FX]!]!;
    out[1] = r[this.outputs[FY]!]!;
    return r[this.outputs[F]!]!;
  }

  hessian(x: number, y: number, out: Float64Array): void {
    const r = this.registers;
    r[X_REGISTER] = x;
    r[Y_REGISTER] = y;
    runScalar(this.hessianProgram, r);
    out[0] = r[this.outputs[FXX]!]!;
    out[1] = r[this.outputs[FXY]!]!;
    out[2] = r[this.outputs[FYY]!]!;
  }

  /**
   * Whole rows at a time: x-only subexpressions once per grid, y-only ones once per row (as
   * scalars, then broadcast), the rest lane by lane.
   */
  evaluateGrid(
    xs: Float64Array,
    ys: Float64Array,
    value: Float64Array,
    gradX: Float64Array | null,
    gradY: Float64Array | null,
  ): void {
    const width = xs.length;
    const withGradient = gradX !== null && gradY !== null;
    const split = withGradient ? this.gradientSplitProgram() : this.valueSplitProgram();
    const count = this.registers.length;
    if (this.lanes.length !== count * width) this.lanes = new Float64Array(count * width);
    const lanes = this.lanes;
    const scalar = this.registers;
    for (let reg = 0; reg < count; reg++) lanes.fill(scalar[reg]!, reg * width, (reg + 1) * width);
    lanes.set(xs, X_REGISTER * width);
    runLanes(split.xOnly, lanes, width);

    const yTargets = split.yOnly.code;
    const fOffset = this.outputs[F]! * width;
    const fxOffset = this.outputs[FX]! * width;
    const fyOffset = this.outputs[FY]! * width;
    for (let j = 0; j < ys.length; j++) {
      const y = ys[j]!;
      scalar[Y_REGISTER] = y;
      runScalar(split.yOnly, scalar);
      lanes.fill(y, Y_REGISTER * width, (Y_REGISTER + 1) * width);
      for (let k = 1; k < yTargets.length; k += 4) {
        const reg = yTargets[k]!;
        lanes.fill(scalar[reg]!, reg * width, (reg + 1) * width);
      }
      runLanes(split.both, lanes, width);
      const row = j * width;
      value.set(lanes.subarray(fOffset, fOffset + width), row);
      if (withGradient) {
        gradX.set(lanes.subarray(fxOffset, fxOffset + width), row);
        gradY.set(lanes.subarray(fyOffset, fyOffset + width), row);
      }
    }
  }

  private valueSplitProgram(): SplitProgram {
    this.valueSplit ??= splitByDependency(this.valueProgram, this.dependsOn);
    return this.valueSplit;
  }

  private gradientSplitProgram(): SplitProgram {
    this.gradientSplit ??= splitByDependency(this.gradientProgram, this.dependsOn);
    return this.gradientSplit;
  }
}

/**
 * Compiles a parsed expression into a Surface with exact value, gradient and Hessian.
 * `source` is the text the user typed, used as the label; the TeX comes from the tree.
 * Domain [-5, 5]², no known minima.
 */
export function compileExpression(ast: Expr, source: string): Surface & GridEvaluator {
  return new ExpressionSurface(source.trim(), expressionToTex(ast), ast);
}
