import { describe, expect, it } from 'vitest';
import {
  MAX_PATH_SNAPSHOTS,
  PATH_BUDGET,
  pathCapacity,
  pathUpTo,
  recordStep,
  startPath,
} from './path';

const params = (v: number, n = 3) => new Float64Array(n).fill(v);

describe('training path snapshots', () => {
  it('keeps step 0 and evenly spaced steps within its capacity however long training runs', () => {
    const path = startPath(params(0));
    expect(path.capacity).toBe(MAX_PATH_SNAPSHOTS);
    for (let step = 1; step <= 1000; step++) recordStep(path, step, params(step));
    expect(path.steps.length).toBeLessThanOrEqual(MAX_PATH_SNAPSHOTS);
    expect(path.steps.length).toBeGreaterThan(MAX_PATH_SNAPSHOTS / 2);
    expect(path.steps[0]).toBe(0);
    const gaps = new Set(path.steps.slice(1).map((s, i) => s - path.steps[i]!));
    expect([...gaps]).toEqual([path.every]);
    // Each snapshot is a copy of the weights of its own step.
    path.steps.forEach((s, i) => expect(path.snapshots[i]![0]).toBe(s));
  });

  it('ends at the current weights, whether or not that step was kept', () => {
    const path = startPath(params(0));
    for (let step = 1; step <= 300; step++) recordStep(path, step, params(step));
    const kept = pathUpTo(path, 300, params(300));
    expect(kept.steps[kept.steps.length - 1]).toBe(300);
    expect(kept.steps.filter((s) => s === 300)).toHaveLength(1);
    const later = pathUpTo(path, 301, params(301));
    expect(later.steps.slice(-2)).toEqual([path.steps[path.steps.length - 1], 301]);
    expect(later.snapshots[later.snapshots.length - 1]![0]).toBe(301);
  });

  it('a network too large for the memory budget keeps only its initial weights', () => {
    const big = PATH_BUDGET / 2 + 1;
    expect(pathCapacity(big)).toBe(1);
    const path = startPath(new Float64Array(big));
    recordStep(path, 1, new Float64Array(big));
    expect(path.steps).toEqual([0]);
    expect(pathCapacity(1000)).toBe(MAX_PATH_SNAPSHOTS);
  });
});
