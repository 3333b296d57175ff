import { describe, expect, it } from 'vitest';
import { lerp, addcmul } from './kernels';
import { TORCH_KERNELS } from '../__fixtures__/optim/fixture';

describe('the moment updates round as torch’s CPU kernels do', () => {
  it('lerp gives torch’s lerp_ bit for bit, at small and large weights', () => {
    // 400 cases from scripts/fixtures_optim.py (kernel_cases), torch 2.14.1.
    const wrong = TORCH_KERNELS.lerp.filter(([s, e, w, want]) => !Object.is(lerp(s, e, w), want));
    expect(wrong).toEqual([]);
    expect(TORCH_KERNELS.lerp.length).toBe(400);
    // The cases do tell the forms apart: the twice-rounded formula misses some.
    const twice = TORCH_KERNELS.lerp.filter(
      ([s, e, w, want]) => (Math.abs(w) < 0.5 ? s + w * (e - s) : e - (e - s) * (1 - w)) !== want,
    );
    expect(twice.length).toBeGreaterThan(20);
  });

  it('addcmul gives torch’s addcmul_ bit for bit', () => {
    const wrong = TORCH_KERNELS.addcmul.filter(
      ([s, a, b, v, want]) => !Object.is(addcmul(s, a, b, v), want),
    );
    expect(wrong).toEqual([]);
    const twice = TORCH_KERNELS.addcmul.filter(([s, a, b, v, want]) => s + v * a * b !== want);
    expect(twice.length).toBeGreaterThan(20);
  });
});
