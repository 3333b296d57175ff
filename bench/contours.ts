/**
 * The contour layer a surface change waits for: `surfaceLayer` (grid, levels, bands, paths,
 * quiver) for every named surface at the app's grid (256 cells along the longer side, 18 levels),
 * as the worker computes it. One row per surface with the app's default log spacing; the detail
 * gives the quantile-spacing figure, the stages and the path text's size. Beside each layer the
 * pipeline before issue 11's speed-up (engine/contours/baseline.ts, which draws the very same
 * lines) is timed in the same process, samples interleaved, so the before/after ratio holds on a
 * busy machine where the milliseconds do not; the last row sums all surfaces. Informational: the
 * budget (surface change -> contours painted, p95 <= 100 ms) is the browser suite's end-to-end
 * row, of which this is the worker's share.
 */
import { bandIndices, contourPaths, contourThresholds, surfaceLayer } from '../src/engine/contours';
import { baselineSurfaceLayer } from '../src/engine/contours/baseline';
import type { LevelSpacing, SurfaceLayerRequest } from '../src/engine/contours/types';
import { NAMED_SURFACE_LIST } from '../src/engine/surfaces/named';
import { sampleGrid } from '../src/engine/surfaces/grid';
import type { Surface } from '../src/engine/types';
import { CONTOUR_LEVELS, gridSize, QUIVER_PER_ROW } from '../src/state/layerRequest';
import type { BenchRow, BenchSuite } from './types';

const SAMPLES = 15;
const WARM_UP = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

let sink = 0;

/** Median milliseconds of each of `runs`, sampled in turn (so a busy moment hits them all). */
function interleaved(runs: readonly (() => unknown)[]): number[] {
  for (let w = 0; w < WARM_UP; w++) for (const run of runs) run();
  const samples = runs.map(() => [] as number[]);
  for (let s = 0; s < SAMPLES; s++)
    runs.forEach((run, i) => {
      const t0 = performance.now();
      const out = run();
      samples[i]!.push(performance.now() - t0);
      if (out === undefined) sink++;
    });
  return samples.map(median);
}

function request(surface: Surface, spacing: LevelSpacing): SurfaceLayerRequest {
  return {
    surface: { id: surface.id },
    domain: surface.domain,
    ...gridSize(surface.domain),
    spacing,
    levels: CONTOUR_LEVELS,
    quiver: QUIVER_PER_ROW,
  };
}

const ms = (v: number): string => v.toFixed(2);

/** One row per named surface. */
export const contoursBench: BenchSuite = async () => {
  const rows: BenchRow[] = [];
  let total = 0;
  let totalBaseline = 0;
  for (const surface of NAMED_SURFACE_LIST) {
    const log = request(surface, 'log');
    const quantile = request(surface, 'quantile');
    const { width, height } = log;
    const grid = sampleGrid(surface, surface.domain, width, height);
    const levels = contourThresholds(grid, CONTOUR_LEVELS, 'log');
    const [
      layerLog,
      baselineLog,
      layerQuantile,
      baselineQuantile,
      sampling,
      thresholds,
      bands,
      paths,
    ] = interleaved([
      () => surfaceLayer(surface, log),
      () => baselineSurfaceLayer(surface, log),
      () => surfaceLayer(surface, quantile),
      () => baselineSurfaceLayer(surface, quantile),
      () => sampleGrid(surface, surface.domain, width, height),
      () => contourThresholds(grid, CONTOUR_LEVELS, 'log'),
      () => bandIndices(grid, levels),
      () => contourPaths(grid, width, height, levels),
    ]);
    total += layerLog! + layerQuantile!;
    totalBaseline += baselineLog! + baselineQuantile!;
    const text = surfaceLayer(surface, log).contours.reduce((n, c) => n + c.d.length, 0);
    rows.push({
      name: `contours: ${surface.id} layer at ${width}x${height}, log levels`,
      value: layerLog!,
      unit: 'ms',
      detail:
        `before the speed-up ${ms(baselineLog!)} ms (${(baselineLog! / layerLog!).toFixed(1)}x); ` +
        `grid ${ms(sampling!)}, levels ${ms(thresholds!)}, bands ${ms(bands!)}, ` +
        `lines and paths ${ms(paths!)} ms; ${(text / 1024).toFixed(0)} KB of path text; ` +
        `quantile levels ${ms(layerQuantile!)} ms, before ${ms(baselineQuantile!)} ms; ` +
        `median of ${SAMPLES}`,
    });
  }
  rows.push({
    name: 'contours: every named surface, both spacings, layer time / time before the speed-up',
    value: total / totalBaseline,
    unit: 'x',
    detail: `${ms(total)} ms against ${ms(totalBaseline)} ms, same lines (reference.test.ts)`,
  });
  if (sink === -1) console.error('unreachable');
  return rows;
};
