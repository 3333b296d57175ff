/**
 * The 3-D surface: the map's sampled grid as a lit, heat-coloured mesh (three.js, WebGL), the
 * optimizers' paths lifted onto it, a marker at the playback cursor, and an orbit camera turned
 * by a drag (mouse or one finger), zoomed by the wheel or a pinch, and driven by the keyboard
 * (arrows turn, + and − zoom, Home resets). This module is its own chunk: three.js is fetched
 * only when a reader turns the 3-D view on.
 *
 * It renders on demand (a change of data, cursor or camera), never in a loop, so it costs
 * nothing while it sits still; the drawing buffer is preserved so the picture can be read back.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  DoubleSide,
  HemisphereLight,
  LineBasicMaterial,
  LineLoop,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  SRGBColorSpace,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { LineMaterial } from 'three/addons/lines/LineMaterial.js';
import { LineSegments2 } from 'three/addons/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/addons/lines/LineSegmentsGeometry.js';
import { isolines } from '../../engine/contours/isolines';
import { t } from '../../i18n';
import { formatNumber } from '../format';
import { CONTOUR_STROKE, heatRgb } from '../palette';
import {
  HEIGHT,
  ORBIT_TARGET,
  fieldOfView,
  HOME_ORBIT,
  TICK,
  axisTicks,
  axisTitles,
  chooseHeightScale,
  liftIsolines,
  liftPath,
  moveOrbit,
  orbitKey,
  orbitPosition,
  surfaceMesh,
} from './geometry';
import type { Orbit, SurfaceGrid } from './geometry';
import './surface3d.css';

/** One optimizer's path: flat [x, y, …] in the surface's coordinates, `count` points of it. */
export interface Path3D {
  readonly points: ArrayLike<number>;
  readonly count: number;
  readonly color: string;
}

export interface Surface3DProps {
  /** The map's grid, with its bands (255 = not finite) and contour levels (ascending). */
  readonly grid: SurfaceGrid & {
    readonly bands: Uint8Array;
    readonly thresholds: readonly number[];
  };
  /** A point of the surface's plane in grid units (see geometry.ts). */
  readonly toGrid: (x: number, y: number) => readonly [number, number];
  readonly paths: readonly Path3D[];
  /** Per path, the index of the point at the playback cursor. */
  readonly cursor: readonly number[];
  /** True: each path solid up to its cursor and faint after (the visualizer's playback). */
  readonly upToCursor: boolean;
  /** Canvas size, CSS px. */
  readonly width: number;
  readonly height: number;
  readonly label: string;
  /** An embed's gesture filter (see embed/gestures.tsx): must accept a wheel or touch start. */
  readonly gestureFilter?: ((event: Event) => boolean) | undefined;
  /** Called once when WebGL cannot start here (the caller goes back to the 2-D map). */
  readonly onUnavailable: (reason: string) => void;
  /** The camera the view opens with (a link's); the first camera when left out. */
  readonly orbit?: Orbit | undefined;
  /** Told each camera move (drag, pinch, wheel, keys), so a link can keep the camera. */
  readonly onOrbit?: ((orbit: Orbit) => void) | undefined;
  /**
   * Axes to draw with ticks and labels: the ranges of the surface's own coordinates the grid
   * covers (mapped by `toGrid`) and the names of its two coordinates; the third is the loss.
   */
  readonly axes?: Axes3D | undefined;
}

/** The 3-D view's axes (see Surface3DProps.axes). */
export interface Axes3D {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly names: { readonly x: string; readonly y: string };
}

/** One label over the canvas: its text and the world point it names. */
interface AxisLabel {
  readonly axis: 'x' | 'y' | 'loss';
  readonly kind: 'tick' | 'title';
  readonly text: string;
  readonly world: readonly [number, number, number];
}

const BASE_COLOR = '#8a96a8';
const AXIS_COLOR = '#3a4656';
/** Radians per dragged CSS pixel. */
const DRAG_TURN = 0.008;

interface World {
  readonly renderer: WebGLRenderer;
  readonly scene: Scene;
  readonly camera: PerspectiveCamera;
}

/** The surface's mesh: heat colours by the map's bands, Lambert-lit so its relief reads. */
function surfaceObject(grid: Surface3DProps['grid']) {
  const scale = chooseHeightScale(grid.values);
  const mesh = surfaceMesh(grid, scale);
  const colors = new Float32Array(mesh.cells.length * 3);
  const c = new Color();
  const bandCount = grid.thresholds.length + 1;
  for (let k = 0; k < mesh.cells.length; k++) {
    const band = grid.bands[mesh.cells[k]!] ?? 255;
    const [r, g, b] =
      band === 255 ? [200, 190, 190] : heatRgb(bandCount > 1 ? band / (bandCount - 1) : 0);
    c.setRGB(r / 255, g / 255, b / 255, SRGBColorSpace);
    colors.set([c.r, c.g, c.b], 3 * k);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  geometry.setIndex(new BufferAttribute(mesh.indices, 1));
  geometry.computeVertexNormals();
  // Pushed back a little in depth, so the contour lines just above it are never hidden.
  const object = new Mesh(
    geometry,
    new MeshLambertMaterial({
      vertexColors: true,
      side: DoubleSide,
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 1,
    }),
  );
  // The map's own contour levels, traced on the same grid and laid on the surface.
  const levels = new BufferGeometry();
  const lines = isolines(grid.values, grid.width, grid.height, grid.thresholds).flat();
  levels.setAttribute('position', new BufferAttribute(liftIsolines(mesh, lines), 3));
  const contours = new LineSegments(
    levels,
    new LineBasicMaterial({ color: CONTOUR_STROKE, transparent: true, opacity: 0.55 }),
  );
  // The grid's rectangle at height 0: the floor the relief stands on.
  const base = new BufferGeometry();
  base.setAttribute(
    'position',
    new BufferAttribute(
      Float32Array.from([
        -mesh.sx,
        0,
        -mesh.sz,
        mesh.sx,
        0,
        -mesh.sz,
        mesh.sx,
        0,
        mesh.sz,
        -mesh.sx,
        0,
        mesh.sz,
      ]),
      3,
    ),
  );
  const outline = new LineLoop(base, new LineBasicMaterial({ color: BASE_COLOR }));
  return { mesh, scale, object, outline, contours };
}

/** Segment pairs of a lifted path's points first..last (inclusive), skipping broken ones. */
function segments(lifted: Float32Array, first: number, last: number): number[] {
  const out: number[] = [];
  for (let i = first; i < last; i++) {
    const a = lifted.subarray(3 * i, 3 * i + 3);
    const b = lifted.subarray(3 * i + 3, 3 * i + 6);
    if (Number.isNaN(a[1]!) || Number.isNaN(b[1]!)) continue;
    out.push(a[0]!, a[1]!, a[2]!, b[0]!, b[1]!, b[2]!);
  }
  return out;
}

/** A screen-width line (three's fat lines: WebGL's own lines are one pixel wide). */
function fatLine(color: string, width: number, opacity: number): LineSegments2 {
  const material = new LineMaterial({
    color: new Color(color).getHex(),
    linewidth: width,
    transparent: opacity < 1,
    opacity,
    depthTest: true,
  });
  return new LineSegments2(new LineSegmentsGeometry(), material);
}

/** The 3-D view (see the module comment). */
export function Surface3D(props: Surface3DProps) {
  const {
    grid,
    toGrid,
    paths,
    cursor,
    upToCursor,
    width,
    height,
    label,
    gestureFilter,
    onUnavailable,
    orbit,
    onOrbit,
    axes,
  } = props;
  const overlayRef = useRef<HTMLDivElement>(null);
  const labelsRef = useRef<readonly AxisLabel[]>([]);
  const describedBy = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const worldRef = useRef<World | null>(null);
  const orbitRef = useRef<Orbit>(orbit ?? HOME_ORBIT);
  const frameRef = useRef<number | undefined>(undefined);
  const markersRef = useRef<{ object: Mesh; lifted: Float32Array; index: number }[]>([]);
  const renderRef = useRef<() => void>(() => undefined);
  const unavailableRef = useRef(onUnavailable);
  const filterRef = useRef(gestureFilter);
  const orbitChangedRef = useRef(onOrbit);
  useEffect(() => {
    unavailableRef.current = onUnavailable;
    filterRef.current = gestureFilter;
    orbitChangedRef.current = onOrbit;
  }, [onUnavailable, gestureFilter, onOrbit]);

  // The renderer, once: WebGL may be missing (a blocked GPU, an old browser): say so and stop.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let renderer: WebGLRenderer;
    try {
      renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    } catch (error) {
      unavailableRef.current(error instanceof Error ? error.message : String(error));
      return;
    }
    renderer.setClearColor(0xffffff, 1);
    const scene = new Scene();
    scene.add(new HemisphereLight(0xffffff, 0x667788, 1.7));
    const sun = new DirectionalLight(0xffffff, 1.8);
    sun.position.set(-1, 3, 2);
    scene.add(sun);
    const camera = new PerspectiveCamera(fieldOfView(1), 1, 0.05, 50);
    worldRef.current = { renderer, scene, camera };
    const draw = (): void => {
      frameRef.current = undefined;
      const world = worldRef.current;
      if (!world) return;
      const pos = orbitPosition(orbitRef.current, ORBIT_TARGET);
      world.camera.position.set(pos[0], pos[1], pos[2]);
      world.camera.lookAt(...ORBIT_TARGET);
      world.renderer.render(world.scene, world.camera);
      // What the picture shows, for a reader's tools and the tests: the orbit and where each
      // path's cursor marker lands on the canvas (CSS px).
      const o = orbitRef.current;
      canvas.dataset.orbit = [o.azimuth, o.elevation, o.distance].map((v) => v.toFixed(3)).join();
      const size = world.renderer.getSize(new Vector2());
      canvas.dataset.cursors = markersRef.current
        .map(({ object }) => {
          if (!object.visible) return 'none';
          const v = object.position.clone().project(world.camera);
          return `${(((v.x + 1) / 2) * size.x).toFixed(1)} ${(((1 - v.y) / 2) * size.y).toFixed(1)}`;
        })
        .join(';');
      // The axes' labels, over the canvas where their points land (hidden behind the camera).
      const spans = overlayRef.current?.children;
      labelsRef.current.forEach((label, k) => {
        const span = spans?.[k] as HTMLElement | undefined;
        if (!span) return;
        const v = new Vector3(...label.world).project(world.camera);
        const visible = v.z < 1 && Math.abs(v.x) <= 1.2 && Math.abs(v.y) <= 1.2;
        span.style.visibility = visible ? 'visible' : 'hidden';
        // Kept inside the picture (a front-edge number seen from above falls just below it).
        const px = Math.max(12, Math.min(size.x - 12, ((v.x + 1) / 2) * size.x));
        const py = Math.max(8, Math.min(size.y - 8, ((1 - v.y) / 2) * size.y));
        span.style.left = `${px.toFixed(1)}px`;
        span.style.top = `${py.toFixed(1)}px`;
      });
      canvas.dataset.frames = String(Number(canvas.dataset.frames ?? 0) + 1);
    };
    renderRef.current = () => {
      if (frameRef.current === undefined) frameRef.current = requestAnimationFrame(draw);
    };
    return () => {
      if (frameRef.current !== undefined) cancelAnimationFrame(frameRef.current);
      frameRef.current = undefined;
      renderRef.current = () => undefined;
      scene.traverse((object) => {
        const o = object as Partial<Mesh>;
        o.geometry?.dispose();
        const material = o.material;
        if (Array.isArray(material)) material.forEach((m) => m.dispose());
        else material?.dispose();
      });
      renderer.dispose();
      worldRef.current = null;
    };
  }, []);

  // Size: the canvas at the device's pixel ratio, the camera's aspect, the lines' resolution.
  useLayoutEffect(() => {
    const world = worldRef.current;
    if (!world) return;
    world.renderer.setPixelRatio(window.devicePixelRatio || 1);
    world.renderer.setSize(width, height, true);
    world.camera.aspect = width / Math.max(1, height);
    world.camera.fov = fieldOfView(world.camera.aspect);
    world.camera.updateProjectionMatrix();
    world.scene.traverse((object) => {
      if (object instanceof LineSegments2) object.material.resolution.set(width, height);
    });
    renderRef.current();
  }, [width, height]);

  // The surface, rebuilt only when the grid changes.
  const surface = useMemo(() => surfaceObject(grid), [grid]);
  useLayoutEffect(() => {
    const world = worldRef.current;
    if (!world) return;
    world.scene.add(surface.object, surface.outline, surface.contours);
    renderRef.current();
    return () => {
      world.scene.remove(surface.object, surface.outline, surface.contours);
      surface.contours.geometry.dispose();
      surface.contours.material.dispose();
      surface.object.geometry.dispose();
      surface.object.material.dispose();
      surface.outline.geometry.dispose();
      surface.outline.material.dispose();
    };
  }, [surface]);

  // The axes: tick marks in the scene, their numbers and names as text over the canvas.
  const axisModel = useMemo(() => {
    if (!axes) return null;
    const ticks = axisTicks(surface.mesh, surface.scale, axes.x, axes.y, toGrid);
    const titles = axisTitles(surface.mesh);
    const labels: AxisLabel[] = [
      ...ticks.map((tick) => ({
        axis: tick.axis,
        kind: 'tick' as const,
        text: formatNumber(tick.value, 3),
        world: tick.label,
      })),
      { axis: 'x', kind: 'title', text: axes.names.x, world: titles.x },
      { axis: 'y', kind: 'title', text: axes.names.y, world: titles.y },
      { axis: 'loss', kind: 'title', text: t('view3d.axisLoss'), world: titles.loss },
    ];
    const { sx, sz } = surface.mesh;
    const marks: number[] = [sx, 0, -sz, sx, HEIGHT, -sz];
    for (const tick of ticks) {
      const [x, y, z] = tick.at;
      if (tick.axis === 'x') marks.push(x, y, z, x, y, z + TICK);
      else if (tick.axis === 'y') marks.push(x, y, z, x - TICK, y, z);
      else marks.push(x, y, z, x + TICK, y, z);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(Float32Array.from(marks), 3));
    const lines = new LineSegments(geometry, new LineBasicMaterial({ color: AXIS_COLOR }));
    return { ticks, labels, lines };
  }, [axes, surface, toGrid]);
  useLayoutEffect(() => {
    labelsRef.current = axisModel?.labels ?? [];
    const world = worldRef.current;
    if (!world || !axisModel) {
      renderRef.current();
      return;
    }
    world.scene.add(axisModel.lines);
    renderRef.current();
    return () => {
      world.scene.remove(axisModel.lines);
      axisModel.lines.geometry.dispose();
      axisModel.lines.material.dispose();
    };
  }, [axisModel]);

  // The paths lifted onto the mesh: a faint whole path, a solid part and a cursor marker each.
  const lifted = useMemo(
    () => paths.map((p) => liftPath(surface.mesh, p.points, p.count, toGrid)),
    [paths, surface, toGrid],
  );
  const linesRef = useRef<{ solid: LineSegments2; faint: LineSegments2 | null }[]>([]);
  useLayoutEffect(() => {
    const world = worldRef.current;
    if (!world) return;
    const added = paths.map((p, k) => {
      const faint = upToCursor ? fatLine(p.color, 2, 0.35) : null;
      if (faint) {
        faint.geometry.setPositions(segments(lifted[k]!, 0, p.count - 1));
        faint.material.resolution.set(width, height);
        world.scene.add(faint);
      }
      const solid = fatLine(p.color, 3, 1);
      solid.material.resolution.set(width, height);
      world.scene.add(solid);
      const marker = new Mesh(
        new SphereGeometry(0.028, 16, 12),
        new MeshBasicMaterial({ color: new Color(p.color) }),
      );
      world.scene.add(marker);
      return { solid, faint, marker: { object: marker, lifted: lifted[k]!, index: -1 } };
    });
    linesRef.current = added.map(({ solid, faint }) => ({ solid, faint }));
    markersRef.current = added.map((a) => a.marker);
    return () => {
      for (const a of added) {
        for (const o of [a.solid, a.faint, a.marker.object]) {
          if (!o) continue;
          world.scene.remove(o);
          o.geometry.dispose();
          o.material.dispose();
        }
      }
      linesRef.current = [];
      markersRef.current = [];
    };
    // width/height only set the lines' first resolution; the size effect keeps it after.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paths, lifted, upToCursor]);

  // The cursor: each marker to its path's point, the solid part up to it.
  useLayoutEffect(() => {
    markersRef.current.forEach((m, k) => {
      const path = paths[k];
      if (!path) return;
      const index = Math.max(0, Math.min(path.count - 1, cursor[k] ?? path.count - 1));
      const p = m.lifted.subarray(3 * index, 3 * index + 3);
      m.object.visible = !Number.isNaN(p[1]!);
      if (m.object.visible) m.object.position.set(p[0]!, p[1]!, p[2]!);
      m.index = index;
      const line = linesRef.current[k];
      if (line) {
        const last = upToCursor ? index : path.count - 1;
        line.solid.geometry.dispose();
        line.solid.geometry = new LineSegmentsGeometry().setPositions(segments(m.lifted, 0, last));
      }
    });
    renderRef.current();
  }, [cursor, paths, lifted, upToCursor]);

  // Pointer, wheel and keyboard: the orbit camera.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let pinch = 0;
    const set = (next: Orbit): void => {
      orbitRef.current = next;
      renderRef.current();
      orbitChangedRef.current?.(next);
    };
    const spread = (): number => {
      const [a, b] = [...pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };
    const accepts = (event: Event): boolean => filterRef.current?.(event) ?? true;
    // Whether the pointers down now may turn the view: a mouse or pen always; touches once the
    // gesture filter (an embed's, a touch screen's) accepts their count (one finger may belong
    // to the page's scroll, two are ours).
    let engaged = false;
    const onDown = (e: PointerEvent): void => {
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      pinch = spread();
      engaged =
        e.pointerType !== 'touch' ||
        accepts({ type: 'touchstart', touches: { length: pointers.size } } as unknown as Event);
      if (!engaged) return;
      try {
        canvas.setPointerCapture(e.pointerId);
      } catch {
        // A pointer the browser no longer knows (already lifted): nothing to capture.
      }
      canvas.focus({ preventScroll: true });
    };
    const onMove = (e: PointerEvent): void => {
      const prev = pointers.get(e.pointerId);
      if (!prev) return;
      const dx = e.clientX - prev.x;
      const dy = e.clientY - prev.y;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (!engaged) return;
      if (pointers.size >= 2) {
        // Two fingers: their spread zooms, their midpoint's move turns (each finger's move
        // shifts the midpoint by its share), so a touch screen that leaves one finger to the
        // page's scroll can still do both.
        const now = spread();
        const zoom = pinch > 0 && now > 0 ? pinch / now : 1;
        pinch = now;
        const share = DRAG_TURN / pointers.size;
        set(moveOrbit(orbitRef.current, -dx * share, dy * share, zoom));
        return;
      }
      set(moveOrbit(orbitRef.current, -dx * DRAG_TURN, dy * DRAG_TURN));
    };
    const onUp = (e: PointerEvent): void => {
      pointers.delete(e.pointerId);
      pinch = spread();
      if (pointers.size === 0) engaged = false;
    };
    // Touches the view has taken are not the page's to scroll (pointer events cannot say so).
    const onTouchMove = (e: TouchEvent): void => {
      if (engaged && e.cancelable) e.preventDefault();
    };
    const onWheel = (e: WheelEvent): void => {
      if (!accepts(e)) return;
      e.preventDefault();
      set(moveOrbit(orbitRef.current, 0, 0, Math.exp(e.deltaY * 0.0015)));
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const next = orbitKey(orbitRef.current, e.key);
      if (!next) return;
      e.preventDefault();
      e.stopPropagation();
      set(next);
    };
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
    canvas.addEventListener('wheel', onWheel, { passive: false });
    canvas.addEventListener('touchmove', onTouchMove, { passive: false });
    canvas.addEventListener('keydown', onKey);
    return () => {
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('touchmove', onTouchMove);
      canvas.removeEventListener('keydown', onKey);
    };
  }, []);

  const range = (ticks: readonly { axis: string; value: number }[], axis: string): string => {
    const values = ticks.filter((k) => k.axis === axis).map((k) => k.value);
    return values.length > 0
      ? `${formatNumber(Math.min(...values), 3)} … ${formatNumber(Math.max(...values), 3)}`
      : '';
  };
  return (
    <div className="surface3d-frame" style={{ width, height }}>
      <canvas
        ref={canvasRef}
        className="surface3d-canvas"
        data-testid="surface3d"
        data-scale={surface.scale.kind}
        tabIndex={0}
        data-own-arrows
        role="application"
        aria-label={label}
        aria-describedby={axisModel ? describedBy : undefined}
        style={{
          width,
          height,
          touchAction: gestureFilter ? 'pan-x pan-y' : 'none',
        }}
      />
      {axisModel && axes && (
        <>
          {/* Read from the description below; shown for the eye only. */}
          <div
            ref={overlayRef}
            className="surface3d-axes"
            data-testid="surface3d-axes"
            aria-hidden="true"
          >
            {axisModel.labels.map((l, k) => (
              <span key={k} data-axis={l.axis} data-kind={l.kind} style={{ visibility: 'hidden' }}>
                {l.text}
              </span>
            ))}
          </div>
          <p id={describedBy} className="surface3d-axes-description" hidden>
            {t('view3d.axes', {
              x: axes.names.x,
              xTicks: range(axisModel.ticks, 'x'),
              y: axes.names.y,
              yTicks: range(axisModel.ticks, 'y'),
              lossTicks: range(axisModel.ticks, 'loss'),
            })}
          </p>
        </>
      )}
    </div>
  );
}
