import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useCoversStart } from './clearOfStart';
import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Domain } from '../../engine/types';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { AnalysisLayers } from '../analysis/AnalyzeEntry';
import { Axes, BASE_FIGURE_FONT, MARGIN, marginsFor } from './Axes';
import type { Margins } from './Axes';
import { ContourLayer } from './ContourLayer';
import { EnsembleLayer, EnsembleLegend } from './EnsembleEntry';
import { HeatmapLayer } from './HeatmapLayer';
import { nearestPoint } from './nearestPoint';
import type { HoverTarget } from './nearestPoint';
import { Legend, OptimizerLegend } from './Legend';
import { MinimaMarkers, QuiverLayer } from './Overlay';
import { makeProjection, screenPoint } from './projection';
import type { Projection } from './projection';
import { TrajectoryCanvas } from './TrajectoryCanvas';
import type { MapZoom } from './zoom';
import { afterFirstPaint } from '../hooks/afterFirstPaint';
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';
import { PredictLayer } from '../predict/PredictEntry';
import { mapClickTaken } from './mapClick';

// The card appears on hover, never on the first screen: its code comes after the first paint.
const HoverCard = lazyAfterFirstPaint(() => import('./HoverCard').then((m) => m.HoverCard));
// The optimizers' hidden-state glyphs (issue 14), drawn only once someone turns them on.
const GlyphLayer = lazyAfterFirstPaint(() => import('./GlyphLayer').then((m) => m.GlyphLayer));
// The 3-D toggle too (issue 13); three.js itself loads only when it is turned on.
const View3D = lazyAfterFirstPaint(() => import('../surface3d/MapEntry').then((m) => m.MapEntry));
// "Left the map" / "off the map" labels: a first screen's paths are in view.
const ExitLabels = lazyAfterFirstPaint(() => import('./ExitLabels').then((m) => m.ExitLabels));

/** Plot-area size for `domain` in a box `width` wide: the domain's aspect (clamped), height capped. */
export function plotSize(
  domain: Domain,
  width: number,
  maxHeight: number,
  margins: Margins = MARGIN,
): { width: number; height: number } {
  const aspect = Math.max(
    0.6,
    Math.min(2.2, (domain.x[1] - domain.x[0]) / (domain.y[1] - domain.y[0])),
  );
  let w = Math.max(160, width - margins.left - margins.right);
  let h = w / aspect;
  if (h > maxHeight) {
    h = maxHeight;
    w = h * aspect;
  }
  return { width: Math.round(w), height: Math.round(h) };
}

/** Smallest plot height (px) a parent's box must leave for the map to fill it. */
const MIN_FILL_HEIGHT = 160;

/**
 * The map box's size and the figure's type size, kept up to date: the box's width and height
 * (its parent decides them), the window's height, and the `.map`'s font size in px (presenter
 * mode scales it with the screen).
 */
interface BoxSize {
  readonly width: number;
  readonly height: number;
  readonly viewportHeight: number;
  readonly fontPx: number;
  /** False until the box has been measured (the first render guesses a size). */
  readonly measured: boolean;
}

function useBoxSize(): [React.RefObject<HTMLDivElement | null>, BoxSize] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize>({
    width: 640,
    height: 0,
    viewportHeight: window.innerHeight,
    fontPx: BASE_FIGURE_FONT,
    measured: false,
  });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const font = parseFloat(getComputedStyle(el).fontSize);
      const next = {
        width: el.clientWidth,
        height: el.clientHeight,
        viewportHeight: window.innerHeight,
        fontPx: Number.isFinite(font) && font > 0 ? font : BASE_FIGURE_FONT,
        measured: true,
      };
      setSize((prev) =>
        prev.width === next.width &&
        prev.height === next.height &&
        prev.viewportHeight === next.viewportHeight &&
        prev.fontPx === next.fontPx &&
        prev.measured
          ? prev
          : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return [ref, size];
}

const sameSize = (a: Projection, b: Projection): boolean =>
  a.width === b.width && a.height === b.height;

/**
 * The contour map: heat map, contour lines, trajectories, axes, minima, start point, pan and zoom.
 * With `fill`, the map fills the box its parent gives it (both ways: x and y may then be scaled
 * differently, and the axes say so by their ticks); this is how the normal and presenter views
 * make the map the hero. Without it, or while the parent's box has no height yet, the plot takes
 * the domain's aspect at the box's width, its height capped by `maxHeight` (by default the
 * window's height less room for the controls; an embed passes the height its iframe leaves).
 * `gestureFilter`, when given, must also accept a wheel/mouse/touch event for it to pan or zoom
 * (an embed refuses one finger and the plain wheel, which belong to the host page's scroll);
 * `gestureWheel` says whether it leaves the plain wheel free ('free', the whole app on a touch
 * screen) or asks for Ctrl/⌘ ('cooperative', the default, an embed), so help texts can say so.
 * `tapSetsStart` (default true): a click or tap on the map moves the start point there. An embed
 * turns it off: there a tap is a reader touching the figure, and moving the start would lose the
 * author's scene with no way back but a reload (the start handle still drags, on purpose).
 */
export function MapView(props: {
  maxHeight?: number;
  fill?: boolean;
  gestureFilter?: ((event: Event) => boolean) | undefined;
  gestureWheel?: 'cooperative' | 'free';
  tapSetsStart?: boolean;
}) {
  const { domain, surface, layer, quiver, start, glyphs } = useDescent(
    useShallow((s) => ({
      glyphs: s.glyphs.length > 0,
      domain: s.domain,
      surface: s.surface,
      layer: s.layer,
      quiver: s.quiver,
      start: s.scene.start,
    })),
  );
  // f not finite at the start: no optimizer has a path, and the learning rate is not why.
  const startOutside = useDescent(
    (s) =>
      !Number.isFinite(s.surface.grad(s.scene.start[0], s.scene.start[1], new Float64Array(2))),
  );
  const [boxRef, box] = useBoxSize();
  const visible = domain ?? surface.domain;
  const margins = useMemo(() => marginsFor(box.fontPx), [box.fontPx]);
  const fillHeight = box.height - margins.top - margins.bottom;
  const size =
    props.fill === true && fillHeight >= MIN_FILL_HEIGHT
      ? {
          width: Math.max(160, Math.floor(box.width - margins.left - margins.right)),
          height: Math.floor(fillHeight),
        }
      : plotSize(
          visible,
          box.width,
          props.maxHeight ?? Math.max(220, box.viewportHeight - 240),
          margins,
        );
  const projection = useMemo(
    () => makeProjection(visible, size.width, size.height),
    [visible, size.width, size.height],
  );

  const overlayRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<MapZoom | null>(null);
  const zoomButtonsRef = useRef<HTMLDivElement>(null);
  const homeRef = useRef<Projection>(projection);
  const ownDomainRef = useRef<Domain | null>(null);
  const resettingRef = useRef(false);
  const gestureFilterRef = useRef(props.gestureFilter);
  useEffect(() => {
    gestureFilterRef.current = props.gestureFilter;
  }, [props.gestureFilter]);

  // The one place D3 touches the DOM: the zoom/pan handler on the overlay, loaded after the
  // first paint (see zoom.ts).
  useEffect(() => {
    let live = true;
    afterFirstPaint(() => {
      void import('./zoom').then(({ attachZoom }) => {
        const svg = overlayRef.current;
        if (!live || !svg) return;
        const accepts = (event: Event): boolean => gestureFilterRef.current?.(event) ?? true;
        zoomRef.current = attachZoom(
          svg,
          (transform) => {
            if (resettingRef.current) return;
            const home = homeRef.current;
            // d3's rescaleX/rescaleY: the home range read back through the transform.
            const xs = home.x.range().map((v) => home.x.invert(transform.invertX(v)));
            const ys = home.y.range().map((v) => home.y.invert(transform.invertY(v)));
            const next: Domain = {
              x: [xs[0]!, xs[1]!],
              y: [Math.min(ys[0]!, ys[1]!), Math.max(ys[0]!, ys[1]!)],
            };
            ownDomainRef.current = next;
            useDescent.getState().setView({ domain: next });
          },
          accepts,
        );
        // Pan and zoom answer from now on (tests wait on this instead of racing the chunk).
        svg.dataset.zoom = 'ready';
      });
    });
    return () => {
      live = false;
      zoomRef.current?.detach();
      zoomRef.current = null;
    };
  }, []);

  // A domain set by anything but the zoom itself (surface change, reset, URL) or a resize re-homes the zoom.
  useLayoutEffect(() => {
    if (domain !== null && domain === ownDomainRef.current && sameSize(homeRef.current, projection))
      return;
    homeRef.current = projection;
    ownDomainRef.current = null;
    if (zoomRef.current) {
      resettingRef.current = true;
      zoomRef.current.reset();
      resettingRef.current = false;
    }
  }, [projection, domain]);

  const zoomBy = (factor: number): void => {
    zoomRef.current?.scaleBy(factor);
  };

  const toLocal = useCallback((event: { clientX: number; clientY: number }) => {
    const rect = overlayRef.current!.getBoundingClientRect();
    return screenPoint(event.clientX - rect.left, event.clientY - rect.top);
  }, []);

  const setStart = useCallback(
    (event: { clientX: number; clientY: number }) => {
      const [x, y] = projection.toDomain(toLocal(event));
      const round = (v: number): number => Number(v.toPrecision(4));
      const s = useDescent.getState();
      s.commitScene({ ...s.scene, start: [round(x), round(y)] });
    },
    [projection, toLocal],
  );

  // A click sets the start, unless a question is asking for a point (predict-then-run).
  const onMapClick = (event: { clientX: number; clientY: number }): void => {
    if (!mapClickTaken(projection.toDomain(toLocal(event)))) setStart(event);
  };

  const draggingRef = useRef(false);
  const onHandleDown = (event: ReactPointerEvent<SVGGElement>): void => {
    event.stopPropagation();
    event.preventDefault();
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    draggingRef.current = true;
  };
  const onHandleMove = (event: ReactPointerEvent<SVGGElement>): void => {
    if (draggingRef.current) setStart(event);
  };
  const onHandleUp = (event: ReactPointerEvent<SVGGElement>): void => {
    draggingRef.current = false;
    (event.currentTarget as Element).releasePointerCapture?.(event.pointerId);
  };

  const [hover, setHover] = useState<HoverTarget | null>(null);
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>): void => {
    if (event.pointerType !== 'mouse' || event.buttons !== 0) return;
    const s = useDescent.getState();
    setHover(
      nearestPoint(
        toLocal(event),
        projection,
        s.scene,
        s.trajectories,
        s.ghost ? Infinity : s.cursor,
      ),
    );
  };

  const [sx, sy] = projection.toScreen(start);
  // The zoom buttons: .map-zoom's right 16 px and top 14 px, in plot px.
  const zoomLow = useCoversStart(
    zoomButtonsRef,
    { right: 16 - margins.right, top: 14 - margins.top },
    size.width,
    sx,
    sy,
  );
  return (
    <section
      className={props.fill === true ? 'map-panel map-panel--fill' : 'map-panel'}
      aria-label={t('map.label')}
    >
      <div ref={boxRef} className="map-box">
        <div
          className="map"
          data-testid="map"
          style={{
            width: size.width + margins.left + margins.right,
            height: size.height + margins.top + margins.bottom,
          }}
        >
          <Axes projection={projection} margins={margins} />
          <div
            className="map-plot"
            data-testid="map-plot"
            style={{ left: margins.left, top: margins.top, width: size.width, height: size.height }}
          >
            {/* The layers wait for the box's measured size (the same commit, before the first
                paint): drawn at the first render's guessed size they would be drawn twice. */}
            {box.measured && layer && <HeatmapLayer layer={layer} projection={projection} />}
            {box.measured && layer && <ContourLayer layer={layer} projection={projection} />}
            {box.measured && <TrajectoryCanvas projection={projection} />}
            <EnsembleLayer projection={projection} />
            <AnalysisLayers projection={projection} />
            {box.measured && glyphs && <GlyphLayer projection={projection} />}
            <svg
              ref={overlayRef}
              className="map-overlay"
              width={size.width}
              height={size.height}
              role="img"
              aria-label={t('map.label')}
              onClick={props.tapSetsStart === false ? undefined : onMapClick}
              onPointerMove={onPointerMove}
              onPointerLeave={() => setHover(null)}
            >
              <rect width={size.width} height={size.height} fill="transparent" />
              {layer && quiver && <QuiverLayer layer={layer} projection={projection} />}
              <MinimaMarkers
                minima={surface.minima}
                projection={projection}
                label={t('map.minimum')}
              />
              <g
                data-start-handle
                className="start-handle"
                transform={`translate(${sx},${sy})`}
                onPointerDown={onHandleDown}
                onPointerMove={onHandleMove}
                onPointerUp={onHandleUp}
                onPointerCancel={onHandleUp}
                onClick={(e) => e.stopPropagation()}
              >
                <title>{t('map.start')}</title>
                {/* Scaled as one about its centre (map-mark: larger in presenter mode). */}
                <g className="map-mark">
                  <circle r={14} fill="transparent" />
                  <circle r={7} fill="#ffffff" stroke="#1b2430" strokeWidth={2} />
                  <circle r={2.5} fill="#1b2430" />
                </g>
              </g>
            </svg>
            <ExitLabels projection={projection} />
            <PredictLayer projection={projection} />
            {startOutside && (
              <p
                className="map-message"
                role="alert"
                data-testid="map-start-outside"
                // In the half of the plot away from the start, so the start handle stays in sight.
                style={sy < size.height / 2 ? { top: 'auto', bottom: 12 } : { top: 12 }}
              >
                {t('map.startOutside', { x: start[0], y: start[1] })}
              </p>
            )}
            {hover && <HoverCard target={hover} projection={projection} />}
            {box.measured && (
              <View3D
                projection={projection}
                gestureFilter={props.gestureFilter}
                gestureHelp={
                  !props.gestureFilter ? 'mouse' : props.gestureWheel === 'free' ? 'touch' : 'embed'
                }
                startAt={[sx, sy]}
              />
            )}
          </div>
          <div
            ref={zoomButtonsRef}
            // Zoomed: a short embed, which has no room for the buttons, still offers the reset.
            className={domain ? 'map-zoom map-zoom--zoomed' : 'map-zoom'}
            style={
              {
                // The plot's bottom edge, for a short embed's lone reset button (embed.css).
                '--map-plot-bottom': `${margins.bottom + 4}px`,
                ...(zoomLow ? { top: 'auto', bottom: margins.bottom + 4 } : {}),
              } as CSSProperties
            }
          >
            <button
              type="button"
              onClick={() => zoomBy(1.5)}
              data-testid="map-zoom-in"
              aria-label={t('map.zoomIn')}
              title={t('map.zoomIn')}
            >
              +
            </button>
            <button
              type="button"
              onClick={() => zoomBy(1 / 1.5)}
              aria-label={t('map.zoomOut')}
              title={t('map.zoomOut')}
            >
              −
            </button>
            <button
              type="button"
              onClick={() => useDescent.getState().setView({ domain: null })}
              data-testid="map-zoom-reset"
              aria-label={t('map.zoomReset')}
              title={t('map.zoomReset')}
            >
              ⟲
            </button>
          </div>
        </div>
      </div>
      <div className="map-legends">
        <OptimizerLegend />
        <EnsembleLegend />
        <Legend layer={layer} />
      </div>
    </section>
  );
}
