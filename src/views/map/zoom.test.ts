import { describe, expect, it } from 'vitest';
import { wheelDelta } from './zoom';

/** The zoom factor d3-zoom applies for one wheel event: 2^wheelDelta. */
const factor = (event: Partial<WheelEvent>): number =>
  2 ** wheelDelta({ deltaMode: 0, deltaY: 0, ctrlKey: false, ...event } as WheelEvent);

describe('wheelDelta (map zoom per wheel event)', () => {
  it('zooms in about ×1.15 for one mouse notch (100 px), with or without Ctrl', () => {
    expect(factor({ deltaY: -100 })).toBeCloseTo(1.149, 3);
    expect(factor({ deltaY: -100, ctrlKey: true })).toBeCloseTo(factor({ deltaY: -100 }), 6);
    // A notch in lines (Firefox) too: 3 lines.
    expect(factor({ deltaY: -3, deltaMode: 1, ctrlKey: true })).toBeCloseTo(1.11, 2);
  });
  it('keeps the trackpad pinch (small Ctrl deltas) ten times stronger, so it stays responsive', () => {
    expect(factor({ deltaY: -5, ctrlKey: true })).toBeCloseTo(2 ** 0.1, 6);
    expect(factor({ deltaY: -5 })).toBeCloseTo(2 ** 0.01, 6);
  });
  it('zooms out for a positive delta', () => {
    expect(factor({ deltaY: 100 })).toBeLessThan(1);
  });
});
