import { describe, expect, it } from 'vitest';
import { SLIDER_STEPS, toSlider } from '../views/controls/params';
import { LESSONS } from './catalog';
import { lessonLrSpan } from './lrSpan';

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;

describe('lesson learning-rate sliders', () => {
  it('make 0.9 → 1.1 a fifth of the "too large" slider, not a couple of pixels', () => {
    const span = lessonLrSpan(lesson('lr-too-large'), 1)!;
    const range: [number, number] = [span.range[0], span.range[1]];
    const travel = toSlider(1.1, range, span.log) - toSlider(0.9, range, span.log);
    expect(travel / SLIDER_STEPS).toBeGreaterThanOrEqual(0.15);
  });

  it('contain every focus optimizer’s starting rate, for every lesson', () => {
    for (const l of LESSONS) {
      for (const i of l.focus) {
        const lr = l.scene.optimizers[i]!.lr!;
        const span = lessonLrSpan(l, i)!;
        expect(span.range[0], l.id).toBeLessThanOrEqual(lr);
        expect(span.range[1], l.id).toBeGreaterThanOrEqual(lr);
      }
    }
  });

  it('defaults to ¼× … 4× the starting rate, on a log scale past a decade', () => {
    const span = lessonLrSpan(lesson('saddle'), 1)!;
    const lr = lesson('saddle').scene.optimizers[1]!.lr!;
    expect(span.range[0]).toBeCloseTo(lr / 4);
    expect(span.range[1]).toBeCloseTo(lr * 4);
    expect(span.log).toBe(true);
  });
});
