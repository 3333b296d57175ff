/**
 * The update rule of one step with its numbers filled in, e.g.
 * `b_t = 0.9 · (−0.8, 4) + (−0.784, 3.2) = (−1.504, 6.8)`. Built only from the app's own
 * templates and numbers it formats itself, never from user text, so it is safe to hand to KaTeX.
 *
 * The right-most value of every line is the engine's own state after the step (what torch would
 * hold); the middle shows the inputs a learner would plug into the rule in the panel above it.
 */
import { momentumKeyOf, OPTIMIZERS, STATE_TEX } from '../../engine/optimizers';
import type { DomainPoint, OptimizerConfig, OptimizerInspection } from '../../engine/types';
import { formatNumber, formatVector } from './format';
import { formulaText } from './strings';
import { texTextEscape } from './texWords';

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

type Vec = readonly number[];

const V = (v: Vec): string => formatVector(v, 'tex');
const N = (x: number): string => formatNumber(x, 'tex');
/** A number as a factor: negative numbers get parentheses so `0.9 \cdot (-2)` reads right. */
const F = (x: number): string => (x < 0 ? `\\left(${N(x)}\\right)` : N(x));

function vecOf(state: OptimizerInspection | undefined, key: string): Vec | undefined {
  const value = state?.[key];
  return Array.isArray(value) ? (value as Vec) : undefined;
}

function numOf(state: OptimizerInspection | undefined, key: string): number | undefined {
  const value = state?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** A hyper-parameter of `config`, or the family's torch default. */
function hyper(
  config: OptimizerConfig,
  name: string,
): number | boolean | readonly [number, number] | undefined {
  const own = (config as unknown as Readonly<Record<string, unknown>>)[name];
  if (typeof own === 'number' || typeof own === 'boolean') return own;
  if (Array.isArray(own) && typeof own[0] === 'number' && typeof own[1] === 'number') {
    return [own[0], own[1]];
  }
  const fallback = OPTIMIZERS[config.type].params.find((p) => p.name === name)?.default;
  if (typeof fallback === 'number' || typeof fallback === 'boolean') return fallback;
  if (
    Array.isArray(fallback) &&
    typeof fallback[0] === 'number' &&
    typeof fallback[1] === 'number'
  ) {
    return [fallback[0], fallback[1]];
  }
  return undefined;
}

function hyperNumber(config: OptimizerConfig, name: string, fallback = 0): number {
  const v = hyper(config, name);
  return typeof v === 'number' ? v : fallback;
}

function hyperBool(config: OptimizerConfig, name: string): boolean {
  return hyper(config, name) === true;
}

function betas(config: OptimizerConfig): readonly [number, number] {
  const v = hyper(config, 'betas');
  return Array.isArray(v) ? (v as readonly [number, number]) : [0.9, 0.999];
}

const zeros = (n: number): Vec => new Array<number>(n).fill(0);
/** One aligned row `lhs &= a = b = …`; reflowTex breaks its chain and terms on narrow panels. */
const line = (lhs: string, ...rhs: string[]): string => `${lhs} &= ${rhs.join(' = ')}`;

/** Unknown state key → a `symbol = value` line, so a new family still shows its numbers. */
function genericLines(state: OptimizerInspection): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(state)) {
    if (key === 'step' || key === 'lr' || key === 'g' || key === 'theta') continue;
    const symbol = STATE_TEX[key] ?? `\\text{${key.replace(/[^A-Za-z0-9 ]/g, ' ')}}`;
    lines.push(line(symbol, typeof value === 'number' ? N(value) : V(value)));
  }
  return lines;
}

/**
 * TeX lines (for an `aligned` block) of step `s.k` of optimizer `config` with its numbers
 * substituted: the gradient, each state update, the new θ and the step Δθ.
 */
export function substitutedLines(config: OptimizerConfig, s: StepNumbers): string[] {
  const t = s.k + 1;
  const theta0 = [s.point[0], s.point[1]] as const;
  const state = s.state;
  const g = vecOf(state, 'g') ?? [s.grad[0], s.grad[1]];
  const theta = vecOf(state, 'theta') ?? [s.point[0] + s.update[0], s.point[1] + s.update[1]];
  const n = g.length;
  const prev = (key: string, initial: Vec = zeros(n)): Vec => vecOf(s.prev, key) ?? initial;
  const lr = s.lr;
  const weightDecay = hyperNumber(config, 'weight_decay');
  // AdamW, Adafactor and Muon always shrink θ instead; Adam, NAdam and RAdam on request (torch 2.x).
  const decoupled =
    config.type === 'adamw' ||
    config.type === 'adafactor' ||
    config.type === 'muon' ||
    config.decoupled_weight_decay === true;
  // torch 2.x's maximize negates the gradient before anything else.
  const sign = config.maximize === true ? '-' : '';

  const lines: string[] = [];
  const clip = config.clip_grad_norm;
  // Gradient noise (issue 14) is added to ∇f before clipping, as p.grad += δ after backward.
  const noisy = s.noise !== undefined ? ' + \\delta_t' : '';
  if (s.noise !== undefined) lines.push(line('\\delta_t', V(s.noise)));
  const nabla =
    sign +
    (clip !== undefined
      ? `\\operatorname{clip}_{${N(clip)}}\\!\\big(\\nabla f${V(theta0)}${noisy}\\big)`
      : `\\nabla f${V(theta0)}${noisy}`);
  if (weightDecay !== 0 && !decoupled) {
    lines.push(
      line(
        'g_t',
        `${nabla} + ${N(weightDecay)} \\cdot ${V(theta0)}`,
        `${sign}${V(s.grad)} + ${N(weightDecay)} \\cdot ${V(theta0)}`,
        V(g),
      ),
    );
  } else {
    lines.push(line('g_t', nabla, V(g)));
  }
  if (config.schedule !== undefined) lines.push(line('\\eta', N(lr)));
  // The momentum or β1 a one-cycle or cyclic schedule set for this step (torch's param group).
  if (s.momentum !== undefined) {
    lines.push(line(momentumKeyOf(config.type) === 'betas' ? '\\beta_1' : '\\mu', N(s.momentum)));
  }

  let thetaPrev: Vec = theta0;
  const thetaLine = (rule: string, numbers: string): void => {
    lines.push(line('\\theta_t', rule, numbers, V(theta)));
  };

  switch (config.type) {
    case 'sgd': {
      const momentum = hyperNumber(config, 'momentum');
      const dampening = hyperNumber(config, 'dampening');
      const nesterov = hyperBool(config, 'nesterov');
      const b = vecOf(state, 'b');
      if (momentum === 0 || b === undefined) {
        thetaLine('\\theta_{t-1} - \\eta\\, g_t', `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(g)}`);
        break;
      }
      if (t === 1 || s.prev === undefined) {
        lines.push(line('b_1', 'g_1', V(b)));
      } else {
        const keep = dampening !== 0 ? `${N(1 - dampening)} \\cdot ` : '';
        lines.push(line('b_t', `${N(momentum)} \\cdot ${V(prev('b'))} + ${keep}${V(g)}`, V(b)));
      }
      if (nesterov) {
        thetaLine(
          '\\theta_{t-1} - \\eta\\,(g_t + \\mu\\, b_t)',
          `${V(thetaPrev)} - ${N(lr)} \\cdot \\big(${V(g)} + ${N(momentum)} \\cdot ${V(b)}\\big)`,
        );
      } else {
        thetaLine('\\theta_{t-1} - \\eta\\, b_t', `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(b)}`);
      }
      break;
    }
    case 'adagrad': {
      const sum = vecOf(state, 'sum');
      const clr = numOf(state, 'clr') ?? lr;
      const eps = hyperNumber(config, 'eps');
      if (sum === undefined) return [...lines, ...genericLines(state)];
      if (hyperNumber(config, 'lr_decay') !== 0) {
        lines.push(
          line(
            '\\eta_t',
            `\\frac{${N(lr)}}{1 + ${t - 1} \\cdot ${N(hyperNumber(config, 'lr_decay'))}}`,
            N(clr),
          ),
        );
      }
      const s0 = zeros(n).map(() => hyperNumber(config, 'initial_accumulator_value'));
      lines.push(line('s_t', `${V(prev('sum', s0))} + ${V(g)}^2`, V(sum)));
      thetaLine(
        '\\theta_{t-1} - \\eta_t \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
        `${V(thetaPrev)} - ${N(clr)} \\cdot \\frac{${V(g)}}{\\sqrt{${V(sum)}} + ${N(eps)}}`,
      );
      break;
    }
    case 'adadelta': {
      const rho = hyperNumber(config, 'rho');
      const eps = hyperNumber(config, 'eps');
      const v = vecOf(state, 'v');
      const delta = vecOf(state, 'delta');
      const u = vecOf(state, 'u');
      if (v === undefined || delta === undefined || u === undefined)
        return [...lines, ...genericLines(state)];
      const uPrev = prev('u');
      lines.push(
        line('v_t', `${N(rho)} \\cdot ${V(prev('v'))} + ${N(1 - rho)} \\cdot ${V(g)}^2`, V(v)),
      );
      lines.push(
        line(
          '\\Delta_t',
          `\\frac{\\sqrt{${V(uPrev)} + ${N(eps)}}}{\\sqrt{${V(v)} + ${N(eps)}}} \\odot ${V(g)}`,
          V(delta),
        ),
      );
      lines.push(
        line('u_t', `${N(rho)} \\cdot ${V(uPrev)} + ${N(1 - rho)} \\cdot ${V(delta)}^2`, V(u)),
      );
      thetaLine(
        '\\theta_{t-1} - \\eta\\, \\Delta_t',
        `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(delta)}`,
      );
      break;
    }
    case 'rmsprop': {
      const alpha = hyperNumber(config, 'alpha');
      const eps = hyperNumber(config, 'eps');
      const momentum = hyperNumber(config, 'momentum');
      const v = vecOf(state, 'v');
      const d = vecOf(state, 'denom');
      if (v === undefined || d === undefined) return [...lines, ...genericLines(state)];
      lines.push(
        line('v_t', `${N(alpha)} \\cdot ${V(prev('v'))} + ${N(1 - alpha)} \\cdot ${V(g)}^2`, V(v)),
      );
      const gbar = vecOf(state, 'gbar');
      if (gbar !== undefined) {
        lines.push(
          line(
            '\\bar{g}_t',
            `${N(alpha)} \\cdot ${V(prev('gbar'))} + ${N(1 - alpha)} \\cdot ${V(g)}`,
            V(gbar),
          ),
        );
        lines.push(line('d_t', `\\sqrt{${V(v)} - ${V(gbar)}^2} + ${N(eps)}`, V(d)));
      } else {
        lines.push(line('d_t', `\\sqrt{${V(v)}} + ${N(eps)}`, V(d)));
      }
      const b = vecOf(state, 'b');
      if (momentum > 0 && b !== undefined) {
        lines.push(
          line('b_t', `${N(momentum)} \\cdot ${V(prev('b'))} + ${V(g)} \\oslash ${V(d)}`, V(b)),
        );
        thetaLine('\\theta_{t-1} - \\eta\\, b_t', `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(b)}`);
      } else {
        thetaLine(
          '\\theta_{t-1} - \\eta\\, g_t / d_t',
          `${V(thetaPrev)} - ${N(lr)} \\cdot \\frac{${V(g)}}{${V(d)}}`,
        );
      }
      break;
    }
    case 'adam':
    case 'adamw': {
      const [b1, b2] = betas(config);
      const eps = hyperNumber(config, 'eps');
      const m = vecOf(state, 'm');
      const v = vecOf(state, 'v');
      const mHat = vecOf(state, 'm_hat');
      const vHat = vecOf(state, 'v_hat');
      if (m === undefined || v === undefined || mHat === undefined || vHat === undefined) {
        return [...lines, ...genericLines(state)];
      }
      if (decoupled) {
        const shrunk = thetaPrev.map((p) => p * (1 - lr * weightDecay));
        lines.push(
          line(
            '\\theta_{t-1}',
            `(1 - ${N(lr)} \\cdot ${N(weightDecay)}) \\cdot ${V(thetaPrev)}`,
            V(shrunk),
          ).replace('&=', '&\\leftarrow'),
        );
        thetaPrev = shrunk;
      }
      lines.push(
        line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)),
      );
      lines.push(
        line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)),
      );
      const vMax = vecOf(state, 'v_max');
      if (vMax !== undefined) {
        lines.push(
          line('v^{\\max}_t', `\\max\\big(${V(prev('v_max'))},\\, ${V(v)}\\big)`, V(vMax)),
        );
      }
      lines.push(line('\\hat{m}_t', `\\frac{${V(m)}}{1 - ${N(b1)}^{${t}}}`, V(mHat)));
      lines.push(line('\\hat{v}_t', `\\frac{${V(vMax ?? v)}}{1 - ${N(b2)}^{${t}}}`, V(vHat)));
      thetaLine(
        '\\theta_{t-1} - \\eta\\, \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}',
        `${V(thetaPrev)} - ${N(lr)} \\cdot \\frac{${V(mHat)}}{\\sqrt{${V(vHat)}} + ${N(eps)}}`,
      );
      break;
    }
    case 'adamax': {
      const [b1, b2] = betas(config);
      const eps = hyperNumber(config, 'eps');
      const m = vecOf(state, 'm');
      const u = vecOf(state, 'u');
      const clr = numOf(state, 'clr');
      if (m === undefined || u === undefined || clr === undefined)
        return [...lines, ...genericLines(state)];
      lines.push(
        line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)),
      );
      lines.push(
        line(
          'u_t',
          `\\max\\big(${N(b2)} \\cdot ${V(prev('u'))},\\, |${V(g)}| + ${N(eps)}\\big)`,
          V(u),
        ),
      );
      lines.push(line('\\eta_t', `\\frac{${N(lr)}}{1 - ${N(b1)}^{${t}}}`, N(clr)));
      thetaLine(
        '\\theta_{t-1} - \\eta_t\\, m_t / u_t',
        `${V(thetaPrev)} - ${N(clr)} \\cdot \\frac{${V(m)}}{${V(u)}}`,
      );
      break;
    }
    case 'nadam': {
      const [b1, b2] = betas(config);
      const m = vecOf(state, 'm');
      const v = vecOf(state, 'v');
      const d = vecOf(state, 'denom');
      const mu = numOf(state, 'mu');
      const muNext = numOf(state, 'mu_next');
      const pi = numOf(state, 'mu_product');
      if (
        m === undefined ||
        v === undefined ||
        d === undefined ||
        mu === undefined ||
        muNext === undefined ||
        pi === undefined
      ) {
        return [...lines, ...genericLines(state)];
      }
      lines.push(`\\mu_t &= ${N(mu)}, \\quad \\mu_{t+1} = ${N(muNext)}, \\quad \\pi_t = ${N(pi)}`);
      lines.push(
        line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)),
      );
      lines.push(
        line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)),
      );
      const eps = hyperNumber(config, 'eps');
      lines.push(line('d_t', `\\sqrt{${V(v)} / (1 - ${N(b2)}^{${t}})} + ${N(eps)}`, V(d)));
      // The two coefficients of torch 2.x's update, as the rule above writes them.
      const cg = (lr * (1 - mu)) / (1 - pi);
      const cm = (lr * muNext) / (1 - pi * muNext);
      lines.push(
        `c_g &= \\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t} = ${N(cg)}, \\quad ` +
          `c_m = \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_{t+1}} = ${N(cm)}`,
      );
      thetaLine(
        '\\theta_{t-1} - c_g\\, g_t / d_t - c_m\\, m_t / d_t',
        `${V(thetaPrev)} - ${N(cg)} \\cdot \\frac{${V(g)}}{${V(d)}} - ${N(cm)} \\cdot \\frac{${V(m)}}{${V(d)}}`,
      );
      break;
    }
    case 'radam': {
      const [b1, b2] = betas(config);
      const eps = hyperNumber(config, 'eps');
      const m = vecOf(state, 'm');
      const v = vecOf(state, 'v');
      const mHat = vecOf(state, 'm_hat');
      const rhoT = numOf(state, 'rho_t');
      const rect = numOf(state, 'rect');
      if (m === undefined || v === undefined || mHat === undefined || rhoT === undefined) {
        return [...lines, ...genericLines(state)];
      }
      lines.push(
        line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)),
      );
      lines.push(line('\\hat{m}_t', `\\frac{${V(m)}}{1 - ${N(b1)}^{${t}}}`, V(mHat)));
      lines.push(
        line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)),
      );
      if (rhoT > 5 && rect !== undefined) {
        lines.push(`\\rho_t &= ${N(rhoT)} > 5, \\quad r_t = ${N(rect)}`);
        const bc2 = Math.sqrt(1 - b2 ** t);
        thetaLine(
          '\\theta_{t-1} - \\eta\\, \\hat{m}_t \\frac{\\sqrt{1 - \\beta_2^t}}{\\sqrt{v_t} + \\epsilon}\\, r_t',
          `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(mHat)} \\odot \\frac{${N(bc2)}}{\\sqrt{${V(v)}} + ${N(eps)}} \\cdot ${F(rect)}`,
        );
      } else {
        lines.push(`\\rho_t &= ${N(rhoT)} \\le 5`);
        thetaLine(
          '\\theta_{t-1} - \\eta\\, \\hat{m}_t',
          `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(mHat)}`,
        );
      }
      break;
    }
    // torch 2.x additions (issue 12): Rprop, ASGD, Adafactor, Muon, L-BFGS.
    case 'rprop': {
      const e = vecOf(state, 'eta_t');
      const size = vecOf(state, 'step_size');
      if (e === undefined || size === undefined) return [...lines, ...genericLines(state)];
      const etas = hyper(config, 'etas');
      const etaMinus = Array.isArray(etas) ? (etas as readonly number[])[0]! : 0.5;
      // torch zeroes the gradient where the sign flipped (e_t = η−), so that coordinate waits.
      const kept = g.map((x, i) => (e[i] === etaMinus ? 0 : x));
      const before = s.prev === undefined ? zeros(n).map(() => lr) : prev('step_size');
      lines.push(line('e_t', V(e)));
      lines.push(
        line('\\delta_t', `\\operatorname{clamp}\\big(${V(e)} \\odot ${V(before)}\\big)`, V(size)),
      );
      thetaLine(
        '\\theta_{t-1} - \\operatorname{sign}(g_t)\\, \\delta_t',
        `${V(thetaPrev)} - \\operatorname{sign}${V(kept)} \\odot ${V(size)}`,
      );
      break;
    }
    case 'asgd': {
      const eta = numOf(state, 'clr');
      const nu = numOf(state, 'mu_avg');
      const ax = vecOf(state, 'ax');
      if (eta === undefined || nu === undefined || ax === undefined) {
        return [...lines, ...genericLines(state)];
      }
      const lambd = hyperNumber(config, 'lambd');
      lines.push(line('\\eta_t', N(eta)));
      thetaLine(
        '(1 - \\lambda_d \\eta_t)\\, \\theta_{t-1} - \\eta_t\\, g_t',
        `${N(1 - lambd * eta)} \\cdot ${V(thetaPrev)} - ${N(eta)} \\cdot ${V(g)}`,
      );
      lines.push(line('\\bar{\\theta}_t', `\\nu_t = ${N(nu)}`, V(ax)));
      break;
    }
    case 'adafactor': {
      const v = vecOf(state, 'v');
      const u = vecOf(state, 'u');
      const rho = numOf(state, 'rho_t');
      const alpha = numOf(state, 'alpha_t');
      const b2 = numOf(state, 'beta2_t');
      const clipDenom = numOf(state, 'clip');
      if (v === undefined || u === undefined || rho === undefined || alpha === undefined) {
        return [...lines, ...genericLines(state)];
      }
      lines.push(`\\rho_t &= ${N(rho)}, \\quad \\alpha_t = ${N(alpha)}`);
      if (b2 !== undefined) {
        lines.push(
          line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)),
        );
      }
      lines.push(line('u_t', `${V(g)} / \\sqrt{${V(v)}}`, V(u)));
      thetaLine(
        '\\theta_{t-1} - \\alpha_t\\, u_t / \\max(1, \\text{RMS}(u_t)/d)',
        `${V(thetaPrev)} - \\frac{${N(alpha)}}{${N(clipDenom ?? 1)}} \\cdot ${V(u)}`,
      );
      break;
    }
    case 'muon': {
      const b = vecOf(state, 'b');
      const bTilde = vecOf(state, 'b_tilde');
      const o = vecOf(state, 'o');
      const lrAdj = numOf(state, 'lr_adj');
      if (b === undefined || bTilde === undefined || o === undefined || lrAdj === undefined) {
        return [...lines, ...genericLines(state)];
      }
      const mu = hyperNumber(config, 'momentum');
      lines.push(
        line('b_t', `${N(mu)} \\cdot ${V(prev('b'))} + ${N(1 - mu)} \\cdot ${V(g)}`, V(b)),
      );
      lines.push(line('\\tilde{b}_t', V(bTilde)));
      const norm = Math.hypot(...bTilde);
      // A 1×2 matrix has one singular value, ‖b̃‖: orthogonalising keeps only the direction.
      lines.push(
        line(
          'O_t',
          `\\operatorname{NS}_k\\big(${V(bTilde)}\\big) \\approx ${V(bTilde)} / ${N(norm)}`,
          V(o),
        ),
      );
      const shrink = 1 - lr * weightDecay;
      thetaLine(
        `${weightDecay !== 0 ? '(1 - \\eta\\lambda)\\,' : ''}\\theta_{t-1} - \\eta'\\, O_t`,
        `${weightDecay !== 0 ? `${N(shrink)} \\cdot ` : ''}${V(thetaPrev)} - ${N(lrAdj)} \\cdot ${V(o)}`,
      );
      break;
    }
    case 'lbfgs': {
      const d = vecOf(state, 'd');
      const inner = numOf(state, 'inner');
      const evals = numOf(state, 'evals');
      const alpha = numOf(state, 't_ls');
      if (d === undefined || inner === undefined || evals === undefined) {
        return [...lines, ...genericLines(state)];
      }
      lines.push(
        `\\text{${texTextEscape(formulaText('formula.tex.innerIterations'))}} &= ${inner}, \\quad \\text{${texTextEscape(formulaText('formula.tex.evaluations'))}}\\ (f, \\nabla f) = ${evals}`,
      );
      if (d.length > 0 && alpha !== undefined) {
        lines.push(line('d', V(d)));
        lines.push(line('\\alpha', N(alpha)));
      }
      const moved = theta.map((v, i) => v - thetaPrev[i]!);
      thetaLine('\\theta_{t-1} + \\sum_i \\alpha_i d_i', `${V(thetaPrev)} + ${V(moved)}`);
      break;
    }
  }
  lines.push(line('\\Delta\\theta', '\\theta_t - \\theta_{t-1}', V(s.update)));
  return lines;
}

/**
 * {@link substitutedLines} as one KaTeX `aligned` block, one row per line; narrow panels break it
 * further with `reflowTex` (each `= …` of a chain, then each term, on its own row).
 */
export function substitutedTex(config: OptimizerConfig, s: StepNumbers): string {
  return `\\begin{aligned}\n${substitutedLines(config, s).join(' \\\\\n')}\n\\end{aligned}`;
}
