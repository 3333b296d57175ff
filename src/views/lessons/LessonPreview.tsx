import { memo, useMemo } from 'react';
import { simulate } from '../../engine/simulate';
import { resolveSurface } from '../../engine/surfaces';
import { sampleGrid } from '../../engine/surfaces/grid';
import type { Scene } from '../../engine/types';
import { contourPaths, contourThresholds } from '../../engine/contours/contours';
import { optimizerStyle } from '../palette';
import { mapExit } from '../map/drawTrajectories';

const W = 60;
const H = 40;

/**
 * A path in grid units as SVG path data, up to where it leaves the picture for good (the map's
 * rule, mapExit): a diverging run's far-off swings, drawn, filled the card with a block of lines.
 * Returns the path and the point where it leaves, if it does.
 */
function pathData(
  points: Float64Array,
  length: number,
  x: (v: number) => number,
  y: (v: number) => number,
): { d: string; exit: readonly [number, number] | null } {
  const exit = mapExit({ points, length }, { x, y, width: W, height: H });
  const last = exit ? exit.step - 1 : length - 1;
  const parts: string[] = [];
  for (let k = 0; k <= last; k++) {
    const px = x(points[2 * k]!);
    const py = y(points[2 * k + 1]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) break;
    parts.push(`${k === 0 ? 'M' : 'L'}${px.toFixed(2)},${py.toFixed(2)}`);
  }
  if (exit) parts.push(`L${exit.x.toFixed(2)},${exit.y.toFixed(2)}`);
  return { d: parts.join(''), exit: exit ? [exit.x, exit.y] : null };
}

/**
 * A small static picture of a lesson: its surface's contour lines on a coarse grid and every
 * optimizer's whole path, computed on the main thread (a few hundred steps cost microseconds).
 */
export const LessonPreview = memo(function LessonPreview(props: { scene: Scene; label: string }) {
  const { scene, label } = props;
  const picture = useMemo(() => {
    const resolved = resolveSurface(scene.surface);
    if (!resolved.ok) return null;
    const surface = resolved.surface;
    const { domain } = surface;
    const grid = sampleGrid(surface, domain, W, H);
    const contours = contourPaths(grid, W, H, contourThresholds(grid, 12, 'log'));
    const x = (v: number) => ((v - domain.x[0]) / (domain.x[1] - domain.x[0])) * W;
    const y = (v: number) => ((domain.y[1] - v) / (domain.y[1] - domain.y[0])) * H;
    const paths = simulate(scene, surface).map((t, i) => ({
      ...pathData(t.points, t.length, x, y),
      color: optimizerStyle(scene.optimizers[i]!, i).color,
    }));
    return { contours, paths, start: [x(scene.start[0]), y(scene.start[1])] as const };
  }, [scene]);
  if (!picture) return null;
  return (
    <svg
      className="lesson-preview"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <rect width={W} height={H} className="lesson-preview-bg" />
      {picture.contours.map((c, i) => (
        <path
          key={i}
          d={c.d}
          className="lesson-preview-contour"
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {picture.paths.map((p, i) => (
        <g key={i} data-exit={p.exit ? 'left' : undefined}>
          <path
            d={p.d}
            fill="none"
            stroke={p.color}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
            strokeLinejoin="round"
          />
          {/* Where a path leaves the picture: a dot on the edge, as the map marks it. */}
          {p.exit && <circle cx={p.exit[0]} cy={p.exit[1]} r={1.2} fill={p.color} />}
        </g>
      ))}
      <circle
        cx={picture.start[0]}
        cy={picture.start[1]}
        r={0.9}
        className="lesson-preview-start"
      />
    </svg>
  );
});
