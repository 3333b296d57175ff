/**
 * The address bar mirrors the store: `?scene=<scene text>&view=<view text>`. Reading goes through
 * the same Scene validator as every other entry point; writing is debounced and uses
 * `replaceState`, so dragging a slider does not flood the history.
 */
import { replaceSearch } from './replaceSearch';
import { decodeSceneParam, encodeSceneParam, rawQueryParam } from '../engine/scene-url';
import { fieldError } from '../engine/messages';
import { ExpressionsNotLoaded } from '../engine/surfaces/resolve';
import { DEFAULT_SCENE } from '../engine/scene';
import type { FieldError, Scene } from '../engine/types';
import { loadState, useDescent, viewOf } from './store';
import { DEFAULT_VIEW, decodeView, encodeView, FIRST_VISIT_VIEW } from './view';
import type { ViewSettings } from './view';

/** Query parameter names. */
export const SCENE_PARAM = 'scene';
export const VIEW_PARAM = 'view';

/** Scene, view and every problem found in a query string. Never throws. */
export function readQuery(search: string): {
  scene: Scene;
  view: ViewSettings;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  let scene = DEFAULT_SCENE;
  const sceneText = rawQueryParam(search, SCENE_PARAM);
  if (sceneText !== undefined && sceneText !== '') {
    const decoded = decodeSceneParam(sceneText);
    scene = decoded.scene;
    errors.push(...decoded.errors);
  }
  const viewText = rawQueryParam(search, VIEW_PARAM);
  // A first visit (no scene, no view) starts at step 0; a link keeps its own cursor.
  const firstVisit = (sceneText === undefined || sceneText === '') && viewText === undefined;
  let view = firstVisit ? FIRST_VISIT_VIEW : DEFAULT_VIEW;
  if (viewText !== undefined) {
    let text: string | undefined;
    try {
      text = decodeURIComponent(viewText);
    } catch {
      errors.push(fieldError('view', 'url.notEncoded'));
    }
    if (text !== undefined) {
      const decoded = decodeView(text);
      view = decoded.view;
      errors.push(...decoded.errors);
    }
  }
  return { scene, view, errors };
}

/** The query string for a scene and view. */
export function writeQuery(scene: Scene, view: ViewSettings): string {
  const viewText = encodeView(view);
  return `?${SCENE_PARAM}=${encodeSceneParam(scene)}${viewText ? `&${VIEW_PARAM}=${viewText}` : ''}`;
}

/** Parameters other parts of the app own (e.g. `analysis=`), as `&name=value…`, kept verbatim on writes. */
export function otherParams(search: string): string {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && p.split('=')[0] !== SCENE_PARAM && p.split('=')[0] !== VIEW_PARAM)
    .map((p) => `&${p}`)
    .join('');
}

/**
 * Whether reading `search` needs the expression compiler first (its scene is a typed
 * expression), so the page loads the compiler before its first frame. Never throws.
 */
export function queryNeedsExpressions(search: string): boolean {
  try {
    readQuery(search);
    return false;
  } catch (error) {
    return error instanceof ExpressionsNotLoaded;
  }
}

/** Reads the page's URL into the store, then keeps the URL in step with it. Returns a stop function. */
export function startUrlSync(win: Window = window): () => void {
  const { scene, view, errors } = readQuery(win.location.search);
  loadState(scene, view, errors);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (): void => {
    timer = undefined;
    const state = useDescent.getState();
    const query = writeQuery(state.scene, viewOf(state)) + otherParams(win.location.search);
    replaceSearch(query, win);
  };
  const unsubscribe = useDescent.subscribe(
    (s) =>
      [
        s.scene,
        s.domain,
        s.spacing,
        s.quiver,
        s.arrows,
        s.ghost,
        s.cursor,
        s.speed,
        s.selected,
        s.glyphs,
        s.view3d,
        s.playing,
      ] as const,
    ([, , , , , , , , , , , playing]) => {
      if (timer !== undefined) clearTimeout(timer);
      // While playing the cursor moves every frame: write once playback stops.
      if (!playing) timer = setTimeout(write, 250);
    },
    { equalityFn: (a, b) => a.every((v, i) => Object.is(v, b[i])) },
  );
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The current page's shareable address (what "copy link" copies), written out immediately. */
export function currentLink(win: Window = window): string {
  const state = useDescent.getState();
  const others = otherParams(win.location.search);
  return `${win.location.href.replace(/[?#].*$/, '')}${writeQuery(state.scene, viewOf(state))}${others}`;
}
