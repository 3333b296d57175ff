/**
 * What the analysis views draw on the contour map: the basin map as a semi-transparent canvas, the
 * Hessian's eigen-ellipses (stability view) and the labelled arrows of one step (step-by-step
 * view). Pointer events pass through to the map underneath.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LocalStability } from '../../engine/analysis';
import { t } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import type { BasinState } from '../../state/analysis';
import { useDescent } from '../../state/store';
import type { Projection } from '../map/projection';
import type { Scene, Surface, Trajectory } from '../../engine/types';
import { usePresent } from '../../state/present';
import { basinRgb } from './basinColors';
import { labelWidth, markerBox, placeLabels, SUB_SCALE } from './placeLabels';
import type { Box } from './placeLabels';
import { fmt } from './format';
import { magnification } from '../map/magnify';
import { stabilityPoints } from './stabilityPoints';
import { ARROW_COLORS, useStepArrows } from './StepPanel';

export default function AnalysisMapLayers(props: { projection: Projection }) {
  const { open, tab, basinOverlay, basins } = useAnalysis(
    useShallow((s) => ({
      open: s.open,
      tab: s.tab,
      basinOverlay: s.basinOverlay,
      basins: s.basins,
    })),
  );
  if (!open) return null;
  const p = props.projection;
  return (
    <>
      {basinOverlay && basins && <BasinCanvas basins={basins} projection={p} />}
      {(tab === 'stability' || tab === 'step') && (
        <svg
          className="analysis-map-svg"
          width={p.width}
          height={p.height}
          aria-hidden="true"
          style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
        >
          <defs>
            <marker
              id="analysis-arrowhead"
              viewBox="0 0 10 10"
              refX={9}
              refY={5}
              markerWidth={7}
              markerHeight={7}
              orient="auto-start-reverse"
            >
              <path d="M0,0L10,5L0,10Z" fill="context-stroke" />
            </marker>
          </defs>
          {tab === 'stability' ? <Ellipses projection={p} /> : <StepArrowsLayer projection={p} />}
        </svg>
      )}
    </>
  );
}

function BasinCanvas(props: { basins: BasinState; projection: Projection }) {
  const { basins, projection: p } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const n = basins.size;
    const image = ctx.createImageData(n, n);
    const rows = basins.rowsDone;
    for (let i = 0; i < rows * n; i++) {
      const [r, g, b] = basinRgb(basins.labels[i]!);
      image.data[4 * i] = r;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = b;
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [basins]);
  const d = basins.domain;
  const left = p.x(d.x[0]);
  const top = p.y(d.y[1]);
  return (
    <canvas
      ref={ref}
      className="basin-canvas"
      data-testid="basin-canvas"
      width={basins.size}
      height={basins.size}
      aria-hidden="true"
      style={{
        position: 'absolute',
        left,
        top,
        width: p.x(d.x[1]) - left,
        height: p.y(d.y[0]) - top,
        opacity: 0.45,
        imageRendering: 'pixelated',
        pointerEvents: 'none',
      }}
    />
  );
}

function Ellipses(props: { projection: Projection }) {
  const p = props.projection;
  const s = useDescent(
    useShallow((st) => ({
      surface: st.surface,
      scene: st.scene,
      trajectories: st.trajectories,
      settled: st.trajectoriesScene === st.scene,
      selected: st.selected,
      cursor: st.cursor,
    })),
  );
  const lineScale = usePresent((st) => st.lineScale);
  const groupRef = useRef<SVGGElement>(null);
  const points = stabilityPoints(
    s.surface,
    s.scene,
    s.trajectories,
    s.settled,
    s.selected,
    s.cursor,
  );
  const startPx = p.toScreen(points.start.point);
  const buttons = useCornerButtons(groupRef, p, startPx);
  const cursorPx = points.cursor ? p.toScreen(points.cursor.at.point) : null;
  // At step 0 (or wherever the path is back at its start) the two ellipses are one: drawn once.
  const same =
    cursorPx !== null && Math.hypot(cursorPx[0] - startPx[0], cursorPx[1] - startPx[1]) < 1;
  const shapes = [
    { at: points.start, color: '#1b2430' },
    ...(points.cursor && !same ? [{ at: points.cursor.at, color: '#0b5cad' }] : []),
  ].flatMap(({ at, color }) => {
    const shape = ellipseShape(at, p);
    return shape ? [{ ...shape, color }] : [];
  });
  // Labels keep off the start handle, the optimizers' current markers and the minima
  // (markerObstacles), off the buttons over the map's corners, off each other (placed
  // together) and inside the plot.
  const labels = placeLabels(
    shapes.flatMap((shape) =>
      shape.axes.map((axis) => {
        const [x, y] = beyondEnd(axis.x1, axis.y1, axis.x0, axis.y0, axis.text, axis.sub);
        const [ax, ay] = beyondEnd(axis.x0, axis.y0, axis.x1, axis.y1, axis.text, axis.sub);
        return {
          x,
          y,
          alternatives: [{ x: ax, y: ay }],
          text: axis.text,
          sub: axis.sub,
          color: shape.color,
        };
      }),
    ),
    {
      size: LABEL_FONT,
      obstacles: [...markerObstacles(s, startPx, p, lineScale), ...buttons],
      bounds: { width: p.width, height: p.height },
    },
  );
  return (
    <g ref={groupRef} data-testid="stability-ellipses">
      {shapes.map((shape, i) => (
        <g key={i} className="stability-ellipse">
          <path
            d={shape.d}
            fill={shape.color}
            fillOpacity={0.06}
            stroke={shape.color}
            strokeWidth={1.5}
            strokeDasharray={shape.dashed ? '5 4' : undefined}
          />
          {shape.axes.map((axis) => (
            <line
              key={axis.sub}
              x1={axis.x0}
              y1={axis.y0}
              x2={axis.x1}
              y2={axis.y1}
              stroke={shape.color}
              strokeWidth={1}
            />
          ))}
        </g>
      ))}
      {labels.map((label, i) => (
        <text
          key={i}
          x={label.x}
          y={label.y}
          fontSize={LABEL_FONT}
          fill={label.color}
          className="halo stability-label"
        >
          {label.text.slice(0, 1)}
          <tspan baselineShift="sub" fontSize={`${SUB_SCALE * 100}%`}>
            {label.sub}
          </tspan>
          {label.text.slice(1)}
        </text>
      ))}
    </g>
  );
}

/**
 * Baseline-left position (px) of a label just beyond the end (x, y) of a segment coming from
 * (fromX, fromY): to the right of an end pointing right, left of one pointing left, above or
 * below one pointing up or down; so the label never lies across the ellipse's centre.
 */
function beyondEnd(
  x: number,
  y: number,
  fromX: number,
  fromY: number,
  text: string,
  sub: string,
): [number, number] {
  const len = Math.hypot(x - fromX, y - fromY) || 1;
  const dx = (x - fromX) / len;
  const dy = (y - fromY) / len;
  const w = labelWidth(text, LABEL_FONT, sub);
  const gap = 4;
  const left = dx > 0.3 ? x + gap : dx < -0.3 ? x - gap - w : x - w / 2;
  const base =
    dy > 0.3
      ? y + gap + LABEL_FONT
      : dy < -0.3
        ? y - gap - 0.3 * LABEL_FONT
        : y + 0.35 * LABEL_FONT;
  return [left, base];
}

/**
 * Boxes the eigenvalue labels must not cover: the start handle (radius 7 + stroke), each shown
 * optimizer's current marker (5.5 px × the presenter's line scale, as drawTrajectories draws it)
 * and the known minima.
 */
function markerObstacles(
  s: {
    scene: Scene;
    trajectories: readonly Trajectory[];
    settled: boolean;
    cursor: number;
    surface: Surface;
  },
  start: readonly [number, number],
  p: Projection,
  lineScale: number,
): Box[] {
  const boxes: Box[] = [markerBox(start[0], start[1], 10)];
  if (s.settled) {
    s.scene.optimizers.forEach((config, i) => {
      const tr = s.trajectories[i];
      if (!tr || config.hidden || tr.length === 0) return;
      const k = Math.min(Math.max(0, s.cursor), tr.length - 1);
      const [x, y] = p.toScreen([tr.points[2 * k]!, tr.points[2 * k + 1]!]);
      if (Number.isFinite(x) && Number.isFinite(y))
        boxes.push(markerBox(x, y, 5.5 * lineScale + 3));
    });
  }
  for (const m of s.surface.minima) {
    const [x, y] = p.toScreen([m[0], m[1]]);
    if (Number.isFinite(x) && Number.isFinite(y)) boxes.push(markerBox(x, y, 8));
  }
  return boxes;
}

/**
 * The boxes (plot px) of the buttons over the map's corners (the 3-D toggle, the zoom buttons),
 * read from the page after each render: they move off the start point and grow in presenter
 * mode, so only the page knows where they are. `group` is an element of the map's overlay SVG,
 * whose origin is the plot's top-left corner.
 */
function useCornerButtons(
  group: RefObject<SVGGElement | null>,
  plot: { readonly width: number; readonly height: number },
  start: readonly [number, number],
): Box[] {
  const [boxes, setBoxes] = useState<readonly Box[]>([]);
  // Re-read when the plot or the start moves (the buttons follow both, clearOfStart.ts) and when
  // a button's size changes (the type size): a ResizeObserver reports each once when observed.
  const [sx, sy] = start;
  useLayoutEffect(() => {
    const svg = group.current?.ownerSVGElement;
    const panel = svg?.closest('.map-panel');
    if (!svg || !panel) return;
    const buttons = Array.from(panel.querySelectorAll('.surface3d-toggle, .map-zoom'));
    const measure = (): void => {
      const origin = svg.getBoundingClientRect();
      const next = buttons
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({
          left: r.left - origin.left,
          right: r.right - origin.left,
          top: r.top - origin.top,
          bottom: r.bottom - origin.top,
        }));
      setBoxes((prev) => (sameBoxes(prev, next) ? prev : next));
    };
    const observer = new ResizeObserver(measure);
    for (const el of buttons) observer.observe(el);
    return () => observer.disconnect();
  }, [group, plot.width, plot.height, sx, sy]);
  return boxes as Box[];
}

function sameBoxes(a: readonly Box[], b: readonly Box[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (box, i) =>
        box.left === b[i]!.left &&
        box.right === b[i]!.right &&
        box.top === b[i]!.top &&
        box.bottom === b[i]!.bottom,
    )
  );
}

/** Font size of the eigenvalue labels, px. */
const LABEL_FONT = 11;

/**
 * The level set ½λ₁u² + ½λ₂v² = c of the local quadratic model, sized so its longer axis spans
 * a tenth of the visible width, and the eigenvectors as axes (screen coordinates) with the label
 * of their eigenvalue. Null when the curvature is not finite or is zero.
 */
function ellipseShape(
  at: LocalStability,
  p: Projection,
): {
  d: string;
  dashed: boolean;
  axes: { x0: number; y0: number; x1: number; y1: number; text: string; sub: string }[];
} | null {
  const a1 = Math.abs(at.lambdaMin);
  const a2 = Math.abs(at.lambdaMax);
  if (!Number.isFinite(a1) || !Number.isFinite(a2) || (a1 === 0 && a2 === 0)) return null;
  // The flattest direction gets a semi-axis of 8 % of the visible width, the others ∝ 1/√|λ|
  // (never below a sixth of it, so a stiff direction stays visible).
  const big = 0.08 * (p.domain.x[1] - p.domain.x[0]);
  const small = Math.min(...[a1, a2].filter((v) => v > 0));
  const radius = (a: number): number => big * Math.max(1 / 6, a > 0 ? Math.sqrt(small / a) : 1);
  const r1 = radius(a1);
  const r2 = radius(a2);
  const [cx, cy] = at.point;
  const [ux, uy] = at.vMin;
  const [vx, vy] = at.vMax;
  let d = '';
  for (let i = 0; i <= 64; i++) {
    const th = (2 * Math.PI * i) / 64;
    const x = cx + r1 * Math.cos(th) * ux + r2 * Math.sin(th) * vx;
    const y = cy + r1 * Math.cos(th) * uy + r2 * Math.sin(th) * vy;
    const [sx, sy] = p.toScreen([x, y]);
    d += `${i === 0 ? 'M' : 'L'}${sx.toFixed(1)},${sy.toFixed(1)}`;
  }
  const axis = (r: number, vxx: number, vyy: number, sub: string, value: number) => {
    const [x0, y0] = p.toScreen([cx - r * vxx, cy - r * vyy]);
    const [x1, y1] = p.toScreen([cx + r * vxx, cy + r * vyy]);
    // λ with its subscript drawn after the first character (see the <tspan> above).
    return { x0, y0, x1, y1, text: `λ ${fmt(value)}`, sub };
  };
  return {
    d: `${d}Z`,
    dashed: at.curvature !== 'bowl',
    axes: [axis(r1, ux, uy, 'min', at.lambdaMin), axis(r2, vx, vy, 'max', at.lambdaMax)],
  };
}

function StepArrowsLayer(props: { projection: Projection }) {
  const p = props.projection;
  const step = useStepArrows();
  if (!step) return null;
  const origin = p.toScreen(step.point);
  const pixels = step.arrows.map((a) => {
    const [x, y] = p.toScreen([step.point[0] + a.vector[0], step.point[1] + a.vector[1]]);
    return Math.hypot(x - origin[0], y - origin[1]);
  });
  const longest = Math.max(...pixels.filter(Number.isFinite), 0);
  // Tiny steps are magnified by a round factor (shown on the map) so the arrows can be read.
  const factor = magnification(longest);
  return (
    <g data-testid="step-arrows-map">
      {step.arrows.map((a, i) => {
        const [x, y] = p.toScreen([
          step.point[0] + factor * a.vector[0],
          step.point[1] + factor * a.vector[1],
        ]);
        if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
        const color = ARROW_COLORS[a.term];
        return (
          <g key={a.term}>
            <line
              x1={origin[0]}
              y1={origin[1]}
              x2={x}
              y2={y}
              stroke={color}
              strokeWidth={a.term === 'step' ? 2.5 : 1.8}
              markerEnd="url(#analysis-arrowhead)"
            />
            <text x={x + 4} y={y + 4 + i * 13} fontSize={11} fill={color} className="halo">
              {t(`analysis.step.${a.term}`)}
            </text>
          </g>
        );
      })}
      {factor !== 1 && (
        <text x={origin[0] + 6} y={origin[1] - 8} fontSize={11} fill="#1b2430" className="halo">
          {t('analysis.step.magnified', { factor })}
        </text>
      )}
    </g>
  );
}
