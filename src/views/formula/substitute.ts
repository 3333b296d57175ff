/**
 * The update rule of one step with its numbers filled in, e.g.
 * `b_t = 0.9 · (−0.8, 4) + (−0.784, 3.2) = (−1.504, 6.8)`. Built only from the app's own
 * templates and numbers it formats itself, never from user text, so it is safe to hand to KaTeX.
 *
 * The rows every family shares (δ_t, g_t, η, μ or β1, Δθ) are written here; each family's own rows
 * come from its `*.formula.ts` (engine/optimizers/formulas). The right-most value of every line is
 * the engine's own state after the step (what torch would hold); the middle shows the inputs a
 * learner would plug into the rule in the panel above it.
 */
import { momentumKeyOf, STATE_TEX } from '../../engine/optimizers';
import { formulaOf } from '../../engine/optimizers/formulas';
import type { StepFrame, StepNumbers } from '../../engine/optimizers/formulas';
import { hyperNumber, line, N, V, vecOf, zeros } from '../../engine/optimizers/stepTex';
import type { Vec } from '../../engine/optimizers/stepTex';
import type { OptimizerConfig, OptimizerInspection } from '../../engine/types';

export type { StepNumbers } from '../../engine/optimizers/formulas';

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
  const formula = formulaOf(config.type);
  // Some families always shrink θ instead (AdamW, Adafactor, Muon); Adam, NAdam, RAdam on request.
  const decoupled = formula.decoupled?.(config) ?? config.decoupled_weight_decay === true;
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

  const frame: StepFrame = {
    t,
    n,
    lr,
    g,
    thetaPrev: theta0,
    theta,
    state,
    first: s.prev === undefined,
    weightDecay,
    decoupled,
    prev,
    thetaLine: (rule, numbers) => line('\\theta_t', rule, numbers, V(theta)),
  };
  const own = formula.stepLines(config, frame);
  if (own === undefined) return [...lines, ...genericLines(state)];
  lines.push(...own);
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
