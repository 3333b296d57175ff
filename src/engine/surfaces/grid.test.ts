import { describe, expect, it } from 'vitest';
import type { Surface } from '../types';
import { compileExpression } from './compile';
import { gridCoordinates, isGridEvaluator, sampleGrid, sampleGridWithGradient } from './grid';
import { quadratic, rosenbrock } from './named';
import { parseExpression } from './parser';

function compile(src: string) {
  const result = parseExpression(src);
  if (!result.ok) throw new Error(result.error.message);
  return compileExpression(result.ast, src);
}

/** A surface that reports where it was sampled: f = x + 1000·y. */
const probe: Surface = {
  ...quadratic,
  f: (x, y) => x + 1000 * y,
  grad(x, y, out) {
    out[0] = 1;
    out[1] = 1000;
    return x + 1000 * y;
  },
};

describe('sampleGrid', () => {
  it('puts y max in row 0 and x min in column 0, sampling cell centres', () => {
    const values = sampleGrid(probe, { x: [0, 4], y: [0, 2] }, 4, 2);
    // Columns at x = 0.5, 1.5, 2.5, 3.5; rows at y = 1.5 (top), 0.5 (bottom).
    expect([...values]).toEqual([1500.5, 1501.5, 1502.5, 1503.5, 500.5, 501.5, 502.5, 503.5]);
    const { xs, ys } = gridCoordinates({ x: [0, 4], y: [0, 2] }, 4, 2);
    expect([...xs]).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect([...ys]).toEqual([1.5, 0.5]);
  });

  it('gives a compiled expression the same grid as its named twin', () => {
    const compiled = compile('(1 - x)^2 + 100*(y - x^2)^2');
    expect(isGridEvaluator(compiled)).toBe(true);
    expect(isGridEvaluator(rosenbrock)).toBe(false);
    const domain = rosenbrock.domain;
    const fast = sampleGrid(compiled, domain, 64, 48);
    const slow = sampleGrid(rosenbrock, domain, 64, 48);
    for (let k = 0; k < fast.length; k++) {
      expect(Math.abs(fast[k]! - slow[k]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(slow[k]!)));
    }
    const withGradient = sampleGridWithGradient(compiled, domain, 64, 48);
    const named = sampleGridWithGradient(rosenbrock, domain, 64, 48);
    for (let k = 0; k < fast.length; k++) {
      expect(withGradient.value[k]).toBe(fast[k]);
      expect(Math.abs(withGradient.gradX[k]! - named.gradX[k]!)).toBeLessThanOrEqual(
        1e-9 * (1 + Math.abs(named.gradX[k]!)),
      );
      expect(Math.abs(withGradient.gradY[k]! - named.gradY[k]!)).toBeLessThanOrEqual(
        1e-9 * (1 + Math.abs(named.gradY[k]!)),
      );
    }
  });

  it('fills the caller’s arrays when given, and rejects a wrong size', () => {
    const out = new Float64Array(6);
    expect(sampleGrid(probe, { x: [0, 3], y: [0, 2] }, 3, 2, out)).toBe(out);
    expect(out[0]).toBe(1500.5);
    expect(() => sampleGrid(probe, { x: [0, 3], y: [0, 2] }, 3, 3, out)).toThrow(RangeError);
    expect(() => sampleGrid(probe, { x: [0, 3], y: [0, 2] }, 0, 3)).toThrow(RangeError);
    const samples = {
      value: new Float64Array(6),
      gradX: new Float64Array(6),
      gradY: new Float64Array(6),
    };
    expect(sampleGridWithGradient(probe, { x: [0, 3], y: [0, 2] }, 3, 2, samples).gradY).toBe(
      samples.gradY,
    );
    expect([...samples.gradY]).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('keeps non-finite values for the contour layer to skip', () => {
    const values = sampleGrid(compile('log(x)'), { x: [-1, 1], y: [0, 1] }, 2, 1);
    expect(Number.isNaN(values[0]!)).toBe(true);
    expect(values[1]).toBeCloseTo(Math.log(0.5), 15);
  });

  it('reuses a compiled surface across grids of different widths', () => {
    const surface = compile('sin(x) * cos(y) + x*y');
    const wide = sampleGrid(surface, { x: [-1, 1], y: [-1, 1] }, 9, 3);
    const narrow = sampleGrid(surface, { x: [-1, 1], y: [-1, 1] }, 3, 3);
    const again = sampleGrid(surface, { x: [-1, 1], y: [-1, 1] }, 9, 3);
    expect([...again]).toEqual([...wide]);
    expect(narrow[4]).toBe(surface.f(0, 0));
  });
});
