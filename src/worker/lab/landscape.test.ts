import { describe, expect, it } from 'vitest';
import { pcaOfPath } from '../../engine/landscape/pca';
import { sharpness } from '../../engine/landscape/sharpness';
import { DEFAULT_LAB_CONFIG } from '../../engine/nn/labConfig';
import { planeConfig } from '../../engine/nn/labConfig';
import type { LabConfig, TrainSlot } from '../../engine/nn/labConfig';
import { handleLabMessage, handleLabRequest } from './handlers';
import {
  INTERPOLATION_POINTS,
  axisThroughZero,
  interpolationPoints,
  linspace,
  evenIndices,
  labLossFunction,
  landscapeSide,
  runLandscape,
} from './landscape';
import type {
  LabReply,
  LandscapeDirections,
  LandscapeResult,
  LabSnapshot,
  TrainingPath,
} from './protocol';

// A small net trains fast; SGD's path bends enough that two directions do not hold all of it.
const CONFIG: LabConfig = { ...DEFAULT_LAB_CONFIG, depth: 3, width: 6, optimizer: 'sgd', lr: 0.5 };

function train(slot: TrainSlot, config: LabConfig, steps: number): LabSnapshot {
  const reply = handleLabRequest({
    id: 1,
    runId: 1,
    type: 'run',
    slot,
    config,
    steps,
    reset: true,
  });
  if (reply.type !== 'snapshot')
    throw new Error(reply.type === 'error' ? reply.message : reply.type);
  return reply.snapshot;
}

function pathOf(slot: TrainSlot): TrainingPath {
  const reply = handleLabRequest({ id: 2, runId: 2, type: 'path', slot });
  if (reply.type !== 'path') throw new Error(reply.type === 'error' ? reply.message : reply.type);
  return reply.path;
}

async function landscape(
  paths: TrainingPath[],
  directions: LandscapeDirections,
  side = 17,
): Promise<{ replies: LabReply[]; result: LandscapeResult }> {
  const replies: LabReply[] = [];
  await handleLabMessage(
    { id: 3, runId: 3, type: 'landscape', paths, directions, seed: 5, side },
    (r) => replies.push(r),
  );
  const last = replies[replies.length - 1]!;
  if (last.type !== 'landscape') throw new Error(last.type === 'error' ? last.message : last.type);
  return { replies, result: last.result };
}

function snapshots(path: TrainingPath): Float64Array[] {
  const P = path.paramCount;
  return Array.from(path.steps, (_, i) => path.params.slice(i * P, (i + 1) * P));
}

/** Grid index of the value 0 on an axis (it must be there exactly). */
function zeroAt(axis: Float64Array): number {
  const i = axis.indexOf(0);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

describe('lab landscape: the training path', () => {
  it('a session keeps its path from the initial weights to the current ones', () => {
    const snap = train('a', CONFIG, 40);
    const path = pathOf('a');
    expect(path.steps[0]).toBe(0);
    expect(path.steps[path.steps.length - 1]).toBe(40);
    expect(path.params).toHaveLength(path.steps.length * path.paramCount);
    // Its first snapshot is the net whose loss the first step reported.
    const f = labLossFunction(CONFIG);
    expect(f.value(snapshots(path)[0]!)).toBeCloseTo(snap.losses[0]!, 12);
    expect(f.value(snapshots(path).at(-1)!)).toBeCloseTo(snap.loss, 12);
  });
});

describe('lab landscape: PCA plane', () => {
  it('fills the grid coarse to fine, then answers with every point computed', async () => {
    train('a', CONFIG, 60);
    const { replies, result } = await landscape([pathOf('a')], 'pca');
    const progress = replies.filter((r) => r.type === 'landscape-progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const strides = progress.map((r) =>
      r.type === 'landscape-progress' ? r.result.knownStride : -1,
    );
    // First the plane and paths with no grid point yet, then ever finer complete passes.
    expect(strides[0]).toBe(0);
    const passes = strides.filter((s) => s > 0);
    expect(passes).toEqual([...passes].sort((a, b) => b - a));
    expect(passes[0]).toBeGreaterThan(1);
    const firstPass = progress.find(
      (r) => r.type === 'landscape-progress' && r.result.knownStride > 0,
    );
    if (firstPass?.type !== 'landscape-progress') throw new Error('no pass');
    expect(firstPass.result.grid.some(Number.isNaN)).toBe(true);
    expect(firstPass.result.done).toBeLessThan(firstPass.result.total / 4);
    expect(result.knownStride).toBe(1);
    expect(result.done).toBe(17 * 17);
    expect(result.grid.every(Number.isFinite)).toBe(true);
  });

  it('the badge is the explained-variance ratio of pca.ts on the same snapshots', async () => {
    train('a', CONFIG, 60);
    const path = pathOf('a');
    const { result } = await landscape([path], 'pca');
    const snaps = snapshots(path);
    const pca = pcaOfPath(snaps, 'mean', snaps.at(-1)!);
    expect(result.explained).toEqual(pca.explainedVarianceRatio);
    const [e1, e2] = result.explained!;
    expect(e1 + e2).toBeGreaterThan(0.5);
    expect(e1 + e2).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('the grid is the loss on the plane: at the current point it is the true loss, elsewhere L(θ + α d₁ + β d₂)', async () => {
    train('a', CONFIG, 60);
    const path = pathOf('a');
    const { result } = await landscape([path], 'pca');
    const nb = result.betas.length;
    const i0 = zeroAt(result.alphas);
    const j0 = zeroAt(result.betas);
    const [projected] = result.paths;
    const n = path.steps.length;
    // The current weights project to the origin, where the grid, the plane and the truth agree.
    expect(projected!.coords.slice(-2)).toEqual(new Float64Array([0, 0]));
    expect(result.grid[i0 * nb + j0]).toBe(result.originLoss);
    expect(projected!.planeLoss[n - 1]).toBe(result.originLoss);
    expect(projected!.trueLoss[n - 1]).toBe(result.originLoss);
    // Rows are α (d₁), columns β (d₂): check a corner against the loss computed here.
    const snaps = snapshots(path);
    const pca = pcaOfPath(snaps, 'mean', snaps.at(-1)!);
    const f = labLossFunction(CONFIG);
    for (const [i, j] of [
      [0, nb - 1],
      [result.alphas.length - 1, 2],
    ] as const) {
      const a = result.alphas[i]!;
      const b = result.betas[j]!;
      const theta = Float64Array.from(pca.origin, (v, k) => v + a * pca.d1[k]! + b * pca.d2[k]!);
      expect(result.grid[i * nb + j]).toBeCloseTo(f.value(theta), 12);
    }
    // The initial weights lie off the plane: the plane shows another loss than the real one.
    expect(Math.abs(projected!.planeLoss[0]! - projected!.trueLoss[0]!)).toBeGreaterThan(1e-4);
    // And the path's projections all lie inside the grid.
    for (let k = 0; k < n; k++) {
      expect(projected!.coords[2 * k]).toBeGreaterThanOrEqual(result.alphas[0]!);
      expect(projected!.coords[2 * k]).toBeLessThanOrEqual(result.alphas.at(-1)!);
      expect(projected!.coords[2 * k + 1]).toBeGreaterThanOrEqual(result.betas[0]!);
      expect(projected!.coords[2 * k + 1]).toBeLessThanOrEqual(result.betas.at(-1)!);
    }
  });

  it('two optimizers from the same initial weights share one plane: both paths start at one point', async () => {
    train('a', CONFIG, 50);
    train('b', { ...CONFIG, optimizer: 'adam', lr: 0.05 }, 50);
    const a = pathOf('a');
    const b = pathOf('b');
    const { result } = await landscape([a, b], 'pca');
    expect(result.paths).toHaveLength(2);
    const [pa, pb] = result.paths;
    expect(pb!.coords[0]).toBeCloseTo(pa!.coords[0]!, 12);
    expect(pb!.coords[1]).toBeCloseTo(pa!.coords[1]!, 12);
    // The PCA of both paths together, not of A's alone.
    const all = [...snapshots(a), ...snapshots(b)];
    const pca = pcaOfPath(all, 'mean', snapshots(a).at(-1)!);
    expect(result.explained).toEqual(pca.explainedVarianceRatio);
    // B ends elsewhere than A: its end is a real point of the plane's picture, not the origin.
    expect(Math.hypot(pb!.coords.at(-2)!, pb!.coords.at(-1)!)).toBeGreaterThan(0);
  });
});

describe('lab landscape: further optimizers on one plane', () => {
  it('A and the Landscape’s C, D, E train apart in one worker and share one PCA plane from one start', async () => {
    const extras = [
      { optimizer: 'adam', lr: 0.05 },
      { optimizer: 'rmsprop', lr: 0.01 },
      { optimizer: 'sgd', lr: 0.1 },
    ] as const;
    train('a', CONFIG, 40);
    const slots = ['c', 'd', 'e'] as const;
    const ends = slots.map((slot, k) => train(slot, planeConfig(CONFIG, extras[k]!), 40));
    // Training C to E did not touch A's session: A's path still ends at A's own step and weights.
    const a = pathOf('a');
    expect(a.config).toEqual(CONFIG);
    const paths = [a, ...slots.map(pathOf)];
    paths.forEach((p, k) => {
      expect(p.steps.at(-1)).toBe(40);
      if (k > 0) expect(p.config).toEqual(planeConfig(CONFIG, extras[k - 1]!));
    });
    const { result } = await landscape(paths, 'pca');
    expect(result.paths).toHaveLength(4);
    for (const p of result.paths) {
      expect(p.coords[0]).toBeCloseTo(result.paths[0]!.coords[0]!, 12);
      expect(p.coords[1]).toBeCloseTo(result.paths[0]!.coords[1]!, 12);
    }
    // Each path's true loss at its last snapshot is the loss its own session reports.
    result.paths.slice(1).forEach((p, k) => {
      expect(p.trueLoss.at(-1)).toBeCloseTo(ends[k]!.loss, 9);
    });
    // Four optimizers end in four different places of the picture.
    const endsOnPlane = result.paths.map(
      (p) => `${p.coords.at(-2)!.toFixed(6)},${p.coords.at(-1)!.toFixed(6)}`,
    );
    expect(new Set(endsOnPlane).size).toBe(4);
  });
});

describe('lab landscape: random directions and the 1-D interpolation', () => {
  it('filter-normalised and raw directions give different slices through the same current point', async () => {
    train('a', CONFIG, 30);
    const path = pathOf('a');
    const filter = (await landscape([path], 'filter', 9)).result;
    const raw = (await landscape([path], 'none', 9)).result;
    for (const r of [filter, raw]) {
      const c = zeroAt(r.alphas) * r.betas.length + zeroAt(r.betas);
      expect(r.grid[c]).toBe(r.originLoss);
      expect(r.explained).toBeNull();
      expect(r.paths).toHaveLength(0);
      expect(r.alphas[0]).toBe(-1);
      expect(r.alphas.at(-1)).toBe(1);
    }
    expect(filter.grid).not.toEqual(raw.grid);
    expect(Math.max(...filter.grid)).toBeGreaterThan(filter.originLoss);
  });

  it('runs from the initial loss at t = 0 to the current loss at t = 1', async () => {
    const snap = train('a', CONFIG, 30);
    const { result } = await landscape([pathOf('a')], 'filter', 9);
    const { t, loss } = result.interpolation;
    expect(t).toHaveLength(INTERPOLATION_POINTS);
    const at0 = t.indexOf(0);
    const at1 = t.indexOf(1);
    expect(at0).toBeGreaterThan(0);
    expect(at1).toBeLessThan(t.length - 1);
    expect(loss[at0]).toBeCloseTo(snap.losses[0]!, 12);
    expect(result.originStep).toBe(30);
    expect(loss[at1]).toBeCloseTo(result.originLoss, 10);
    expect(result.originLoss).toBeCloseTo(snap.loss, 12);
  });
});

describe('lab landscape: cancelling and bad requests', () => {
  it('stops before the next row once cancelled and never answers', async () => {
    train('a', CONFIG, 20);
    const replies: LabReply[] = [];
    const signal = { aborted: false };
    await runLandscape(
      {
        id: 9,
        runId: 9,
        type: 'landscape',
        paths: [pathOf('a')],
        directions: 'filter',
        seed: 1,
        side: 41,
      },
      (r) => {
        replies.push(r);
        if (r.type === 'landscape-progress' && r.result.knownStride > 0) signal.aborted = true;
      },
      signal,
      () => Promise.resolve(),
    );
    expect(replies.every((r) => r.type === 'landscape-progress')).toBe(true);
    expect(replies.length).toBeGreaterThanOrEqual(2);
  });

  it('says which field is wrong: too short a path for PCA, a path of another network', async () => {
    train('a', CONFIG, 0);
    const errorOf = async (paths: TrainingPath[], directions: LandscapeDirections) => {
      const replies: LabReply[] = [];
      await handleLabMessage(
        { id: 4, runId: 4, type: 'landscape', paths, directions, seed: 1, side: 9 },
        (r) => replies.push(r),
      );
      const last = replies.at(-1)!;
      return last.type === 'error' ? last.message : '';
    };
    expect(await errorOf([pathOf('a')], 'pca')).toMatch(/^directions: .*two snapshots/);
    train('b', { ...CONFIG, dataset: 'circles' }, 3);
    train('a', CONFIG, 3);
    expect(await errorOf([pathOf('a'), pathOf('b')], 'pca')).toMatch(/^paths\[1\]: /);
    expect(await errorOf([], 'filter')).toMatch(/^paths: /);
  });

  it('a big network gets a coarser grid, never below 9 points a side, always odd', () => {
    expect(landscapeSide(1153, 200)).toBe(41);
    const big = landscapeSide(200_000, 200);
    expect(big).toBeLessThan(41);
    expect(big % 2).toBe(1);
    expect(landscapeSide(1e9, 200)).toBe(9);
    // The interpolation shrinks too, always with t = 0 and t = 1 on it.
    expect(interpolationPoints(1153, 200)).toBe(INTERPOLATION_POINTS);
    for (const P of [1153, 2e5, 4e6]) {
      const t = linspace(-0.25, 1.25, interpolationPoints(P, 200));
      expect(t.indexOf(0)).toBeGreaterThan(0);
      expect(t.indexOf(1)).toBeGreaterThan(0);
    }
    expect(interpolationPoints(4e6, 200)).toBe(13);
    expect(axisThroughZero(-0.3, 1, 9).indexOf(0)).toBeGreaterThan(0);
  });
});

describe('lab landscape: sharpness along the path', () => {
  it('λ_max at evenly picked snapshots of each path, each on its own loss, as the engine measures it', async () => {
    train('a', CONFIG, 40);
    train('b', { ...CONFIG, width: 4 }, 40);
    const paths = [pathOf('a'), pathOf('b')];
    const replies: LabReply[] = [];
    await handleLabMessage({ id: 5, runId: 5, type: 'sharpness', paths, points: 6 }, (r) =>
      replies.push(r),
    );
    const last = replies.at(-1)!;
    if (last.type !== 'sharpness')
      throw new Error(last.type === 'error' ? last.message : last.type);
    const { series, done, total } = last.result;
    expect(series).toHaveLength(2);
    expect(done).toBe(total);
    paths.forEach((path, k) => {
      const s = series[k]!;
      expect(s.steps.length).toBeLessThanOrEqual(6);
      expect(s.steps[0]).toBe(0);
      expect(s.steps.at(-1)).toBe(40);
      const f = labLossFunction(path.config);
      const P = path.paramCount;
      s.steps.forEach((step, n) => {
        const i = path.steps.indexOf(step);
        const want = sharpness(f, path.params.slice(i * P, (i + 1) * P)).eigenvalue;
        expect(s.converged[n]).toBe(1);
        expect(Math.abs(s.sharpness[n]! - want)).toBeLessThan(1e-3 * Math.abs(want));
      });
    });
    expect(evenIndices(100, 5)).toEqual([0, 25, 50, 74, 99]);
    expect(evenIndices(3, 5)).toEqual([0, 1, 2]);
  });
});
