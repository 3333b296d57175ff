/**
 * Typed expressions on a 256×256 grid: the compiled program against the same function written
 * by hand in TypeScript, in the same process. Figures are ratios (compiled time / hand time,
 * medians of interleaved samples after warm-up); budgets from DESIGN.md: value ≤ 5×, value and
 * exact gradient ≤ 12×.
 */
import type { Domain } from '../src/engine/types';
import { parseExpression } from '../src/engine/surfaces/parser';
import { compileExpression } from '../src/engine/surfaces/compile';
import { sampleGrid, sampleGridWithGradient } from '../src/engine/surfaces/grid';
import type { GridSamples } from '../src/engine/surfaces/grid';
import type { BenchRow, BenchSuite } from './types';

const SIZE = 256;
const DOMAIN: Domain = { x: [-5, 5], y: [-5, 5] };

/** A grid filler: one call fills the whole 256² grid. */
type Fill = () => void;

// Hand-written samplers: the same cell-centre layout as sampleGrid (row 0 = y max), each its own
// monomorphic loop (no shared callback, which V8 could not inline once it saw several).
const [X0, X1] = DOMAIN.x;
const [Y0, Y1] = DOMAIN.y;
const DX = (X1 - X0) / SIZE;
const DY = (Y1 - Y0) / SIZE;

function quadraticValue(out: Float64Array): void {
  for (let j = 0; j < SIZE; j++) {
    const y = Y1 - (j + 0.5) * DY;
    for (let i = 0; i < SIZE; i++) {
      const x = X0 + (i + 0.5) * DX;
      out[j * SIZE + i] = (x * x) / 10 + y * y;
    }
  }
}

function quadraticGradient({ value, gradX, gradY }: GridSamples): void {
  for (let j = 0; j < SIZE; j++) {
    const y = Y1 - (j + 0.5) * DY;
    for (let i = 0; i < SIZE; i++) {
      const x = X0 + (i + 0.5) * DX;
      const k = j * SIZE + i;
      value[k] = (x * x) / 10 + y * y;
      gradX[k] = x / 5;
      gradY[k] = 2 * y;
    }
  }
}

function wavyValue(out: Float64Array): void {
  for (let j = 0; j < SIZE; j++) {
    const y = Y1 - (j + 0.5) * DY;
    for (let i = 0; i < SIZE; i++) {
      const x = X0 + (i + 0.5) * DX;
      out[j * SIZE + i] = Math.sin(x) * Math.cos(y) + 0.1 * (x * x + y * y);
    }
  }
}

function wavyGradient({ value, gradX, gradY }: GridSamples): void {
  for (let j = 0; j < SIZE; j++) {
    const y = Y1 - (j + 0.5) * DY;
    for (let i = 0; i < SIZE; i++) {
      const x = X0 + (i + 0.5) * DX;
      const k = j * SIZE + i;
      const sx = Math.sin(x);
      const cx = Math.cos(x);
      const sy = Math.sin(y);
      const cy = Math.cos(y);
      value[k] = sx * cy + 0.1 * (x * x + y * y);
      gradX[k] = cx * cy + 0.2 * x;
      gradY[k] = -sx * sy + 0.2 * y;
    }
  }
}

interface Case {
  readonly source: string;
  readonly handValue: (out: Float64Array) => void;
  readonly handGradient: (out: GridSamples) => void;
}

const CASES: readonly Case[] = [
  { source: 'x^2/10 + y^2', handValue: quadraticValue, handGradient: quadraticGradient },
  {
    source: 'sin(x)*cos(y) + 0.1*(x^2+y^2)',
    handValue: wavyValue,
    handGradient: wavyGradient,
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Milliseconds per call of `a` and `b`, medians of interleaved timed batches after warm-up. */
function compare(a: Fill, b: Fill): { a: number; b: number } {
  for (let i = 0; i < 30; i++) {
    a();
    b();
  }
  const timeBatch = (fill: Fill, calls: number): number => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fill();
    return (performance.now() - start) / calls;
  };
  // Batches of about 20 ms each, so timer resolution does not matter.
  const callsA = Math.max(1, Math.round(20 / Math.max(timeBatch(a, 5), 1e-3)));
  const callsB = Math.max(1, Math.round(20 / Math.max(timeBatch(b, 5), 1e-3)));
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let s = 0; s < 15; s++) {
    samplesA.push(timeBatch(a, callsA));
    samplesB.push(timeBatch(b, callsB));
  }
  return { a: median(samplesA), b: median(samplesB) };
}

function ratioRow(name: string, compiled: number, hand: number, budget: number): BenchRow {
  const ratio = compiled / hand;
  return {
    name,
    value: ratio,
    unit: 'x',
    budget: `<= ${budget}x`,
    pass: ratio <= budget,
    detail: `compiled ${compiled.toFixed(3)} ms, hand-written ${hand.toFixed(3)} ms per 256² grid (the compiled grid path computes x-only terms once per column and y-only terms once per row; the hand loop does not)`,
  };
}

/** The expression suite for `npm run bench`. */
export const expressionBench: BenchSuite = async () => {
  const rows: BenchRow[] = [];
  const length = SIZE * SIZE;
  const value = new Float64Array(length);
  const samples: GridSamples = {
    value: new Float64Array(length),
    gradX: new Float64Array(length),
    gradY: new Float64Array(length),
  };
  const handValueOut = new Float64Array(length);
  const handSamples: GridSamples = {
    value: new Float64Array(length),
    gradX: new Float64Array(length),
    gradY: new Float64Array(length),
  };
  for (const { source, handValue, handGradient } of CASES) {
    const surface = compileExpression(parseOrThrow(source), source);

    const valueTimes = compare(
      () => sampleGrid(surface, DOMAIN, SIZE, SIZE, value),
      () => handValue(handValueOut),
    );
    rows.push(ratioRow(`expression "${source}": value, 256²`, valueTimes.a, valueTimes.b, 5));

    const gradientTimes = compare(
      () => sampleGridWithGradient(surface, DOMAIN, SIZE, SIZE, samples),
      () => handGradient(handSamples),
    );
    rows.push(
      ratioRow(
        `expression "${source}": value + gradient, 256²`,
        gradientTimes.a,
        gradientTimes.b,
        12,
      ),
    );

    // Informational: the point-by-point path an optimizer step uses (one interpreted call per point).
    const pointwise = compare(
      () => {
        for (let j = 0; j < SIZE; j++) {
          const y = Y1 - (j + 0.5) * DY;
          for (let i = 0; i < SIZE; i++) value[j * SIZE + i] = surface.f(X0 + (i + 0.5) * DX, y);
        }
      },
      () => handValue(handValueOut),
    );
    rows.push({
      name: `expression "${source}": value point by point (surface.f), 256²`,
      value: pointwise.a / pointwise.b,
      unit: 'x',
      detail: `${((pointwise.a * 1e6) / length).toFixed(1)} ns per point; informational (optimizer steps)`,
    });
  }
  // Informational: what a keystroke costs before the grid is sampled (the contour budget is 100 ms).
  const longSource = Array.from({ length: 12 }, (_, i) => `sin(${i + 1}*x)*cos(y/${i + 1})`).join(
    ' + ',
  );
  for (const source of [CASES[1]!.source, longSource]) {
    for (let i = 0; i < 20; i++) compileExpression(parseOrThrow(source), source);
    const times: number[] = [];
    for (let i = 0; i < 31; i++) {
      const start = performance.now();
      compileExpression(parseOrThrow(source), source);
      times.push(performance.now() - start);
    }
    rows.push({
      name: `expression parse + compile (${source.length} chars)`,
      value: median(times),
      unit: 'ms',
      detail: 'median of 31 after warm-up; value, gradient and Hessian programs',
    });
  }
  return rows;
};

function parseOrThrow(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`bench expression does not parse: ${parsed.error.message}`);
  return parsed.ast;
}
