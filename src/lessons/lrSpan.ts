/**
 * The learning-rate span of a lesson's presenter sliders. Its own module (types only from the
 * catalogue) so the presenter view does not pull the catalogue's texts into the first load.
 */
import type { Lesson } from './catalog';

/** A lesson slider's span: its range and whether it is drawn on a log scale. */
export interface LrSpan {
  readonly range: readonly [number, number];
  readonly log: boolean;
}

/**
 * The span of the presenter's learning-rate slider for optimizer `index` of `lesson`: the
 * lesson's `lrRange`, else ¼× to 4× the rate the lesson starts with. Linear when the span is
 * narrower than a decade (so 0.9 → 1.1 is a fifth of the slider, not 2 px), log otherwise.
 */
export function lessonLrSpan(lesson: Lesson, index: number): LrSpan | undefined {
  const lr = lesson.scene.optimizers[index]?.lr;
  const range: readonly [number, number] | undefined =
    lesson.lrRange ?? (lr !== undefined && lr > 0 ? [lr / 4, lr * 4] : undefined);
  if (!range || !(range[1] > range[0]) || !(range[0] > 0)) return undefined;
  return { range, log: range[1] / range[0] > 10 };
}
