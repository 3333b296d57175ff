import { describe, expect, it } from 'vitest';
import { clipGradNorm } from './clip';

describe('clipGradNorm', () => {
  it('scales a long gradient to the max norm with torch 1e-6 in the coefficient, returning the old norm', () => {
    const grad = new Float64Array([3, 4]);
    expect(clipGradNorm(grad, 1)).toBe(5);
    // torch.nn.utils.clip_grad_norm_ on [3, 4] with max_norm 1 leaves these in p.grad:
    expect(Array.from(grad)).toEqual([0.599999880000024, 0.799999840000032]);
  });

  it('leaves a short gradient as it is', () => {
    const grad = new Float64Array([3, 4]);
    expect(clipGradNorm(grad, 10)).toBe(5);
    expect(Array.from(grad)).toEqual([3, 4]);
  });

  it('measures the norm over the whole vector, not per coordinate', () => {
    const grad = new Float64Array([1, 1, 1, 1]);
    expect(clipGradNorm(grad, 1)).toBe(2);
    for (const g of grad) expect(g).toBeCloseTo(0.5, 6);
  });

  it('keeps a zero gradient zero', () => {
    const grad = new Float64Array([0, 0]);
    expect(clipGradNorm(grad, 1)).toBe(0);
    expect(Array.from(grad)).toEqual([0, 0]);
  });

  it('lets a non-finite gradient through as non-finite, so the run stops as torch would', () => {
    const grad = new Float64Array([Number.NaN, 1]);
    expect(clipGradNorm(grad, 1)).toBeNaN();
    expect(Number.isFinite(grad[1])).toBe(false);
  });
});
