/**
 * The mini-batch playground's own small scene (note 001): a seeded data set, its loss surface's
 * exact contours (the worker's contour code, run here on a small grid) and two runs from one start,
 * mini-batch SGD and full-batch GD.
 */
import { datasetSurface, makeDataset, simulateMiniBatch } from '../../engine/analysis';
import type { RegressionKind } from '../../engine/analysis';
import { sampleGrid } from '../../engine/surfaces/grid';
import type { Domain, DomainPoint, Trajectory } from '../../engine/types';
import { contourPaths, contourThresholds } from '../../engine/contours/contours';
import type { ContourPath } from '../../engine/contours/types';

/** Grid side of the playground's contour map. */
export const MB_GRID = 64;

export interface MiniBatchSurface {
  readonly domain: Domain;
  readonly contours: readonly ContourPath[];
  readonly start: DomainPoint;
  readonly optimum: DomainPoint;
  readonly data: ReturnType<typeof makeDataset>;
}

/** The data set, its contours and the start point of both runs. */
export function miniBatchSurface(kind: RegressionKind, n: number, seed: number): MiniBatchSurface {
  const data = makeDataset(kind, n, seed);
  const surface = datasetSurface(data);
  const domain = surface.domain;
  const values = sampleGrid(surface, domain, MB_GRID, MB_GRID);
  const thresholds = contourThresholds(values, 14, 'log');
  const contours = contourPaths(values, MB_GRID, MB_GRID, thresholds);
  const w = domain.x[1] - domain.x[0];
  const h = domain.y[1] - domain.y[0];
  const start: DomainPoint = [domain.x[0] + 0.12 * w, domain.y[0] + 0.85 * h];
  return { domain, contours, start, optimum: surface.minima[0] ?? data.truth, data };
}

export interface MiniBatchRuns {
  readonly sgd: Trajectory;
  readonly gd: Trajectory;
  /** Largest distance between the two paths at the same step. */
  readonly gap: number;
}

/** Mini-batch SGD with `batch` examples per step against full-batch GD, same start, lr and seed. */
export function miniBatchRuns(
  scene: MiniBatchSurface,
  batch: number,
  lr: number,
  steps: number,
  seed: number,
): MiniBatchRuns {
  const config = { type: 'sgd' as const, lr };
  const sgd = simulateMiniBatch(scene.data, scene.start, steps, config, batch, seed);
  const gd = simulateMiniBatch(scene.data, scene.start, steps, config, scene.data.n, seed);
  let gap = 0;
  const n = Math.min(sgd.length, gd.length);
  for (let k = 0; k < n; k++) {
    const d = Math.hypot(
      sgd.points[2 * k]! - gd.points[2 * k]!,
      sgd.points[2 * k + 1]! - gd.points[2 * k + 1]!,
    );
    if (d > gap) gap = d;
  }
  if (sgd.length !== gd.length) gap = Infinity;
  return { sgd, gd, gap };
}
