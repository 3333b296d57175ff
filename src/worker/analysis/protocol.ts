/**
 * Messages between the analysis panels and their worker. A request carries an `id` (its progress
 * and result messages carry the same one) and a `runId` (the client drops anything from a run a
 * newer request of the same kind has superseded). Cancellation is the client's: it terminates the
 * worker that runs a superseded job, since a synchronous analysis cannot read messages mid-run.
 */
import type { Criterion, RaceResult, LrSweep } from '../../engine/analysis';
import type { Domain, DomainPoint, OptimizerConfig, Scene, SurfaceRef } from '../../engine/types';

/** Tune every optimizer of the scene and rank them. */
export interface RaceJob {
  readonly kind: 'race';
  readonly scene: Scene;
  readonly criterion: Criterion;
  /** Coarse grid points (fewer in tests), refinement rounds and points per round. */
  readonly coarsePoints: number;
  readonly refineRounds: number;
  readonly refinePoints: number;
}

/** Run one optimizer at many learning rates. */
export interface SweepJob {
  readonly kind: 'sweep';
  readonly surface: SurfaceRef;
  readonly start: DomainPoint;
  readonly steps: number;
  readonly config: OptimizerConfig;
  readonly lrMin: number;
  readonly lrMax: number;
  readonly points: number;
  readonly criterion: Criterion;
}

/** Classify every start of a grid over `domain` by where `config` takes it. */
export interface BasinJob {
  readonly kind: 'basins';
  readonly surface: SurfaceRef;
  readonly domain: Domain;
  readonly size: number;
  readonly steps: number;
  readonly config: OptimizerConfig;
}

/** Any analysis the worker hosts. */
export type AnalysisJob = RaceJob | SweepJob | BasinJob;
export type AnalysisKind = AnalysisJob['kind'];

/** The finished basin map, as plain data. */
export interface BasinResult {
  readonly size: number;
  readonly domain: Domain;
  readonly labels: Int16Array;
  readonly attractors: readonly DomainPoint[];
  readonly knownCount: number;
  readonly ms: number;
}

/** What each kind of job resolves with. */
export interface AnalysisResults {
  readonly race: RaceResult;
  readonly sweep: LrSweep;
  readonly basins: BasinResult;
}

/** UI → worker. */
export interface AnalysisRequest {
  readonly id: number;
  readonly runId: number;
  readonly type: 'run';
  readonly job: AnalysisJob;
}

/** Partial basin rows [fromRow, toRow) sent while the map fills. */
export interface BasinRows {
  readonly fromRow: number;
  readonly toRow: number;
  readonly labels: Int16Array;
}

/** Worker → UI. */
export type AnalysisReply =
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly rows?: BasinRows;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'result';
      readonly kind: AnalysisKind;
      readonly result: AnalysisResults[AnalysisKind];
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'error';
      readonly message: string;
    };
