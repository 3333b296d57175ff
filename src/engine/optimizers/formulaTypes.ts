/**
 * The types of a family's formula part (`<type>.formula.ts`), apart from ./stepTex's helpers so the
 * registry can name them without importing the helpers (and through them the registry itself).
 */
import type { DomainPoint, OptimizerConfig, OptimizerInspection } from '../types';

/** The numbers of step k (from point k to point k + 1), as `inspectStep` reports them. */
export interface StepNumbers {
  /** Step index: t = k + 1 in the formulas. */
  readonly k: number;
  /** θ_{t−1}, point k. */
  readonly point: DomainPoint;
  /** ∇f(point k), after clipping when clipping is on, before weight decay. */
  readonly grad: DomainPoint;
  /** Learning rate used for this step (after the schedule). */
  readonly lr: number;
  /** The scene's gradient noise δ of this step, already in `grad` (absent: exact gradients). */
  readonly noise?: DomainPoint;
  /** Momentum or β1 a one-cycle or cyclic schedule gave this step (absent when none cycles it). */
  readonly momentum?: number;
  /** θ_t − θ_{t−1}. */
  readonly update: DomainPoint;
  /** Optimizer state after this step. */
  readonly state: OptimizerInspection;
  /** Optimizer state after the previous step; absent at k = 0 (the initial state). */
  readonly prev?: OptimizerInspection | undefined;
}

export type Vec = readonly number[];

/** One step as a family's formula sees it, after the shared lines (δ, g_t, η, μ) are written. */
export interface StepFrame {
  /** t = k + 1. */
  readonly t: number;
  /** Number of parameters (2 on a surface). */
  readonly n: number;
  /** The step's learning rate. */
  readonly lr: number;
  /** g_t as the family used it (after maximize and coupled weight decay). */
  readonly g: Vec;
  /** θ_{t−1}. */
  readonly thetaPrev: Vec;
  /** θ_t, the engine's own result. */
  readonly theta: Vec;
  /** The family's state after the step (`inspect()`). */
  readonly state: OptimizerInspection;
  /** True at the first step (no previous state). */
  readonly first: boolean;
  /** weight_decay (0 when the family has none). */
  readonly weightDecay: number;
  /** Whether weight decay shrinks θ instead of joining g_t (see OptimizerFormula.decoupled). */
  readonly decoupled: boolean;
  /** A state vector after the previous step, or `initial` (zeros) at the first step. */
  prev(key: string, initial?: Vec): Vec;
  /** The row `θ_t = rule = numbers = θ_t's value`. */
  thetaLine(rule: string, numbers: string): string;
}

/**
 * The formula panel's part of an optimizer family, in the family's `*.formula.ts` and registered
 * in ./formulas (a chunk loaded with the panel, not before the first paint).
 */
export interface OptimizerFormula {
  /**
   * The update rule as torch runs it for `config`'s options, in TeX (aligned lines), before
   * `maximize` (see ruleTex). Uses the names `inspect()` returns so the panel can fill in numbers.
   */
  tex(config: OptimizerConfig): string;
  /**
   * True when weight decay shrinks θ by (1 − ηλ) instead of adding λθ to g_t (AdamW, Adafactor,
   * Muon always; Adam, NAdam and RAdam with torch 2.x's decoupled_weight_decay). Default: the
   * config's decoupled_weight_decay.
   */
  decoupled?(config: OptimizerConfig): boolean;
  /**
   * This step's rows with its numbers filled in (from the family's first state row down to θ_t),
   * or undefined when the state lacks what they need (the panel then lists the state as is).
   */
  stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined;
  /** The notes' algorithm box (note 003) for `config`, TeX aligned block, when the notes have one. */
  notesBox?(config: OptimizerConfig): string | undefined;
  /**
   * Where torch differs from the notes' form, one sentence on why they are equivalent (or not), in
   * English; the panel shows the catalogues' `optimizer.note.<type>` (the English one word for
   * word). Here, not in the registration, as the first paint never shows it.
   */
  readonly note?: string;
}
