import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../engine/optimizers';
import { fromSlider, paramValue, SLIDER_STEPS, sliderRange, toSlider } from './params';

const lr = OPTIMIZERS.adam.params.find((p) => p.name === 'lr')!;

describe('hyper-parameter sliders', () => {
  it('the learning-rate slider is logarithmic over the schema’s slider range', () => {
    const range = sliderRange(lr)!;
    expect(range).toEqual([lr.sliderMin, lr.sliderMax]);
    expect(fromSlider(0, range, true)).toBeCloseTo(range[0], 10);
    expect(fromSlider(SLIDER_STEPS, range, true)).toBeCloseTo(range[1], 6);
    // Halfway along is the geometric mean, not the arithmetic one.
    expect(fromSlider(SLIDER_STEPS / 2, range, true)).toBeCloseTo(
      Math.sqrt(range[0] * range[1]),
      2,
    );
  });

  it('a value survives slider position and back to three significant digits', () => {
    const range = sliderRange(lr)!;
    for (const v of [1e-4, 3e-3, 0.1, 0.5, range[1]]) {
      const back = fromSlider(toSlider(v, range, true), range, true);
      expect(Math.abs(back - v) / v).toBeLessThan(0.02);
    }
  });

  it('values outside the slider range pin the thumb to an end instead of breaking it', () => {
    const range = sliderRange(lr)!;
    expect(toSlider(50, range, true)).toBe(SLIDER_STEPS);
    expect(toSlider(1e-9, range, true)).toBe(0);
  });

  it('an absent hyper-parameter shows torch’s default', () => {
    const betas = OPTIMIZERS.adam.params.find((p) => p.name === 'betas')!;
    expect(paramValue({ type: 'adam' }, betas)).toEqual([0.9, 0.999]);
    expect(paramValue({ type: 'adam', betas: [0.8, 0.99] }, betas)).toEqual([0.8, 0.99]);
  });
});
