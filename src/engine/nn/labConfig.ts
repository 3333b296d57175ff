/**
 * One network configuration of the gradient-flow lab, as plain data: what the lab's store edits,
 * its URL encodes and its worker trains. Pure (no store), so the worker's protocol can import it.
 */
import type { Activation } from './activations';
import type { DatasetKind } from './datasets';
import type { OptimizerType } from '../types';
import { MAX_LAYERS, MAX_WIDTH } from './network';

/** The four classic initialisations of note 003 (the weight scale multiplies what they draw). */
export const LAB_INITS = ['zero', 'normal', 'xavier', 'he'] as const;
export type LabInit = (typeof LAB_INITS)[number];

/** One network configuration of the lab: hidden layers, training and data. */
export interface LabConfig {
  /** Layers with weights (1–64): depth − 1 hidden layers, then a sigmoid output unit. */
  readonly depth: number;
  /** Units per hidden layer (1–256). */
  readonly width: number;
  readonly activation: Activation;
  readonly init: LabInit;
  /** Multiplies every initial weight (1 = the scheme as published). */
  readonly weightScale: number;
  readonly batchnorm: boolean;
  /** Skip connections around every hidden layer after the first (equal widths). */
  readonly residual: boolean;
  /** clip_grad_norm max norm; 0 means no clipping. */
  readonly clip: number;
  readonly optimizer: OptimizerType;
  readonly lr: number;
  readonly dataset: DatasetKind;
  /** Seeds the weights, the data and the batch order. */
  readonly seed: number;
}

/** What a fresh lab shows: a net small enough to train in seconds, deep enough to show decay. */
export const DEFAULT_LAB_CONFIG: LabConfig = {
  depth: 6,
  width: 8,
  activation: 'tanh',
  init: 'xavier',
  weightScale: 1,
  batchnorm: false,
  residual: false,
  clip: 0,
  optimizer: 'adam',
  lr: 0.03,
  dataset: 'moons',
  seed: 1,
};

/** Which configuration a control edits: A, or B of the "A | B compare" switch. */
export type LabSlot = 'a' | 'b';

/**
 * The Landscape's further optimizers (C to F): A's network, data and initial weights trained with
 * another optimizer, so several paths share one PCA plane (issue 13).
 */
export const PLANE_SLOTS = ['c', 'd', 'e', 'f'] as const;
export type PlaneSlot = (typeof PLANE_SLOTS)[number];
/** A session the lab's worker trains: A, B, or one of the Landscape's further optimizers. */
export type TrainSlot = LabSlot | PlaneSlot;

/** One further optimizer on the Landscape's plane: what differs from A (its optimizer and lr). */
export interface PlaneOptimizer {
  readonly optimizer: OptimizerType;
  readonly lr: number;
}

/** A's configuration trained with a further optimizer. */
export function planeConfig(a: LabConfig, extra: PlaneOptimizer): LabConfig {
  return { ...a, optimizer: extra.optimizer, lr: extra.lr };
}

/** The numeric fields of a configuration. */
export type LabNumberField = 'depth' | 'width' | 'weightScale' | 'clip' | 'lr' | 'seed';

/** The values a numeric field takes, the same in the URL and in the typed fields. */
export interface LabBounds {
  readonly min: number;
  readonly max: number;
  /** `min` itself is refused (a weight scale or lr of 0 trains nothing). */
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
}

export const LAB_BOUNDS: Readonly<Record<LabNumberField, LabBounds>> = {
  depth: { min: 1, max: MAX_LAYERS, integer: true },
  width: { min: 1, max: MAX_WIDTH, integer: true },
  weightScale: { min: 0, minExclusive: true, max: 100 },
  clip: { min: 0, max: 1e6 },
  lr: { min: 0, minExclusive: true, max: 10 },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
};

/** What a typed value became, and why when it is not the value typed. */
export interface LabFit {
  readonly used: number;
  /** above / below a bound (clamped to it), not whole (rounded), not above an exclusive min (kept). */
  readonly change?: 'above' | 'below' | 'whole' | 'notAbove';
}

/**
 * The value a field uses for a typed `value`: a whole number is rounded, a value past a bound is
 * clamped to it; at or below an exclusive minimum there is no nearest value, so `current` stays.
 */
export function fitLabNumber(value: number, bounds: LabBounds, current: number): LabFit {
  let used = value;
  let change: LabFit['change'];
  if (bounds.integer && !Number.isInteger(used)) {
    used = Math.round(used);
    change = 'whole';
  }
  if (used > bounds.max) return { used: bounds.max, change: 'above' };
  if (bounds.minExclusive && used <= bounds.min) return { used: current, change: 'notAbove' };
  if (used < bounds.min) return { used: bounds.min, change: 'below' };
  return change ? { used, change } : { used };
}
