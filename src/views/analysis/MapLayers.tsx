/**
 * What the analysis views draw on the contour map: the basin map as a semi-transparent canvas, the
 * Hessian's eigen-ellipses (stability view) and the labelled arrows of one step (step-by-step
 * view). Pointer events pass through to the map underneath.
 */
import { placeLabels } from './placeLabels';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LocalStability } from '../../engine/analysis';
import { t } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import type { BasinState } from '../../state/analysis';
import { useDescent } from '../../state/store';
import type { Projection } from '../map/projection';
import { basinRgb } from './basinColors';
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
  const points = stabilityPoints(
    s.surface,
    s.scene,
    s.trajectories,
    s.settled,
    s.selected,
    s.cursor,
  );
  const shapes = [
    { at: points.start, color: '#1b2430' },
    ...(points.cursor ? [{ at: points.cursor.at, color: '#0b5cad' }] : []),
  ].flatMap(({ at, color }) => {
    const shape = ellipseShape(at, props.projection);
    return shape ? [{ ...shape, color }] : [];
  });
  // Labels of both ellipses are placed together, so none covers another (placeLabels).
  const labels = placeLabels(
    shapes.flatMap((shape) =>
      shape.axes.map((axis) => ({
        x: axis.x1 + 4,
        y: axis.y1 + 4,
        text: axis.label,
        color: shape.color,
      })),
    ),
  );
  return (
    <g data-testid="stability-ellipses">
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
              key={axis.label}
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
          {label.text}
        </text>
      ))}
    </g>
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
  axes: { x0: number; y0: number; x1: number; y1: number; label: string }[];
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
  const axis = (r: number, vxx: number, vyy: number, label: string) => {
    const [x0, y0] = p.toScreen([cx - r * vxx, cy - r * vyy]);
    const [x1, y1] = p.toScreen([cx + r * vxx, cy + r * vyy]);
    return { x0, y0, x1, y1, label };
  };
  return {
    d: `${d}Z`,
    dashed: at.curvature !== 'bowl',
    axes: [
      axis(r1, ux, uy, `λ_min ${fmt(at.lambdaMin)}`),
      axis(r2, vx, vy, `λ_max ${fmt(at.lambdaMax)}`),
    ],
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
