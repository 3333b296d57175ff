/**
 * Messages between the lab's UI and its worker. Every request carries an `id` (its reply has the
 * same one) and a `runId` (the client drops replies of a run a newer request of the same slot has
 * superseded).
 */
import type { LabConfig, TrainSlot } from '../../engine/nn/labConfig';

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
  /**
   * Points whose output logit is past ±SATURATED_LOGIT (σ within 4.5e-5 of 0 or 1), those of
   * them on the wrong side, and all points: what the lab says in words when the output saturates.
   */
  readonly outputSaturation: {
    readonly saturated: number;
    readonly wrong: number;
    readonly count: number;
  };
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

/** Steps of one run request at most (the client asks for fewer on big nets). */
export const MAX_STEPS_PER_REQUEST = 500;

/** Train `steps` steps of `config` (0 only reports), from scratch when `reset` or when the config changed. */
export interface RunRequest {
  readonly id: number;
  readonly runId: number;
  readonly type: 'run';
  readonly slot: TrainSlot;
  readonly config: LabConfig;
  readonly steps: number;
  readonly reset: boolean;
}

/** The weight path a slot's session has kept so far (see path.ts), ending at its current weights. */
export interface PathRequest {
  readonly id: number;
  readonly runId: number;
  readonly type: 'path';
  readonly slot: TrainSlot;
}

/** A training path as it travels: n snapshots of P parameters, flat, step 0 first. */
export interface TrainingPath {
  /** The configuration trained (its network, data and seed give the loss the path lives on). */
  readonly config: LabConfig;
  /** Steps of the snapshots, ascending; steps[0] = 0 (the initial weights). */
  readonly steps: Float64Array;
  /** Snapshot i is params[i·P … (i+1)·P). */
  readonly params: Float64Array;
  /** P. */
  readonly paramCount: number;
}

/** How the landscape's plane is spanned (Li et al. 2018). */
export type LandscapeDirections = 'filter' | 'none' | 'pca';

/**
 * The loss on a plane through the first path's last weights θ, computed coarse to fine, plus the
 * 1-D interpolation from its first to its last weights. Every path is projected onto the plane
 * when the directions are 'pca' (the PCA of all their snapshots together).
 */
export interface LandscapeRequest {
  readonly id: number;
  readonly runId: number;
  readonly type: 'landscape';
  /** One or more paths of networks with the same layout and data; the first gives θ. */
  readonly paths: readonly TrainingPath[];
  readonly directions: LandscapeDirections;
  /** Seeds the random directions. */
  readonly seed: number;
  /** Grid points per side wanted (capped by the network's size, see landscapeSide). */
  readonly side: number;
}

/** One path projected onto the PCA plane, with the losses there and at the real weights. */
export interface ProjectedPath {
  /** Steps of its snapshots. */
  readonly steps: Float64Array;
  /** Snapshot i sits at (coords[2i], coords[2i + 1]) on the plane. */
  readonly coords: Float64Array;
  /** L at the projected point: what the plane shows. */
  readonly planeLoss: Float64Array;
  /** L at the real weights. */
  readonly trueLoss: Float64Array;
}

/** What a landscape request has computed so far (a progress reply) or in all (the final one). */
export interface LandscapeResult {
  readonly directions: LandscapeDirections;
  /** α (first direction) values of the grid's rows. */
  readonly alphas: Float64Array;
  /** β (second direction) values of the grid's columns. */
  readonly betas: Float64Array;
  /** loss[i·betas.length + j] = L(θ + αᵢ d₁ + βⱼ d₂); NaN where not computed yet. */
  readonly grid: Float64Array;
  /** Stride of the last complete pass: every (i, j) with i, j ≡ 0 mod it is known; 0 before any. */
  readonly knownStride: number;
  /** Grid points computed, and in all. */
  readonly done: number;
  readonly total: number;
  /** L(θ) at the plane's origin (the real current weights). */
  readonly originLoss: number;
  /** The training step of θ (the first path's last snapshot). */
  readonly originStep: number;
  /** PCA only: the share of the paths' variance d₁ and d₂ explain. */
  readonly explained: readonly [number, number] | null;
  /** PCA only: every path projected onto the plane, in request order. */
  readonly paths: readonly ProjectedPath[];
  /** L((1 − t)·θ₀ + t·θ) of the first path at each t. */
  readonly interpolation: { readonly t: Float64Array; readonly loss: Float64Array };
}

/**
 * Sharpness (λ_max of the training loss's Hessian) at the snapshots of each path, each on its own
 * configuration's loss, for the edge-of-stability chart (Cohen et al. 2021).
 */
export interface SharpnessRequest {
  readonly id: number;
  readonly runId: number;
  readonly type: 'sharpness';
  readonly paths: readonly TrainingPath[];
  /** Snapshots measured per path at most (evenly picked, the last one always). */
  readonly points: number;
}

/** λ_max along one path. */
export interface SharpnessSeries {
  /** Steps measured. */
  readonly steps: Float64Array;
  /** λ_max at each; NaN where not computed yet. */
  readonly sharpness: Float64Array;
  /** 1 where the power iteration met its tolerance. */
  readonly converged: Uint8Array;
}

/** What a sharpness request has computed so far, or in all. */
export interface SharpnessResult {
  readonly series: readonly SharpnessSeries[];
  readonly done: number;
  readonly total: number;
}

/** Requests the UI sends. */
export type LabRequest = RunRequest | PathRequest | LandscapeRequest | SharpnessRequest;

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
      readonly type: 'path';
      readonly path: TrainingPath;
    }
  | {
      readonly id: number;
      readonly runId: number;
      /** 'landscape-progress' keeps the request pending; 'landscape' is its answer. */
      readonly type: 'landscape' | 'landscape-progress';
      readonly result: LandscapeResult;
    }
  | {
      readonly id: number;
      readonly runId: number;
      /** 'sharpness-progress' keeps the request pending; 'sharpness' is its answer. */
      readonly type: 'sharpness' | 'sharpness-progress';
      readonly result: SharpnessResult;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'error';
      readonly message: string;
    };
