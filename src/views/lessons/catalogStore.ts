/**
 * The lesson catalogue (texts in three languages) loads lazily, in the gallery's chunk, so the
 * visualizer's initial JavaScript does not carry it; components read it through `useLesson`.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Lesson } from '../../lessons/catalog';

/** The loaded catalogue (null before it arrives); non-React code subscribes to it. */
export const useCatalog = create<{ lessons: readonly Lesson[] | null }>()(() => ({
  lessons: null,
}));

let loading: Promise<readonly Lesson[]> | null = null;

/** Loads the catalogue once; resolves to every lesson. */
export function loadLessons(): Promise<readonly Lesson[]> {
  loading ??= import('../../lessons/catalog').then((m) => {
    useCatalog.setState({ lessons: m.LESSONS });
    return m.LESSONS;
  });
  return loading;
}

/** The lesson `id` once the catalogue is loaded: 'loading' before, undefined if there is none. */
export function useLesson(id: string | null): Lesson | undefined | 'loading' {
  const lessons = useCatalog((s) => s.lessons);
  useEffect(() => {
    if (id !== null) void loadLessons();
  }, [id]);
  if (id === null) return undefined;
  if (lessons === null) return 'loading';
  return lessons.find((l) => l.id === id);
}
