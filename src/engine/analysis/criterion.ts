/**
 * When has a run "arrived"? The shared criterion of the race and the LR sweep: loss within ε of
 * the minimum. Fair by construction: every run of one analysis is judged against one target.
 */
import type { DomainPoint, Surface, Trajectory } from '../types';

/** Arrival criterion: a run has arrived at the first point whose loss is ≤ the target loss. */
export interface Criterion {
  /** Tolerance added to the minimum's loss (absolute, in the surface's loss units). */
  readonly epsilon: number;
  /** An explicit target loss; when given it replaces f(minimum) + ε. */
  readonly targetLoss?: number;
}

/** The default criterion: within 10⁻³ of the minimum's loss. */
export const DEFAULT_CRITERION: Criterion = { epsilon: 1e-3 };

/** Where an analysis's target loss came from (shown beside the leaderboard). */
export type TargetSource = 'given' | 'minimum' | 'best-run';

/** The resolved target of one analysis. */
export interface Target {
  readonly loss: number;
  readonly source: TargetSource;
}

/** The known minimum nearest to `point`, or undefined when the surface lists none. */
export function nearestMinimum(surface: Surface, point: DomainPoint): DomainPoint | undefined {
  let best: DomainPoint | undefined;
  let bestDistance = Infinity;
  for (const m of surface.minima) {
    const d = Math.hypot(m[0] - point[0], m[1] - point[1]);
    if (d < bestDistance) {
      bestDistance = d;
      best = m;
    }
  }
  return best;
}

/**
 * The target loss known before any run: the given one, else f(known minimum nearest the start) + ε.
 * Undefined for surfaces with no known minima (expressions, saddles): the analyses then use the
 * best loss any of their own runs reached + ε (source 'best-run'), decided after their first pass.
 */
export function targetBeforeRuns(
  surface: Surface,
  start: DomainPoint,
  criterion: Criterion,
): Target | undefined {
  if (criterion.targetLoss !== undefined) return { loss: criterion.targetLoss, source: 'given' };
  const minimum = nearestMinimum(surface, start);
  if (minimum === undefined) return undefined;
  const value = surface.f(minimum[0], minimum[1]);
  if (!Number.isFinite(value)) return undefined;
  return { loss: value + criterion.epsilon, source: 'minimum' };
}

/** The first step index k with losses[k] ≤ target (0 = the start already qualifies), or null. */
export function stepsToTarget(losses: Float64Array, length: number, target: number): number | null {
  for (let k = 0; k < length; k++) if (losses[k]! <= target) return k;
  return null;
}

/** What the leaderboard and the sweep show for one run at one learning rate. */
export interface RunSummary {
  /** The learning rate of the run (the schedule's base lr when a schedule is set). */
  readonly lr: number;
  /**
   * The loss at the last point kept: after `steps` steps, or the last finite loss of a diverged
   * run (check `diverged` before comparing it with finished runs).
   */
  readonly finalLoss: number;
  /** The lowest loss along the run. */
  readonly bestLoss: number;
  /** Steps until the loss first reached the target, or null if it never did. */
  readonly stepsToTarget: number | null;
  /**
   * The run blew up: it became non-finite (and stopped), or it ended above the loss it started
   * from. The second case matters: GD just past 2/λ_max grows geometrically yet can stay finite
   * for a thousand steps, and a sweep must still show it on the far side of the edge.
   */
  readonly diverged: boolean;
  /** The run became non-finite and stopped (the engine's Trajectory.diverged). */
  readonly nonFinite: boolean;
}

/** Summarises a trajectory against a target (NaN losses when the start itself was non-finite). */
export function summarize(trajectory: Trajectory, lr: number, target: number): RunSummary {
  const { losses, length } = trajectory;
  let best = Infinity;
  for (let k = 0; k < length; k++) if (losses[k]! < best) best = losses[k]!;
  const finalLoss = length > 0 ? losses[length - 1]! : NaN;
  return {
    lr,
    finalLoss,
    bestLoss: length > 0 ? best : NaN,
    stepsToTarget: stepsToTarget(losses, length, target),
    diverged: trajectory.diverged || finalLoss > losses[0]!,
    nonFinite: trajectory.diverged,
  };
}
