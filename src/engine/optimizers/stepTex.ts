/**
 * What every family's "TeX with this step's numbers" (its `*.formula.ts`) is built from: the
 * step's numbers as `inspectStep` reports them, the frame the formula panel has already worked out
 * (t, g_t, θ_t, the previous state) and small TeX builders. Only the app's own templates and the
 * numbers it formats itself go in, never user text, so the result is safe to hand to KaTeX.
 */
import { formatNumber, formatVector } from '../format';
import type { OptimizerConfig, OptimizerInspection } from '../types';
import { resolvedParams } from './index';
import type { Vec } from './formulaTypes';

export type { OptimizerFormula, StepFrame, StepNumbers, Vec } from './formulaTypes';

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

/** Lines joined into one KaTeX `aligned` block. */
export function alignedBlock(lines: readonly string[]): string {
  return `\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}`;
}
