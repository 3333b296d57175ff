/**
 * The optimizer's hidden state as map glyphs (issue 14): for the step k → k + 1 under the playback
 * cursor, the vectors an optimizer keeps but a path does not show, read from its own `inspect()`
 * state (through `inspectStep`, which replays the run to step k):
 *
 * - `gradient`: −η g_t, where plain gradient descent would go;
 * - `momentum`: SGD's buffer −η b_t (heavy ball), NAG's look-ahead −η μ b_t (torch's Nesterov form
 *   steps θ − η(g + μ b): the momentum carries the point to θ − η μ b, the gradient does the rest),
 *   RMSProp's buffer, Adam / AdamW / RAdam / Adamax's −η m̂_t, NAdam's −η m_t / (1 − π_t μ_{t+1});
 * - `box`: the per-coordinate adaptive step, a signed vector whose components are the box's sides
 *   (AdaGrad, RMSProp, Adam, AdamW, RAdam once rectified, NAdam, Adamax, AdaDelta, Adafactor, Rprop);
 * - `search`: L-BFGS's last search direction α·d, drawn from the point it left, θ_t − α d.
 *
 * All vectors are displacements in domain units at this step's (scheduled) learning rate.
 */
import { OPTIMIZERS } from '../optimizers';
import { numberParam, tupleParam } from '../optimizers/common';
import { inspectStep } from '../inspectStep';
import type { DomainPoint, OptimizerInspection, Scene, Surface } from '../types';

/** Which momentum-like state an arrow shows (the label the map gives it). */
export type MomentumKind = 'buffer' | 'lookahead' | 'm-hat';

/** The glyphs of one step of one optimizer. */
export interface StateGlyphs {
  readonly k: number;
  /** Point k, where gradient, momentum and box start (domain units). */
  readonly point: DomainPoint;
  /** η of this step (after the schedule). */
  readonly lr: number;
  /** −η g_t. */
  readonly gradient: DomainPoint;
  readonly momentum?: { readonly kind: MomentumKind; readonly vector: DomainPoint };
  /** Signed per-coordinate step: the box spans point … point + box. */
  readonly box?: DomainPoint;
  /** L-BFGS: the last inner iteration's step α d, from `from` (= θ_t − α d). */
  readonly search?: { readonly from: DomainPoint; readonly vector: DomainPoint };
}

function vec(state: OptimizerInspection, key: string): DomainPoint | undefined {
  const v = state[key];
  return Array.isArray(v) && v.length >= 2 ? [v[0] as number, v[1] as number] : undefined;
}

function num(state: OptimizerInspection, key: string): number | undefined {
  const v = state[key];
  return typeof v === 'number' ? v : undefined;
}

const times = (s: number, v: DomainPoint): DomainPoint => [s * v[0], s * v[1]];
const each = (a: DomainPoint, b: DomainPoint, f: (x: number, y: number) => number): DomainPoint => [
  f(a[0], b[0]),
  f(a[1], b[1]),
];

/**
 * The glyphs of step k (k → k + 1) of optimizer `index` of the scene; undefined when k is out of
 * range or the run diverged before it. Each optimizer's formula is torch.optim's (see its file).
 */
export function stateGlyphs(
  surface: Surface,
  scene: Scene,
  index: number,
  k: number,
): StateGlyphs | undefined {
  const step = inspectStep(surface, scene, index, k);
  const config = scene.optimizers[index];
  if (!step || !config) return undefined;
  const { state, lr } = step;
  const params = OPTIMIZERS[config.type].params;
  const g = vec(state, 'g') ?? step.grad;
  let momentum: StateGlyphs['momentum'];
  let box: DomainPoint | undefined;
  let search: StateGlyphs['search'];

  switch (config.type) {
    case 'sgd': {
      const b = vec(state, 'b');
      if (b && config.nesterov === true) {
        const mu = step.momentum ?? numberParam(params, config, 'momentum');
        momentum = { kind: 'lookahead', vector: times(-lr * mu, b) };
      } else if (b) momentum = { kind: 'buffer', vector: times(-lr, b) };
      break;
    }
    case 'rmsprop': {
      const denom = vec(state, 'denom');
      if (denom) box = each(g, denom, (gi, d) => (-lr * gi) / d);
      const b = vec(state, 'b');
      if (b) momentum = { kind: 'buffer', vector: times(-lr, b) };
      break;
    }
    case 'adam':
    case 'adamw': {
      const mHat = vec(state, 'm_hat');
      const vHat = vec(state, 'v_hat');
      const eps = numberParam(params, config, 'eps');
      if (mHat) momentum = { kind: 'm-hat', vector: times(-lr, mHat) };
      if (mHat && vHat) box = each(mHat, vHat, (m, v) => (-lr * m) / (Math.sqrt(v) + eps));
      break;
    }
    case 'radam': {
      const mHat = vec(state, 'm_hat');
      const v = vec(state, 'v');
      const rect = num(state, 'rect');
      const t = num(state, 'step');
      if (mHat) momentum = { kind: 'm-hat', vector: times(-lr, mHat) };
      // Before ρ_t > 5 RAdam takes plain momentum steps: no adaptive box.
      if (mHat && v && rect !== undefined && rect > 0 && t !== undefined) {
        const beta2 = tupleParam(params, config, 'betas')[1]!;
        const eps = numberParam(params, config, 'eps');
        const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
        box = each(mHat, v, (m, vi) => -lr * m * rect * (bc2Sqrt / (Math.sqrt(vi) + eps)));
      }
      break;
    }
    case 'nadam': {
      const m = vec(state, 'm');
      const denom = vec(state, 'denom');
      const mu = num(state, 'mu');
      const muNext = num(state, 'mu_next');
      const pi = num(state, 'mu_product');
      if (m && muNext !== undefined && pi !== undefined)
        momentum = { kind: 'm-hat', vector: times(-lr / (1 - pi * muNext), m) };
      if (m && denom && mu !== undefined && muNext !== undefined && pi !== undefined) {
        const gradScale = (-lr * (1 - mu)) / (1 - pi);
        const avgScale = (-lr * muNext) / (1 - pi * muNext);
        box = [
          (gradScale * g[0]) / denom[0] + (avgScale * m[0]) / denom[0],
          (gradScale * g[1]) / denom[1] + (avgScale * m[1]) / denom[1],
        ];
      }
      break;
    }
    case 'adamax': {
      const m = vec(state, 'm');
      const u = vec(state, 'u');
      const clr = num(state, 'clr');
      // clr = η / (1 − β₁ᵗ), so −clr·m = −η m̂.
      if (m && clr !== undefined) momentum = { kind: 'm-hat', vector: times(-clr, m) };
      if (m && u && clr !== undefined) box = each(m, u, (mi, ui) => (-clr * mi) / ui);
      break;
    }
    case 'adagrad': {
      const sum = vec(state, 'sum');
      const clr = num(state, 'clr');
      const eps = numberParam(params, config, 'eps');
      if (sum && clr !== undefined)
        box = each(g, sum, (gi, s) => (-clr * gi) / (Math.sqrt(s) + eps));
      break;
    }
    case 'adadelta': {
      const delta = vec(state, 'delta');
      if (delta) box = times(-lr, delta);
      break;
    }
    case 'adafactor': {
      const u = vec(state, 'u');
      const alpha = num(state, 'alpha_t');
      const clip = num(state, 'clip');
      if (u && alpha !== undefined && clip !== undefined) box = times(-alpha / clip, u);
      break;
    }
    case 'rprop': {
      const size = vec(state, 'step_size');
      const eta = vec(state, 'eta_t');
      // A coordinate whose gradient changed sign (e_t = η− < 1) skips its step.
      if (size && eta)
        box = [0, 1].map((i) => (eta[i]! < 1 ? 0 : -Math.sign(g[i]!) * size[i]!)) as [
          number,
          number,
        ];
      break;
    }
    case 'lbfgs': {
      const d = vec(state, 'd');
      const alpha = num(state, 't_ls');
      const theta = vec(state, 'theta');
      if (d && alpha !== undefined && theta) {
        const vector = times(alpha, d);
        search = { from: [theta[0] - vector[0], theta[1] - vector[1]], vector };
      }
      break;
    }
  }
  return {
    k,
    point: step.point,
    lr,
    gradient: times(-lr, g),
    ...(momentum ? { momentum } : {}),
    ...(box ? { box } : {}),
    ...(search ? { search } : {}),
  };
}
