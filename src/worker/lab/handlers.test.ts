import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_CONFIG } from '../../engine/nn/labConfig';
import type { LabConfig } from '../../engine/nn/labConfig';
import { boundarySizeFor, handleLabRequest } from './handlers';
import { labNetworkSpec } from './model';
import type { LabSnapshot } from './protocol';

function snap(
  config: Partial<LabConfig>,
  steps = 0,
  reset = true,
  slot: 'a' | 'b' = 'a',
): LabSnapshot {
  const reply = handleLabRequest({
    id: 1,
    runId: 1,
    type: 'run',
    slot,
    config: { ...DEFAULT_LAB_CONFIG, ...config },
    steps,
    reset,
  });
  if (reply.type !== 'snapshot')
    throw new Error(reply.type === 'error' ? reply.message : reply.type);
  return reply.snapshot;
}

describe('lab worker handlers', () => {
  it('a deep sigmoid net starves its first layer; relu with He init does not', () => {
    const deep = { depth: 17, width: 8, init: 'he' as const };
    const sigmoid = snap({ ...deep, activation: 'sigmoid' }).weightGradNorms[0]!;
    const relu = snap({ ...deep, activation: 'relu' }).weightGradNorms[0]!;
    // σ' ≤ 1/4 at every layer: 16 hidden layers shrink the gradient by many orders of magnitude.
    expect(relu / sigmoid).toBeGreaterThan(1e4);
  });

  it('exploding weights show as exploding gradients, and the saturated output is said in words', () => {
    // Issue 14's case: a linear net 16 deep at weight scale ×2. With a sigmoid output and BCE on
    // its probability, σ saturated and every layer's gradient read 0 ("vanishing").
    for (const [depth, weightScale] of [
      [16, 2],
      [8, 3],
    ] as const) {
      const s = snap({ activation: 'linear', depth, weightScale });
      const norms = Array.from(s.weightGradNorms);
      expect(
        norms.every((n) => n > 1),
        `‖∂L/∂W‖ per layer at depth ${depth} ×${weightScale}`,
      ).toBe(true);
      // Growing toward the input, as the weights' product grows.
      expect(norms[0]!).toBeGreaterThan(norms.at(-1)!);
      expect(s.outputSaturation.count).toBe(200);
      expect(s.outputSaturation.saturated).toBeGreaterThan(100);
      expect(s.outputSaturation.wrong).toBeGreaterThan(0);
      expect(s.outputSaturation.wrong).toBeLessThanOrEqual(s.outputSaturation.saturated);
    }
    // A fresh default net is not saturated.
    expect(snap({}).outputSaturation.saturated).toBeLessThan(100);
  });

  it('training a confidently wrong net moves it: the loss on logits keeps its gradient', () => {
    const start = snap({
      activation: 'linear',
      depth: 16,
      weightScale: 2,
      lr: 1e-6,
      optimizer: 'sgd',
    });
    const later = snap(
      { activation: 'linear', depth: 16, weightScale: 2, lr: 1e-6, optimizer: 'sgd' },
      20,
    );
    expect(later.loss).toBeLessThan(start.loss);
  });

  it('training the default net on moons lowers the loss and classifies most points', () => {
    const first = snap({}, 0);
    const trained = snap({}, 200);
    expect(trained.step).toBe(200);
    expect(trained.loss).toBeLessThan(first.loss / 5);
    expect(trained.accuracy).toBeGreaterThan(0.9);
  });

  it('continues the same session across requests and restarts it when the config changes', () => {
    snap({}, 5, true);
    expect(snap({}, 5, false).step).toBe(10);
    expect(snap({ lr: 0.01 }, 5, false).step).toBe(5);
  });

  it('slots train independently', () => {
    snap({}, 3, true, 'a');
    snap({}, 7, true, 'b');
    expect(snap({}, 0, false, 'a').step).toBe(3);
    expect(snap({}, 0, false, 'b').step).toBe(7);
  });

  it('a huge learning rate with a huge weight scale is reported as diverged, not thrown', () => {
    const s = snap(
      { activation: 'relu', init: 'normal', weightScale: 100, lr: 10, optimizer: 'sgd' },
      20,
    );
    expect(s.diverged || !Number.isFinite(s.loss) || s.loss > 1).toBe(true);
  });

  it('activation histograms of a sigmoid net cover [0, 1] and count every unit of every point', () => {
    const s = snap({ activation: 'sigmoid', depth: 3, width: 5 });
    expect(s.activations).toHaveLength(3);
    for (const layer of s.activations.slice(0, -1)) {
      expect([layer.lo, layer.hi]).toEqual([0, 1]);
      expect(layer.histogram.reduce((a, b) => a + b, 0)).toBe(200 * 5);
    }
  });

  it('the boundary grid shrinks for big nets so a snapshot stays affordable', () => {
    expect(boundarySizeFor(100)).toBe(48);
    expect(boundarySizeFor(4_000_000)).toBeLessThan(48);
    expect(boundarySizeFor(4_000_000)).toBeGreaterThanOrEqual(12);
  });

  it('depth counts the output unit; residuals skip only the equal-width hidden layers', () => {
    const spec = labNetworkSpec({
      ...DEFAULT_LAB_CONFIG,
      depth: 4,
      residual: true,
      batchnorm: true,
    });
    expect(spec.layers).toHaveLength(4);
    expect(spec.layers.map((l) => l.residual === true)).toEqual([false, true, true, false]);
    // The output unit gives the logit of class 1 (the lab's loss is BCEWithLogitsLoss).
    expect(spec.layers[3]).toEqual({ units: 1, activation: 'linear' });
  });
});
