import { describe, expect, it } from 'vitest';
import { validateScene } from '../scene';

const errorsFor = (optimizer: Record<string, unknown>) =>
  validateScene({
    surface: { id: 'quadratic' },
    start: [1.5, -0.7],
    steps: 3,
    optimizers: [optimizer],
  }).errors;

describe('bounds past what torch can run', () => {
  it('an L-BFGS history too long to ever fill is refused, naming the field and the app’s limit', () => {
    // It crashed the CLI with "Invalid array length" (torch refuses 1e300, runs out of memory at 5e9).
    for (const history_size of [1e300, 5e9, 1_000_001]) {
      const [error] = errorsFor({ type: 'lbfgs', history_size });
      expect(error?.path).toBe('optimizers[0].history_size');
      expect(error?.message).toMatch(/<= 1000000, got .*a million pairs/);
    }
    expect(errorsFor({ type: 'lbfgs', history_size: 1_000_000 })).toEqual([]);
  });

  it('a fractional history says why torch needs a whole number, not why it needs at least 1', () => {
    const [error] = errorsFor({ type: 'lbfgs', history_size: 2.5 });
    expect(error?.path).toBe('optimizers[0].history_size');
    expect(error?.message).toMatch(/whole number.*multiplies a list by it/);
    expect(error?.message).not.toMatch(/smaller than 1/);
    // Below 1 keeps its own reason.
    expect(errorsFor({ type: 'lbfgs', history_size: 0 })[0]?.message).toMatch(/smaller than 1/);
  });

  it('Muon’s eps stays within bfloat16 on both sides (torch overflows converting -1e300)', () => {
    const [error] = errorsFor({ type: 'muon', eps: -1e300 });
    expect(error?.path).toBe('optimizers[0].eps');
    expect(errorsFor({ type: 'muon', eps: -3 })).toEqual([]);
  });
});
