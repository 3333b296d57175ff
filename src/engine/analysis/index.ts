/**
 * The analysis engine behind the race, the LR sweep, the stability panel, basins of attraction,
 * the mini-batch playground and step-by-step mode. Pure functions over the engine's surfaces and
 * optimizers; long ones take an abort flag and report progress so the worker can host them.
 */
export type { AbortFlag, Cancellable, ProgressCallback } from './progress';
export { linSpace, logSpace } from './space';
export type { Criterion, RunSummary, Target, TargetSource } from './criterion';
export {
  DEFAULT_CRITERION,
  nearestMinimum,
  stepsToTarget,
  summarize,
  targetBeforeRuns,
} from './criterion';
export type { RaceResult, RaceRow, TuneObjective, TuneOptions, TuneResult } from './tune';
export { compareRuns, race, tuneLearningRate } from './tune';
export type { DivergenceEdge, LrSweep, LrSweepOptions, LrSweepRow } from './sweep';
export { divergenceEdge, lrSweep } from './sweep';
export type { SymmetricEigen2 } from './eigen';
export { symmetricEigen2 } from './eigen';
export type {
  Curvature,
  LocalStability,
  MomentumRegion,
  MomentumRegionOptions,
  MomentumSettings,
  StabilityAlong,
} from './stability';
export {
  conditionNumber,
  criticalLearningRate,
  localStability,
  momentumRegion,
  momentumSpectralRadius,
  stabilityAlong,
  worstSpectralRadius,
} from './stability';
export type { BasinMap, BasinOptions } from './basins';
export { BASIN_DIVERGED, BASIN_UNSETTLED, MAX_ATTRACTORS, basinMap } from './basins';
export type { RegressionDataset, RegressionKind } from './dataset';
export {
  MAX_DATASET_SIZE,
  batchGradient,
  datasetOptimum,
  datasetSurface,
  identityOrder,
  makeDataset,
} from './dataset';
export { BatchSampler, simulateMiniBatch } from './minibatch';
export type { ArrowTerm, StepArrow, StepArrows } from './arrows';
export { stepArrows } from './arrows';
export type { MomentumKind, StateGlyphs } from './glyphs';
export { stateGlyphs } from './glyphs';
