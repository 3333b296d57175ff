/**
 * L-BFGS's line-search budget and the scenes torch.optim.LBFGS cannot run (or the app should not).
 * The numbers come from a float64 numpy transcription of torch 2.x's lbfgs.py (the same case is
 * in scripts/fixtures_optim.py, "lbfgs line search at its own tolerance", for the next regeneration
 * with torch); the transcription reproduces the committed torch fixtures of L-BFGS.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CLOSURE_EVALUATIONS, parseScene, validateScene } from '../scene';
import { simulate } from '../simulate';
import { resolveSurface } from '../surfaces';
import type { Scene, Trajectory } from '../types';
import { OPTIMIZERS } from '.';

function run(scene: unknown): Trajectory {
  const parsed = parseScene(scene);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const resolved = resolveSurface(parsed.scene.surface);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return simulate(parsed.scene, resolved.surface)[0]!;
}

/** The last point [x, y] of a trajectory. */
function last(t: Trajectory): [number, number] {
  const n = t.points.length;
  return [t.points[n - 2]!, t.points[n - 1]!];
}

function evaluationsPerStep(t: Trajectory): number[] {
  const offsets = t.probeOffsets!;
  return Array.from({ length: offsets.length - 1 }, (_, k) => offsets[k + 1]! - offsets[k]!);
}

describe('L-BFGS line search (torch.optim.LBFGS 2.x)', () => {
  it('the strong-Wolfe search stops at its own tolerance 1e-9, not at the optimizer’s tolerance_change', () => {
    // With tolerance_change 1 handed to the search, its zoom stops at once and the point barely
    // moves; torch does not hand it on, so the search brackets properly.
    const t = run({
      surface: { id: 'himmelblau' },
      start: [-0.3, 0.9],
      steps: 3,
      optimizers: [
        { type: 'lbfgs', line_search_fn: 'strong_wolfe', tolerance_change: 1, max_eval: 1000 },
      ],
    });
    const end = last(t);
    expect(end[0]).toBeCloseTo(-2.7955735717011914, 9);
    expect(end[1]).toBeCloseTo(3.2061662245106484, 9);
    expect(evaluationsPerStep(t)).toEqual([5, 6, 2]);
  });

  it('the search gets what is left of max_eval: max_iter 1 (max_eval 1) leaves it no evaluation', () => {
    const t = run({
      surface: { id: 'rosenbrock' },
      start: [-0.7, 2.2],
      steps: 4,
      optimizers: [{ type: 'lbfgs', line_search_fn: 'strong_wolfe', max_iter: 1 }],
    });
    expect(evaluationsPerStep(t)).toEqual([2, 2, 2, 2]);
    const end = last(t);
    expect(end[0]).toBeCloseTo(-1.2816001957425984, 9);
    expect(end[1]).toBeCloseTo(1.7816001957425986, 9);
  });
});

describe('L-BFGS scenes torch cannot run, or the app should not', () => {
  const scene = (optimizer: Record<string, unknown>, steps = 5): unknown => ({
    surface: { expr: 'x^2/10 + y^2' },
    start: [-4, 2],
    steps,
    optimizers: [{ type: 'lbfgs', ...optimizer }],
  });

  it('refuses max_eval below 1 with the line search (torch raises at the first step), and says why', () => {
    for (const [optimizer, path] of [
      [{ line_search_fn: 'strong_wolfe', max_eval: 0 }, 'optimizers[0].max_eval'],
      [{ line_search_fn: 'strong_wolfe', max_eval: -3 }, 'optimizers[0].max_eval'],
      [{ line_search_fn: 'strong_wolfe', max_eval: 0.5 }, 'optimizers[0].max_eval'],
      // max_eval's default, max_iter * 5 // 4, is 0 here.
      [{ line_search_fn: 'strong_wolfe', max_iter: 0.5 }, 'optimizers[0].max_iter'],
    ] as const) {
      const v = validateScene(scene(optimizer));
      expect(v.errors.map((e) => e.path)).toEqual([path]);
      expect(v.errors[0]!.message).toContain('max_eval');
      // The refused field falls back to its default, and the rest runs.
      expect(() => simulate(v.scene, resolvedQuadratic())).not.toThrow();
    }
    // Without the line search, or with max_eval 1, torch runs: so do we.
    for (const optimizer of [
      { max_eval: 0 },
      { line_search_fn: 'strong_wolfe', max_eval: 1 },
      { line_search_fn: 'strong_wolfe', max_iter: 0 },
    ]) {
      expect(validateScene(scene(optimizer)).errors).toEqual([]);
      expect(run(scene(optimizer)).points.every(Number.isFinite)).toBe(true);
    }
  });

  it('refuses a scene whose steps could evaluate f more than MAX_CLOSURE_EVALUATIONS times, keeping the rest', () => {
    // torch accepts negative tolerances: every inner iteration runs, 1e8 of them per step.
    const hog = { lr: 0.001, max_iter: 1e8, tolerance_change: -1, tolerance_grad: -1 };
    const v = validateScene(scene(hog, 10));
    expect(v.errors.map((e) => e.path)).toEqual(['optimizers[0].max_iter']);
    expect(v.errors[0]!.message).toBe(
      'lets L-BFGS evaluate f 1000000010 times, more than 1000000; max_iter and max_eval use their defaults',
    );
    const kept = v.scene.optimizers[0] as unknown as Record<string, unknown>;
    expect(kept.max_iter).toBeUndefined();
    expect(kept.tolerance_change).toBe(-1);
    // The bound is an upper bound: a run at the budget's edge stays within it.
    const def = OPTIMIZERS.lbfgs;
    for (const fields of [
      { max_iter: 100, tolerance_change: -1, tolerance_grad: -1 },
      { max_iter: 7, max_eval: 9, line_search_fn: 'strong_wolfe', tolerance_change: -1 },
      { max_iter: 50, max_eval: 3, tolerance_change: -1, tolerance_grad: -1 },
    ]) {
      const t = run({ ...(scene({ ...fields }, 20) as Scene) });
      const bound = def.evaluationsPerStep!(fields);
      expect(Math.max(...evaluationsPerStep(t))).toBeLessThanOrEqual(bound);
      expect(bound * 20).toBeLessThanOrEqual(MAX_CLOSURE_EVALUATIONS);
    }
  });
});

describe('where torch raises inside an L-BFGS step', () => {
  // Scenes from a review, each run here under torch 2.14.1 with the exported script: torch raises
  // during the step call named, so its own run has that many points and no more.
  const cases = [
    {
      scene: {
        surface: { expr: 'x^3 - 3*x + y^2' },
        start: [1.8, 3],
        steps: 8,
        optimizers: [
          {
            type: 'lbfgs',
            line_search_fn: 'strong_wolfe',
            maximize: true,
            schedule: { type: 'exponential', gamma: 0.9 },
          },
        ],
      },
      // A one-point bracket whose loss is NaN: low_pos = 1.
      raised: 'IndexError in torch.optim.lbfgs._strong_wolfe',
      stepCall: 5,
    },
    {
      scene: {
        surface: { expr: 'sqrt(x^2+y^2+1)' },
        start: [-2.957, -1.9572282153714389],
        steps: 8,
        optimizers: [
          {
            type: 'lbfgs',
            lr: 0.7828850973871916,
            max_iter: 26,
            history_size: 10,
            line_search_fn: 'strong_wolfe',
            maximize: true,
            schedule: { type: 'polynomial', total_iters: 7 },
          },
        ],
      },
      // Two equal points handed to the cubic: Python's float division by zero.
      raised: 'ZeroDivisionError in torch.optim.lbfgs._cubic_interpolate',
      stepCall: 8,
    },
  ];

  it('ends the path where torch stops, says which exception, and does not crash', () => {
    for (const { scene, raised, stepCall } of cases) {
      const { scene: valid, errors } = validateScene(scene);
      expect(errors).toEqual([]);
      const surface = resolveSurface(valid.surface);
      if (!surface.ok) throw new Error(surface.error.message);
      const [t] = simulate(valid, surface.surface);
      expect(t!.raised).toBe(raised);
      expect(t!.diverged).toBe(true);
      // Points 0 … stepCall − 1: the step that raises adds none.
      expect(t!.length).toBe(stepCall);
      for (let i = 0; i < 2 * t!.length; i++) expect(Number.isFinite(t!.points[i])).toBe(true);
    }
  });
});

function resolvedQuadratic() {
  const r = resolveSurface({ expr: 'x^2/10 + y^2' });
  if (!r.ok) throw new Error(r.error.message);
  return r.surface;
}
