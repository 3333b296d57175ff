/**
 * One network configuration of the gradient-flow lab, as plain data: what the lab's store edits,
 * its URL encodes and its worker trains. Pure (no store), so the worker's protocol can import it.
 */
import type { Activation } from './activations';
import type { DatasetKind } from './datasets';
import type { OptimizerType } from '../types';

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
