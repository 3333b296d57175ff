import { describe, expect, it } from 'vitest';
import { simulateOne } from '../simulate';
import { NAMED_SURFACES } from '../surfaces';
import { divergenceEdge, lrSweep } from './sweep';

const quadratic = NAMED_SURFACES.quadratic!;

describe('lrSweep', () => {
  it("puts plain GD's divergence edge on the quadratic at 2/λ_max = 1", () => {
    const sweep = lrSweep(
      quadratic,
      [-4, 2],
      1000,
      { type: 'sgd' },
      { lrMin: 1.1e-3, lrMax: 11, points: 81 },
    );
    expect(sweep.rows).toHaveLength(81); // no grid point falls on 1 itself
    const edge = divergenceEdge(sweep.rows)!;
    // Grid spacing is a factor 10^(4/80) ≈ 1.12.
    expect(edge.lastStable!).toBeLessThan(1);
    expect(edge.lastStable!).toBeGreaterThan(1 / 1.13);
    expect(edge.firstDiverged).toBeGreaterThan(1);
    expect(edge.firstDiverged).toBeLessThan(1.13);
  });

  it('reports the final loss and steps to target each run really has', () => {
    const sweep = lrSweep(
      quadratic,
      [-4, 2],
      300,
      { type: 'adam' },
      { lrMin: 1e-3, lrMax: 1, points: 7 },
    );
    expect(sweep.target).toEqual({ loss: 1e-3, source: 'minimum' });
    for (const row of sweep.rows) {
      const t = simulateOne(quadratic, [-4, 2], 300, { type: 'adam', lr: row.lr });
      expect(row.finalLoss).toBe(t.losses[t.length - 1]);
      const first = Array.from(t.losses.subarray(0, t.length)).findIndex((l) => l <= 1e-3);
      expect(row.stepsToTarget).toBe(first >= 0 ? first : null);
    }
    // A tiny lr crawls and never arrives; a moderate one does.
    expect(sweep.rows[0]!.stepsToTarget).toBeNull();
    expect(sweep.rows.some((r) => r.stepsToTarget !== null)).toBe(true);
  });

  it('marks as diverged a run that ends above its start loss even while still finite', () => {
    const [row] = lrSweep(
      quadratic,
      [-4, 2],
      100,
      { type: 'sgd' },
      { lrMin: 1.05, lrMax: 1.05, points: 1 },
    ).rows;
    expect(row!.nonFinite).toBe(false);
    expect(row!.diverged).toBe(true);
  });

  it('has no divergence edge when the largest lr still converges', () => {
    const sweep = lrSweep(
      quadratic,
      [-4, 2],
      200,
      { type: 'sgd' },
      { lrMin: 0.01, lrMax: 0.5, points: 5 },
    );
    expect(divergenceEdge(sweep.rows)).toBeUndefined();
  });
});
