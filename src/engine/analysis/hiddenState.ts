/**
 * Each optimizer family's hidden state at one step, read once from its own `inspect()` state
 * (through `inspectStep`), as displacements in domain units at this step's (scheduled) learning
 * rate η. Both pictures of a step are drawn from it: the hidden-state glyphs on the map
 * (./glyphs) and the step-by-step arrows (./arrows). One entry per family, so a family's
 * reading is written once (it used to be two parallel switches).
 */
import { OPTIMIZERS } from '../optimizers';
import { numberParam, tupleParam } from '../optimizers/common';
import type { StepInspection } from '../inspectStep';
import type { DomainPoint, OptimizerConfig, OptimizerInspection, OptimizerType } from '../types';

/** What a family keeps that a path does not show, at step k (each part only where it exists). */
export interface HiddenState {
  /** −η b_t: the momentum buffer's term (SGD with momentum, RMSprop with momentum). */
  readonly buffer?: DomainPoint;
  /** NAG (torch's Nesterov form): the look-ahead −η μ b_t. */
  readonly lookahead?: DomainPoint;
  /** −η m̂_t (Adam, AdamW, RAdam, Adamax; NAdam's −η m_t / (1 − π_t μ_{t+1})). */
  readonly mHat?: DomainPoint;
  /** NAdam: its blended Nesterov term, the update without the division by d (update ⊙ d). */
  readonly blend?: DomainPoint;
  /** RMSprop: the scaled gradient −η g_t / d_t and its per-coordinate factor 1 / d_t. */
  readonly scaled?: { readonly vector: DomainPoint; readonly factor: DomainPoint };
  /**
   * The direction an adaptive family multiplies per coordinate (m̂, NAdam's blend over −η, or
   * g): its step divided by −η·direction is that factor.
   */
  readonly direction?: DomainPoint;
  /** The per-coordinate adaptive step (signed): each coordinate's step, a box's sides. */
  readonly box?: DomainPoint;
  /** L-BFGS: the last inner iteration's step α d, from `from` (= θ_t − α d). */
  readonly search?: { readonly from: DomainPoint; readonly vector: DomainPoint };
}

export function vec(state: OptimizerInspection, key: string): DomainPoint | undefined {
  const v = state[key];
  return Array.isArray(v) && v.length >= 2 ? [v[0] as number, v[1] as number] : undefined;
}

function num(state: OptimizerInspection, key: string): number | undefined {
  const v = state[key];
  return typeof v === 'number' ? v : undefined;
}

export const times = (s: number, v: DomainPoint): DomainPoint => [s * v[0], s * v[1]];
const each = (a: DomainPoint, b: DomainPoint, f: (x: number, y: number) => number): DomainPoint => [
  f(a[0], b[0]),
  f(a[1], b[1]),
];

/** What a family's reader gets: the step, its config, its parameter specs and g_t. */
interface Reading {
  readonly step: StepInspection;
  readonly state: OptimizerInspection;
  readonly config: OptimizerConfig;
  readonly lr: number;
  /** The gradient the optimizer used (its own `g` when it keeps one, else the step's). */
  readonly g: DomainPoint;
  readonly param: (name: string) => number;
  readonly betas: () => readonly (number | null)[];
}

type Reader = (r: Reading) => HiddenState;

const adamLike: Reader = ({ state, lr, param }) => {
  const mHat = vec(state, 'm_hat');
  const vHat = vec(state, 'v_hat');
  const eps = param('eps');
  return {
    ...(mHat ? { mHat: times(-lr, mHat), direction: mHat } : {}),
    ...(mHat && vHat ? { box: each(mHat, vHat, (m, v) => (-lr * m) / (Math.sqrt(v) + eps)) } : {}),
  };
};

/** Each family's reading (torch.optim's formulas, see each family's file); absent: gradient only. */
const READERS: Readonly<Partial<Record<OptimizerType, Reader>>> = {
  sgd: ({ state, step, config, lr, param }) => {
    const b = vec(state, 'b');
    if (!b) return {};
    const buffer = times(-lr, b);
    if (config.nesterov !== true) return { buffer };
    // torch's Nesterov step is θ − η(g + μ b): the momentum carries the point to θ − η μ b.
    const mu = step.momentum ?? param('momentum');
    return { buffer, lookahead: times(-lr * mu, b) };
  },
  rmsprop: ({ state, lr, g }) => {
    const denom = vec(state, 'denom');
    const b = vec(state, 'b');
    return {
      ...(denom
        ? {
            scaled: {
              vector: times(-lr, [g[0] / denom[0], g[1] / denom[1]]),
              factor: [1 / denom[0], 1 / denom[1]] as DomainPoint,
            },
            box: each(g, denom, (gi, d) => (-lr * gi) / d),
          }
        : {}),
      ...(b ? { buffer: times(-lr, b) } : {}),
    };
  },
  adam: adamLike,
  adamw: adamLike,
  radam: ({ state, lr, param, betas }) => {
    const mHat = vec(state, 'm_hat');
    const v = vec(state, 'v');
    const rect = num(state, 'rect');
    const t = num(state, 'step');
    let box: DomainPoint | undefined;
    // Before ρ_t > 5 RAdam takes plain momentum steps: no adaptive box.
    if (mHat && v && rect !== undefined && rect > 0 && t !== undefined) {
      const bc2Sqrt = Math.sqrt(1 - betas()[1]! ** t);
      const eps = param('eps');
      box = each(mHat, v, (m, vi) => -lr * m * rect * (bc2Sqrt / (Math.sqrt(vi) + eps)));
    }
    return {
      ...(mHat ? { mHat: times(-lr, mHat), direction: mHat } : {}),
      ...(box ? { box } : {}),
    };
  },
  nadam: ({ state, step, lr, g }) => {
    const m = vec(state, 'm');
    const denom = vec(state, 'denom');
    const mu = num(state, 'mu');
    const muNext = num(state, 'mu_next');
    const pi = num(state, 'mu_product');
    const out: { -readonly [K in keyof HiddenState]: HiddenState[K] } = {};
    if (m && muNext !== undefined && pi !== undefined) out.mHat = times(-lr / (1 - pi * muNext), m);
    if (m && denom && mu !== undefined && muNext !== undefined && pi !== undefined) {
      const gradScale = (-lr * (1 - mu)) / (1 - pi);
      const avgScale = (-lr * muNext) / (1 - pi * muNext);
      out.box = [
        (gradScale * g[0]) / denom[0] + (avgScale * m[0]) / denom[0],
        (gradScale * g[1]) / denom[1] + (avgScale * m[1]) / denom[1],
      ];
    }
    if (denom && lr > 0) {
      // The update is −η·(blend of m and g)/d, so −η·blend = update ⊙ d.
      const blend: DomainPoint = [step.update[0] * denom[0], step.update[1] * denom[1]];
      out.blend = blend;
      out.direction = times(-1 / lr, blend);
    }
    return out;
  },
  adamax: ({ state, lr }) => {
    const m = vec(state, 'm');
    const u = vec(state, 'u');
    const clr = num(state, 'clr');
    if (!m || clr === undefined) return {};
    // clr = η / (1 − β₁ᵗ), so −clr·m = −η m̂.
    return {
      mHat: times(-clr, m),
      ...(lr > 0 ? { direction: times(clr / lr, m) } : {}),
      ...(u ? { box: each(m, u, (mi, ui) => (-clr * mi) / ui) } : {}),
    };
  },
  adagrad: ({ state, g, param }) => {
    const sum = vec(state, 'sum');
    const clr = num(state, 'clr');
    const eps = param('eps');
    return {
      direction: g,
      ...(sum && clr !== undefined
        ? { box: each(g, sum, (gi, s) => (-clr * gi) / (Math.sqrt(s) + eps)) }
        : {}),
    };
  },
  adadelta: ({ state, lr, g }) => {
    const delta = vec(state, 'delta');
    return { direction: g, ...(delta ? { box: times(-lr, delta) } : {}) };
  },
  adafactor: ({ state }) => {
    const u = vec(state, 'u');
    const alpha = num(state, 'alpha_t');
    const clip = num(state, 'clip');
    return u && alpha !== undefined && clip !== undefined ? { box: times(-alpha / clip, u) } : {};
  },
  rprop: ({ state, g }) => {
    const size = vec(state, 'step_size');
    const eta = vec(state, 'eta_t');
    // A coordinate whose gradient changed sign (e_t = η− < 1) skips its step.
    if (!size || !eta) return {};
    const side = (i: 0 | 1): number => (eta[i] < 1 ? 0 : -Math.sign(g[i]) * size[i]);
    return { box: [side(0), side(1)] };
  },
  lbfgs: ({ state }) => {
    const d = vec(state, 'd');
    const alpha = num(state, 't_ls');
    const theta = vec(state, 'theta');
    if (!d || alpha === undefined || !theta) return {};
    const vector = times(alpha, d);
    return { search: { from: [theta[0] - vector[0], theta[1] - vector[1]], vector } };
  },
};

/** The gradient the optimizer used at this step (its own `g` when it keeps one). */
export function usedGradient(step: StepInspection): DomainPoint {
  return vec(step.state, 'g') ?? step.grad;
}

/** The hidden state of `config`'s family at `step` (empty for a family that keeps none drawn). */
export function hiddenState(step: StepInspection, config: OptimizerConfig): HiddenState {
  const read = READERS[config.type];
  if (!read) return {};
  const params = OPTIMIZERS[config.type].params;
  return read({
    step,
    state: step.state,
    config,
    lr: step.lr,
    g: usedGradient(step),
    param: (name) => numberParam(params, config, name),
    betas: () => tupleParam(params, config, 'betas'),
  });
}
