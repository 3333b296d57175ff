/**
 * What every family's "TeX with this step's numbers" (its `*.formula.ts`) is built from: the
 * step's numbers as `inspectStep` reports them, the frame the formula panel has already worked out
 * (t, g_t, θ_t, the previous state) and small TeX builders. Only the app's own templates and the
 * numbers it formats itself go in, never user text, so the result is safe to hand to KaTeX.
 */
import { formatNumber, formatVector } from '../format';
import type { DomainPoint, OptimizerConfig, OptimizerInspection } from '../types';
import { resolvedParams } from './index';

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

/** A vector in TeX, `\left(a,\ b\right)`. */
export const V = (v: Vec): string => formatVector(v, 'tex');
/** A number in TeX. */
export const N = (x: number): string => formatNumber(x, 'tex');
/** A number as a factor: negative numbers get parentheses so `0.9 \cdot (-2)` reads right. */
export const F = (x: number): string => (x < 0 ? `\\left(${N(x)}\\right)` : N(x));

/** The vector `key` of `state`, if it is one. */
export function vecOf(state: OptimizerInspection | undefined, key: string): Vec | undefined {
  const value = state?.[key];
  return Array.isArray(value) ? (value as Vec) : undefined;
}

/** The number `key` of `state`, if it is one. */
export function numOf(state: OptimizerInspection | undefined, key: string): number | undefined {
  const value = state?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** A hyper-parameter of `config`, or the family's torch default (undefined: no such number, flag or pair). */
export function hyper(
  config: OptimizerConfig,
  name: string,
): number | boolean | readonly [number, number] | undefined {
  const value = resolvedParams(config)[name];
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
    return [value[0], value[1]];
  }
  return undefined;
}

/** A numeric hyper-parameter (or its default; `fallback` when the family has none). */
export function hyperNumber(config: OptimizerConfig, name: string, fallback = 0): number {
  const v = hyper(config, name);
  return typeof v === 'number' ? v : fallback;
}

/** A boolean hyper-parameter, false when unset and defaulting to false. */
export function hyperBool(config: OptimizerConfig, name: string): boolean {
  return hyper(config, name) === true;
}

/** Adam-family betas (or their defaults). */
export function betas(config: OptimizerConfig): readonly [number, number] {
  const v = hyper(config, 'betas');
  return Array.isArray(v) ? (v as readonly [number, number]) : [0.9, 0.999];
}

/** n zeros. */
export const zeros = (n: number): Vec => new Array<number>(n).fill(0);

/** One aligned row `lhs &= a = b = …`; reflowTex breaks its chain and terms on narrow panels. */
export const line = (lhs: string, ...rhs: string[]): string => `${lhs} &= ${rhs.join(' = ')}`;

/**
 * The formula panel's part of an optimizer family, in the family's `*.formula.ts` and registered
 * in ./formulas (a chunk loaded with the panel, not before the first paint).
 */
export interface OptimizerFormula {
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
}

/** Lines joined into one KaTeX `aligned` block. */
export function alignedBlock(lines: readonly string[]): string {
  return `\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}`;
}
