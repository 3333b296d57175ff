/**
 * The visualizer's one store, in slices: the scene (last good one, plus why an edit was refused),
 * the computed run (trajectories and map layers, kept as typed arrays and never copied into
 * React state), playback, and view settings. Non-React code listens with `subscribe(selector, …)`.
 */
import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { DEFAULT_SCENE, validateScene } from '../engine/scene';
import {
  ExpressionsNotLoaded,
  expressionsLoaded,
  loadExpressions,
  resolveSurface,
} from '../engine/surfaces/resolve';
import type {
  Domain,
  FieldError,
  OptimizerConfig,
  Scene,
  Surface,
  Trajectory,
} from '../engine/types';
import type { SurfaceLayer } from '../engine/contours/types';
import { localTrajectories } from './incremental';
import { DEFAULT_VIEW, FIRST_VISIT_VIEW } from './view';
import type { ViewSettings } from './view';

interface SceneSlice {
  /** The last valid scene: what is simulated and drawn. */
  scene: Scene;
  /** The scene's surface, resolved on the main thread too (hover, formula panel, minima). */
  surface: Surface;
  /** Problems found when the page's URL was read (shown until dismissed). */
  loadErrors: readonly FieldError[];
  /**
   * Validates `candidate` and makes it the scene only when it is entirely valid; returns the
   * problems otherwise (the last good scene stays).
   */
  commitScene: (candidate: Scene) => readonly FieldError[];
  /** Shorthand for changing one optimizer. */
  updateOptimizer: (index: number, next: OptimizerConfig) => readonly FieldError[];
  dismissLoadErrors: () => void;
}

interface RunSlice {
  /** Trajectories of `trajectoriesScene` (one per optimizer, hidden ones included). */
  trajectories: readonly Trajectory[];
  trajectoriesScene: Scene | null;
  /** The map's static layers, for the domain and surface in its `request`. */
  layer: SurfaceLayer | null;
  /** Latest engine failure, shown as a message. */
  engineError: string | null;
  setTrajectories: (scene: Scene, trajectories: readonly Trajectory[]) => void;
  setLayer: (layer: SurfaceLayer) => void;
  setEngineError: (message: string | null) => void;
}

interface PlaybackSlice {
  /** Point index shown; clamped to [0, steps]. */
  cursor: number;
  playing: boolean;
  speed: number;
  /**
   * A predict-then-run question is pending and its panel's code has not taken over yet
   * (src/views/predict/PredictEntry.tsx): the run is held at step 0, so no key, button or drag
   * shows the answer before the learner is asked.
   */
  held: boolean;
  setHeld: (held: boolean) => void;
  setCursor: (cursor: number) => void;
  stepBy: (delta: number) => void;
  setPlaying: (playing: boolean) => void;
  togglePlaying: () => void;
  setSpeed: (speed: number) => void;
}

interface ViewSlice {
  domain: Domain | null;
  spacing: ViewSettings['spacing'];
  quiver: boolean;
  arrows: boolean;
  ghost: boolean;
  selected: number;
  glyphs: readonly number[];
  view3d: ViewSettings['view3d'];
  setView: (
    patch: Partial<
      Pick<
        ViewSettings,
        'domain' | 'spacing' | 'quiver' | 'arrows' | 'ghost' | 'selected' | 'glyphs' | 'view3d'
      >
    >,
  ) => void;
}

/** The whole store's state. */
export type DescentState = SceneSlice & RunSlice & PlaybackSlice & ViewSlice;

function surfaceOf(scene: Scene): Surface {
  const resolved = resolveSurface(scene.surface);
  if (resolved.ok) return resolved.surface;
  // A scene only becomes current after validation, which resolves its surface; this is a guard.
  const fallback = resolveSurface(DEFAULT_SCENE.surface);
  if (!fallback.ok) throw new Error('the default surface does not resolve');
  return fallback.surface;
}

const clampCursor = (cursor: number, steps: number): number =>
  Math.max(0, Math.min(steps, Math.round(cursor)));

const sameSurface = (a: Scene, b: Scene): boolean =>
  JSON.stringify(a.surface) === JSON.stringify(b.surface);

/**
 * `next` with its start, noise, optimizer list and every optimizer config that equals
 * `previous`'s kept as `previous`'s object. Validation builds new objects, so without this a
 * slider tick on one optimizer gave every row, legend entry, start field and chart new props, and
 * each re-rendered.
 */
export function keepUnchanged(previous: Scene, next: Scene): Scene {
  const before = previous.optimizers;
  let same = before.length === next.optimizers.length;
  const optimizers = next.optimizers.map((config, i) => {
    const old = before[i];
    if (old !== undefined && (old === config || JSON.stringify(old) === JSON.stringify(config)))
      return old;
    same = false;
    return config;
  });
  const sameStart = previous.start[0] === next.start[0] && previous.start[1] === next.start[1];
  const sameNoise = JSON.stringify(previous.noise) === JSON.stringify(next.noise);
  return {
    ...next,
    start: sameStart ? previous.start : next.start,
    ...(sameNoise && previous.noise !== undefined ? { noise: previous.noise } : {}),
    optimizers: same ? before : optimizers,
  };
}

/** The app's store. */
export const useDescent = create<DescentState>()(
  subscribeWithSelector((set, get) => ({
    scene: DEFAULT_SCENE,
    surface: surfaceOf(DEFAULT_SCENE),
    loadErrors: [],
    commitScene(candidate) {
      let validated: ReturnType<typeof validateScene>;
      try {
        validated = validateScene(candidate);
      } catch (error) {
        // A typed expression before its compiler has loaded (the app loads it after the first
        // paint, or first when a link needs it): commit once it is in.
        if (!(error instanceof ExpressionsNotLoaded)) throw error;
        void loadExpressions().then(() => get().commitScene(candidate));
        return [];
      }
      const { scene, errors } = validated;
      if (errors.length > 0) return errors;
      const previous = get();
      const surfaceChanged = !sameSurface(previous.scene, scene);
      // Keep the previous surface object when it is the same surface, so subscribers that
      // compare it by identity (the contour layer) do not recompute on a learning-rate drag.
      const shared = keepUnchanged(previous.scene, scene);
      const next = surfaceChanged ? shared : { ...shared, surface: previous.scene.surface };
      const surface = surfaceChanged ? surfaceOf(scene) : previous.surface;
      // A change of one optimizer (a slider tick) is re-simulated here, and scene and paths are
      // written in one update: subscribers never see the new scene with the old paths, and
      // nothing waits for the worker (see incremental.ts). Larger changes go to the worker.
      const local =
        previous.trajectoriesScene === null
          ? null
          : localTrajectories(previous.trajectoriesScene, previous.trajectories, next, surface);
      set({
        scene: next,
        surface,
        cursor: clampCursor(previous.cursor, scene.steps),
        selected: Math.min(previous.selected, Math.max(0, scene.optimizers.length - 1)),
        ...(surfaceChanged ? { domain: null } : {}),
        ...(local ? { trajectories: local, trajectoriesScene: next } : {}),
      });
      return [];
    },
    updateOptimizer(index, next) {
      const { scene } = get();
      const optimizers = scene.optimizers.map((o, i) => (i === index ? next : o));
      return get().commitScene({ ...scene, optimizers });
    },
    dismissLoadErrors: () => set({ loadErrors: [] }),

    trajectories: [],
    trajectoriesScene: null,
    layer: null,
    engineError: null,
    setTrajectories: (scene, trajectories) => set({ trajectories, trajectoriesScene: scene }),
    setLayer: (layer) => set({ layer }),
    setEngineError: (engineError) => set({ engineError }),

    cursor: FIRST_VISIT_VIEW.cursor,
    playing: false,
    speed: DEFAULT_VIEW.speed,
    held: false,
    setHeld: (held) => set(held ? { held, cursor: 0, playing: false } : { held }),
    setCursor: (cursor) => set({ cursor: get().held ? 0 : clampCursor(cursor, get().scene.steps) }),
    stepBy: (delta) =>
      set({
        cursor: get().held ? 0 : clampCursor(get().cursor + delta, get().scene.steps),
        playing: false,
      }),
    setPlaying: (playing) => {
      const { cursor, scene, held } = get();
      if (playing && held) return;
      // Play at the end starts over, as a media player does.
      set(playing && cursor >= scene.steps ? { playing, cursor: 0 } : { playing });
    },
    togglePlaying: () => get().setPlaying(!get().playing),
    setSpeed: (speed) => set({ speed }),

    domain: DEFAULT_VIEW.domain,
    spacing: DEFAULT_VIEW.spacing,
    quiver: DEFAULT_VIEW.quiver,
    arrows: DEFAULT_VIEW.arrows,
    ghost: DEFAULT_VIEW.ghost,
    selected: DEFAULT_VIEW.selected,
    glyphs: DEFAULT_VIEW.glyphs,
    view3d: DEFAULT_VIEW.view3d,
    setView: (patch) => set(patch),
  })),
);

/** The view settings as the URL codec sees them. */
export function viewOf(state: DescentState): ViewSettings {
  return {
    domain: state.domain,
    spacing: state.spacing,
    quiver: state.quiver,
    arrows: state.arrows,
    ghost: state.ghost,
    cursor: state.cursor >= state.scene.steps ? -1 : state.cursor,
    speed: state.speed,
    selected: state.selected,
    glyphs: state.glyphs,
    view3d: state.view3d,
  };
}

/** Loads a scene and view read from a URL (already validated), with the problems found. */
export function loadState(scene: Scene, view: ViewSettings, errors: readonly FieldError[]): void {
  if ('expr' in scene.surface && !expressionsLoaded()) {
    // A typed expression needs its compiler (loaded after the first paint): load the scene then.
    void loadExpressions().then(() => loadState(scene, view, errors));
    return;
  }
  useDescent.setState({
    scene,
    surface: surfaceOf(scene),
    loadErrors: errors,
    domain: view.domain,
    spacing: view.spacing,
    quiver: view.quiver,
    arrows: view.arrows,
    ghost: view.ghost,
    // A pending question holds the run at step 0 whatever the link's view says.
    cursor: useDescent.getState().held
      ? 0
      : view.cursor < 0
        ? scene.steps
        : clampCursor(view.cursor, scene.steps),
    speed: view.speed,
    selected: Math.min(view.selected, Math.max(0, scene.optimizers.length - 1)),
    glyphs: view.glyphs,
    view3d: view.view3d,
  });
}
