/** Addresses of lessons: a lesson opens on the visualizer with its scene in the URL. */
import { encodeSceneParam } from '../../engine/scene-url';
import type { Lesson } from '../../lessons/catalog';
import { LESSON_PARAM } from '../../state/present';

/** The visualizer address of a lesson, with its scene, relative to the app. */
export function lessonHref(lesson: Lesson): string {
  return `./?${LESSON_PARAM}=${encodeURIComponent(lesson.id)}&scene=${encodeSceneParam(lesson.scene)}`;
}
