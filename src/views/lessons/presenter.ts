/**
 * Teacher-mode actions shared by the buttons and the keyboard: start the lesson state from the
 * URL, enter or leave presenter mode (URL `present=1`, root class, full screen), toggle full
 * screen. The Fullscreen API is guarded: it is missing or refused in some frames and browsers.
 */
import { rawQueryParam } from '../../engine/scene-url';
import {
  presentScreenScale,
  readPresentQuery,
  usePresent,
  withPresentQuery,
} from '../../state/present';
import { loadState, useDescent } from '../../state/store';
import { loadLessons } from './catalogStore';
import { replaceSearch } from '../../state/replaceSearch';
import { lessonSpeed, lessonView } from './lessonLinks';

/**
 * Whether the current full screen was asked for by entering presenter mode: then leaving it
 * (the browser's Esc, which the page never sees as a key) leaves presenter mode too. Full screen
 * toggled by hand (F) is the teacher's own and leaves presenter mode alone.
 */
let fullscreenForPresenting = false;

/** Asks for full screen (or leaves it); resolves either way, never throws. */
export async function toggleFullscreen(doc: Document = document): Promise<void> {
  fullscreenForPresenting = false;
  try {
    if (doc.fullscreenElement) await doc.exitFullscreen();
    else if (doc.fullscreenEnabled) await doc.documentElement.requestFullscreen();
  } catch {
    // Refused (no user gesture, a frame without allowfullscreen): presenting works without it.
  }
}

/** Enters or leaves presenter mode; entering from a user gesture also asks for full screen. */
export function setPresenting(on: boolean, win: Window = window): void {
  usePresent.getState().setPresent(on);
  replaceSearch(withPresentQuery(win.location.search, { present: on }), win);
  const doc = win.document;
  if (on && !doc.fullscreenElement) {
    void toggleFullscreen(doc);
    fullscreenForPresenting = true;
  }
  if (!on && doc.fullscreenElement) void toggleFullscreen(doc);
}

/**
 * A lesson link with a scene but no view (`view=`) opens at step 0 at a class's speed, like the
 * gallery's links; call after the URL filled the store. A link with its own view keeps it.
 */
export function openLessonAtStart(win: Window = window): void {
  const { lesson } = readPresentQuery(win.location.search);
  if (lesson === null || rawQueryParam(win.location.search, 'view') !== undefined) return;
  const s = useDescent.getState();
  s.setCursor(0);
  s.setSpeed(lessonSpeed(s.scene.steps));
}

/** Closes the lesson (its text and presenter mode); the scene stays as it is. */
export function closeLesson(win: Window = window): void {
  usePresent.getState().setLesson(null);
  setPresenting(false, win);
  replaceSearch(withPresentQuery(win.location.search, { lesson: null }), win);
}

/**
 * Reads `lesson=` and `present=1`. A known lesson opened without a scene in the link (a typed
 * address; the gallery's links carry the scene) gets its scene loaded once the catalogue arrives,
 * and the URL sync then writes it into the address so a copied link restores it.
 * Returns a stop function.
 */
export function startLessons(win: Window = window): () => void {
  const { lesson, present } = readPresentQuery(win.location.search);
  if (lesson !== null && rawQueryParam(win.location.search, 'scene') === undefined) {
    void loadLessons().then((lessons) => {
      const found = lessons.find((l) => l.id === lesson);
      if (found) loadState(found.scene, lessonView(found), []);
    });
  }
  usePresent.getState().setLesson(lesson);
  usePresent.getState().setPresent(present);
  const root = win.document.documentElement;
  const apply = (on: boolean, scale: number, screen: number): void => {
    root.classList.toggle('presenting', on);
    root.style.setProperty('--line-scale', String(scale));
    // Buttons and map markers grow with the screen while presenting (lessons.css).
    root.style.setProperty('--present-scale', String(screen));
  };
  const measure = (): void =>
    usePresent.getState().setScreenScale(presentScreenScale(win.innerWidth, win.innerHeight));
  measure();
  win.addEventListener('resize', measure);
  const now = usePresent.getState();
  apply(now.present, now.lineScale, now.screenScale);
  const stopState = usePresent.subscribe((s, prev) => {
    if (
      s.present !== prev.present ||
      s.lineScale !== prev.lineScale ||
      s.screenScale !== prev.screenScale
    )
      apply(s.present, s.lineScale, s.screenScale);
  });
  const stop = (): void => {
    stopState();
    win.removeEventListener('resize', measure);
  };
  // Esc in full screen is the browser's (the page gets no key): leaving the full screen that
  // presenter mode asked for leaves presenter mode, as Esc does outside full screen.
  const onFullscreen = (): void => {
    if (win.document.fullscreenElement || !fullscreenForPresenting) return;
    fullscreenForPresenting = false;
    if (usePresent.getState().present) setPresenting(false, win);
  };
  win.document.addEventListener('fullscreenchange', onFullscreen);
  return () => {
    stop();
    win.document.removeEventListener('fullscreenchange', onFullscreen);
  };
}
