/**
 * The visualizer's 3-D toggle (issue 13): a button over the contour map and, while it is on, the
 * 3-D surface in the map's place. This module comes after the first paint; three.js (Surface3D)
 * only when the toggle is first turned on. The 2-D map stays mounted underneath, so turning the
 * toggle off shows it at once, as it was.
 */
import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { formatNumber } from '../format';
import { optimizerStyle } from '../palette';
import type { Projection } from '../map/projection';
import { HOME_ORBIT } from '../../state/orbit';
import type { Orbit } from '../../state/orbit';
import { chooseHeightScale, domainToGrid } from './geometry';
import { useCoversStart } from '../map/clearOfStart';
import type { Axes3D, Path3D } from './Surface3D';
import { ZOOM_KEY } from '../embed/zoomKey';
import './surface3d.css';

const Surface3D = lazy(() => import('./Surface3D').then((m) => ({ default: m.Surface3D })));

interface View3DState {
  /** Why WebGL could not start (the toggle is then off and says so), or null. */
  readonly unavailable: string | null;
}

/**
 * Why the 3-D view could not start, if it could not. Whether it is on, and its camera, are view
 * settings (the store's `view3d`, in the link as `3d:1` or `3d:A,E,D`).
 */
export const useView3D = create<View3DState>(() => ({ unavailable: null }));

/**
 * Which gestures turn and zoom the view, for its help text: 'mouse' (any drag, the plain wheel),
 * 'touch' (the whole app on a touch screen: two fingers, the wheel free), 'embed' (two fingers or
 * a mouse drag; the wheel only with Ctrl/⌘, the plain wheel scrolls the host page).
 */
export type GestureHelp = 'mouse' | 'touch' | 'embed';

/** The 3-D view's help sentence for `gestures`: how to turn, zoom and reset it. */
export function view3dHelp(gestures: GestureHelp): string {
  if (gestures === 'embed') return t('view3d.helpEmbed', { key: ZOOM_KEY });
  return t(gestures === 'touch' ? 'view3d.helpTouch' : 'view3d.help');
}

/** The toggle button and, when on, the 3-D view over the map's plot area. */
export function MapEntry(props: {
  projection: Projection;
  gestureFilter?: ((event: Event) => boolean) | undefined;
  gestureHelp: GestureHelp;
  /** The start handle's place in plot px: the toggle moves to the bottom corner off it. */
  startAt: readonly [number, number];
}) {
  const { unavailable } = useView3D();
  const on = useDescent((s) => s.view3d !== null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // surface3d.css: 8 px from the plot's top-left corner. With the 3-D view on, no handle shows.
  const low =
    useCoversStart(
      toggleRef,
      { left: 8, top: 8 },
      props.projection.width,
      props.startAt[0],
      props.startAt[1],
    ) && !on;
  return (
    <>
      {on && <MapSurface3D {...props} />}
      <button
        ref={toggleRef}
        type="button"
        className="surface3d-toggle"
        data-testid="view3d-toggle"
        aria-pressed={on}
        style={low ? { top: 'auto', bottom: 8 } : undefined}
        title={on ? t('view3d.toggleOff') : t('view3d.toggleOn')}
        onClick={() => {
          useDescent.getState().setView({ view3d: on ? null : HOME_ORBIT });
          useView3D.setState({ unavailable: null });
        }}
      >
        {on ? t('view3d.off') : t('view3d.on')}
      </button>
      {unavailable !== null && (
        <p
          className="map-message"
          role="alert"
          data-testid="view3d-unavailable"
          data-detail={unavailable}
        >
          {/* three.js's own words are English: the reader gets the catalogue's. */}
          {t('view3d.unavailable', { reason: t('view3d.noContext') })}
        </p>
      )}
    </>
  );
}

/** The store's grid, paths and cursor handed to Surface3D. */
function MapSurface3D(props: {
  projection: Projection;
  gestureFilter?: ((event: Event) => boolean) | undefined;
  gestureHelp: GestureHelp;
}) {
  const { layer, trajectories, optimizers, cursor } = useDescent(
    useShallow((s) => ({
      layer: s.layer,
      trajectories: s.trajectories,
      optimizers: s.scene.optimizers,
      cursor: s.cursor,
    })),
  );
  const grid = useMemo(
    () =>
      layer && {
        values: layer.grid,
        width: layer.request.width,
        height: layer.request.height,
        bands: layer.bands,
        thresholds: layer.thresholds,
      },
    [layer],
  );
  const toGrid = useMemo(
    () => layer && domainToGrid(layer.request.domain, layer.request.width, layer.request.height),
    [layer],
  );
  const paths = useMemo<Path3D[]>(
    () =>
      optimizers.flatMap((config, i) => {
        const tr = trajectories[i];
        if (!tr || config.hidden || tr.length === 0) return [];
        return [{ points: tr.points, count: tr.length, color: optimizerStyle(config, i).color }];
      }),
    [optimizers, trajectories],
  );
  const cursors = useMemo(() => paths.map(() => cursor), [paths, cursor]);
  const onUnavailable = useCallback((reason: string) => {
    useDescent.getState().setView({ view3d: null });
    useView3D.setState({ unavailable: reason });
  }, []);
  // The camera the view opens with (a link's), read once; moves go back to the store's view.
  const [orbit] = useState(() => useDescent.getState().view3d ?? HOME_ORBIT);
  const onOrbit = useCallback((next: Orbit) => {
    if (useDescent.getState().view3d !== null) useDescent.getState().setView({ view3d: next });
  }, []);
  const scale = useMemo(() => (layer ? chooseHeightScale(layer.grid) : null), [layer]);
  const axes = useMemo<Axes3D | null>(
    () =>
      layer && {
        x: layer.request.domain.x,
        y: layer.request.domain.y,
        names: { x: 'x', y: 'y' },
      },
    [layer],
  );
  // The 2-D map's axes and zoom buttons say nothing about the 3-D picture: hidden while it shows.
  const boxRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const map = boxRef.current?.closest<HTMLElement>('.map');
    if (!map) return;
    map.dataset.view3d = 'on';
    return () => {
      delete map.dataset.view3d;
    };
  });
  if (!grid || !toGrid || !layer || !scale || !axes) return null;
  const { width, height } = props.projection;
  return (
    <div ref={boxRef} className="surface3d" style={{ width, height }} data-testid="view3d">
      <Suspense
        fallback={
          <p className="surface3d-loading" aria-busy="true">
            {t('view3d.loading')}
          </p>
        }
      >
        <Surface3D
          grid={grid}
          toGrid={toGrid}
          paths={paths}
          cursor={cursors}
          upToCursor
          width={width}
          height={height}
          label={t('view3d.label', {
            min: formatNumber(layer.min, 3),
            max: formatNumber(layer.max, 3),
            scale: t(`view3d.scale.${scale.kind}`),
            help: view3dHelp(props.gestureHelp),
          })}
          gestureFilter={props.gestureFilter}
          onUnavailable={onUnavailable}
          orbit={orbit}
          onOrbit={onOrbit}
          axes={axes}
        />
      </Suspense>
      <p className="surface3d-help">
        {view3dHelp(props.gestureHelp)}
        {scale.kind === 'log' && <> {t('view3d.logNote')}</>}
      </p>
    </div>
  );
}
