/**
 * Ensemble mode's drawing (issue 14): for each visible optimizer, its `count` seeded runs as faint
 * lines and their mean path as a bold one, plus a legend of how many runs end in the lowest
 * minimum's basin. Computed on the main thread from the store's scene (ensembleData.ts).
 */
import { useMemo } from 'react';
import type { Scene, Surface } from '../../engine/types';
import { t } from '../../i18n';
import { useEnsemble } from '../../state/ensemble';
import { useDescent } from '../../state/store';
import { optimizerNames } from '../names';
import { optimizerStyle } from '../palette';
import { computeEnsembles, ENSEMBLE_STEP_BUDGET } from './ensembleData';
import type { OptimizerEnsemble } from './ensembleData';
import type { Projection } from './projection';
import { svgPathData } from './svgPath';

/** The last computation, shared by the layer and the legend (same scene, same arrays). */
let cache: {
  scene: Scene;
  surface: Surface;
  count: number;
  data: OptimizerEnsemble[] | null;
} | null = null;

/** The ensembles of (scene, surface, count), computed once for the layer and the legend. */
function ensemblesFor(scene: Scene, surface: Surface, count: number): OptimizerEnsemble[] | null {
  if (cache && cache.scene === scene && cache.surface === surface && cache.count === count) {
    return cache.data;
  }
  const data = computeEnsembles(scene, surface, count);
  cache = { scene, surface, count, data };
  return data;
}

function useEnsembles(): { data: OptimizerEnsemble[] | null; count: number; scene: Scene } {
  const scene = useDescent((s) => s.scene);
  const surface = useDescent((s) => s.surface);
  const count = useEnsemble((s) => s.count);
  const data = useMemo(() => ensemblesFor(scene, surface, count), [scene, surface, count]);
  return { data, count, scene };
}

/**
 * An SVG path through the first `length` points of flat [x0, y0, x1, y1, …], clipped to the map
 * and thinned as the canvas draws paths (tracePath): a run that blows up reached pixel coordinates
 * near 1e38, which the browser refuses in a `d` attribute, and then drew none of the path.
 */
function lineD(
  points: Float64Array,
  length: number,
  projection: Projection,
  minGapPx?: number,
): string {
  return length < 2 ? '' : svgPathData({ points }, 0, length - 1, projection, minGapPx);
}

/** The faint runs keep a vertex per 1.5 px: twenty noisy 10,000-step runs stay a light SVG. */
const RUN_GAP_PX = 1.5;

export function EnsembleMapLayer(props: { projection: Projection }) {
  const { data, scene } = useEnsembles();
  const { projection } = props;
  if (!data) return null;
  return (
    <svg
      className="ensemble-layer"
      data-testid="ensemble-layer"
      width={projection.width}
      height={projection.height}
      aria-hidden="true"
    >
      {data.map((e) => {
        const { color } = optimizerStyle(scene.optimizers[e.index]!, e.index);
        return (
          <g key={e.index} data-testid={`ensemble-${e.index}`}>
            {e.runs.map((run, r) =>
              run.length > 1 ? (
                <path
                  key={r}
                  className="ensemble-run"
                  d={lineD(run.points, run.length, projection, RUN_GAP_PX)}
                  stroke={color}
                />
              ) : null,
            )}
            {e.mean.length > 1 && (
              <path
                className="ensemble-mean"
                data-testid={`ensemble-mean-${e.index}`}
                d={lineD(e.mean.points, e.mean.length, projection)}
                stroke={color}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function EnsembleMapLegend() {
  const { data, count, scene } = useEnsembles();
  const names = optimizerNames(scene.optimizers);
  if (!data) {
    return (
      <p className="ensemble-key" data-testid="ensemble-key">
        {t('noise.ensembleTooLarge', { max: ENSEMBLE_STEP_BUDGET })}
      </p>
    );
  }
  return (
    <div className="ensemble-key" data-testid="ensemble-key">
      <span>{t('noise.ensembleKey', { count })}</span>
      <ul>
        {data.map((e) => (
          <li key={e.index} data-testid={`ensemble-key-${e.index}`}>
            {e.hits === undefined
              ? t('noise.ensembleNoMinimum', { name: names[e.index] ?? '' })
              : t('noise.ensembleReach', { name: names[e.index] ?? '', hits: e.hits, count })}
            {/* Runs that blew up reach no basin: said, so "0 of 20" is not a mystery. */}
            {e.diverged > 0 && `; ${t('noise.ensembleDiverged', { diverged: e.diverged })}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
