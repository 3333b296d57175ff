/**
 * Messages between the lab's UI and its worker. Every request carries an `id` (its reply has the
 * same one) and a `runId` (the client drops replies of a run a newer request of the same slot has
 * superseded).
 */
import type { LabConfig, LabSlot } from '../../engine/nn/labConfig';

/** Statistics of one layer's activation outputs g(u) over the data set. */
export interface LayerActivation {
  /** Counts per bin over [lo, hi]. */
  readonly histogram: readonly number[];
  readonly lo: number;
  readonly hi: number;
  readonly mean: number;
  readonly std: number;
  /** Fraction in a flat region of the activation (saturated sigmoid/tanh, dead relu). */
  readonly saturated: number;
}

/** Everything the lab draws for one configuration at its current step. */
export interface LabSnapshot {
  /** Steps taken. */
  readonly step: number;
  /** Loss per step so far (the batch loss before each update), at most MAX_HISTORY entries. */
  readonly losses: Float64Array;
  /** Full-data loss at the current parameters. */
  readonly loss: number;
  /** Fraction of points on the right side of the 0.5 boundary. */
  readonly accuracy: number;
  /** ‖∂L/∂W_l‖ per layer, input side first (the output layer last). */
  readonly weightGradNorms: Float64Array;
  /** ‖δ_l‖ = ‖∂L/∂z_l‖ over the batch, per layer. */
  readonly deltaNorms: Float64Array;
  /** ‖a_l‖ over the batch, per layer (the y_{i−1} factor of note 000). */
  readonly activationNorms: Float64Array;
  /** ‖x‖ of the input batch (a_0). */
  readonly inputNorm: number;
  /** ‖W_l‖ (Frobenius) per layer. */
  readonly weightNorms: Float64Array;
  readonly activations: readonly LayerActivation[];
  /** Predicted P(class 1) on a boundarySize² grid over [−BOUNDARY_EXTENT, BOUNDARY_EXTENT]², row 0 at the top. */
  readonly boundary: Float32Array;
  readonly boundarySize: number;
  /** True once the loss or the parameters stopped being finite. */
  readonly diverged: boolean;
  /** Worker time spent on the request, in ms. */
  readonly ms: number;
}

/** Half-width of the square the decision boundary is drawn over (the toy data lie in ±1.5). */
export const BOUNDARY_EXTENT = 2;
/** Longest loss history kept (older steps are dropped). */
export const MAX_HISTORY = 20_000;

/** Train `steps` steps of `config` (0 only reports), from scratch when `reset` or when the config changed. */
export interface RunRequest {
  readonly id: number;
  readonly runId: number;
  readonly type: 'run';
  readonly slot: LabSlot;
  readonly config: LabConfig;
  readonly steps: number;
  readonly reset: boolean;
}

/** Requests the UI sends. */
export type LabRequest = RunRequest;

/** Replies the worker sends. */
export type LabReply =
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'snapshot';
      readonly snapshot: LabSnapshot;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'error';
      readonly message: string;
    };
