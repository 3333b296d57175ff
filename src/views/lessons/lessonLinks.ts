/** Addresses of lessons: a lesson opens on the visualizer with its scene in the URL. */
import { encodeSceneParam } from '../../engine/scene-url';
import type { Lesson } from '../../lessons/catalog';
import { LESSON_PARAM } from '../../state/present';
import { DEFAULT_VIEW, SPEEDS, encodeView } from '../../state/view';
import type { ViewSettings } from '../../state/view';

/** Shortest a lesson's whole run should take at its playback speed, in seconds. */
const LESSON_MIN_SECONDS = 12;
/** Fastest a lesson plays, in steps per second: beyond it a class sees a blur, not steps. */
const LESSON_MAX_SPEED = 30;

/**
 * Playback speed (steps per second) for a lesson of `steps` steps: the fastest offered speed at
 * which the run still takes 12 s or more, at most 30 steps/s (60 steps → 5/s, 200 → 10/s,
 * 300 → 10/s, 500 → 30/s). Rounding up to the next speed played a 300-step run in 10 s, too
 * fast for a class (issue 10's review).
 */
export function lessonSpeed(steps: number): number {
  const fastest = Math.min(LESSON_MAX_SPEED, steps / LESSON_MIN_SECONDS);
  return [...SPEEDS].reverse().find((s) => s <= fastest) ?? SPEEDS[0];
}

/**
 * How a lesson opens: at step 0, at a speed a class can follow (`lessonSpeed`), on the lesson's
 * own map window when it has one.
 */
export function lessonView(lesson: Pick<Lesson, 'scene' | 'domain'>): ViewSettings {
  return {
    ...DEFAULT_VIEW,
    domain: lesson.domain ?? null,
    cursor: 0,
    speed: lessonSpeed(lesson.scene.steps),
  };
}

/** The visualizer address of a lesson, with its scene and its opening view, relative to the app. */
export function lessonHref(lesson: Lesson): string {
  const view = encodeView(lessonView(lesson));
  return `./?${LESSON_PARAM}=${encodeURIComponent(lesson.id)}&scene=${encodeSceneParam(lesson.scene)}&view=${view}`;
}
