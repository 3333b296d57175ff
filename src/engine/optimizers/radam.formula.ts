/**
 * torch.optim.RAdam: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { F, N, V, betas, hyperNumber, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { weightDecayGradientLines } from './common';
import { PARAMS } from './radam.meta';
import { aligned } from './symbols';

/** This step of torch.optim.RAdam with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { t, g, lr, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const [b1, b2] = betas(config);
  const eps = hyperNumber(config, 'eps');
  const m = vecOf(state, 'm');
  const v = vecOf(state, 'v');
  const mHat = vecOf(state, 'm_hat');
  const rhoT = numOf(state, 'rho_t');
  const rect = numOf(state, 'rect');
  if (m === undefined || v === undefined || mHat === undefined || rhoT === undefined) {
    return undefined;
  }
  lines.push(line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)));
  lines.push(line('\\hat{m}_t', `\\frac{${V(m)}}{1 - ${N(b1)}^{${t}}}`, V(mHat)));
  lines.push(line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)));
  if (rhoT > 5 && rect !== undefined) {
    lines.push(`\\rho_t &= ${N(rhoT)} > 5, \\quad r_t = ${N(rect)}`);
    const bc2 = Math.sqrt(1 - b2 ** t);
    lines.push(
      f.thetaLine(
        '\\theta_{t-1} - \\eta\\, \\hat{m}_t \\frac{\\sqrt{1 - \\beta_2^t}}{\\sqrt{v_t} + \\epsilon}\\, r_t',
        `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(mHat)} \\odot \\frac{${N(bc2)}}{\\sqrt{${V(v)}} + ${N(eps)}} \\cdot ${F(rect)}`,
      ),
    );
  } else {
    lines.push(`\\rho_t &= ${N(rhoT)} \\le 5`);
    lines.push(
      f.thetaLine(
        '\\theta_{t-1} - \\eta\\, \\hat{m}_t',
        `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(mHat)}`,
      ),
    );
  }
  return lines;
}

function tex(config: OptimizerConfig): string {
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\quad \\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}',
    'v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
    '\\rho_t &= \\rho_\\infty - \\frac{2t\\, \\beta_2^t}{1 - \\beta_2^t}, \\quad \\rho_\\infty = \\frac{2}{1 - \\beta_2} - 1',
    'r_t &= \\sqrt{\\frac{(\\rho_t - 4)(\\rho_t - 2)\\,\\rho_\\infty}{(\\rho_\\infty - 4)(\\rho_\\infty - 2)\\,\\rho_t}}',
    '\\theta_t &= \\begin{cases} \\theta_{t-1} - \\eta\\, \\hat{m}_t\\, \\dfrac{\\sqrt{1 - \\beta_2^t}}{\\sqrt{v_t} + \\epsilon}\\, r_t & \\rho_t > 5 \\\\' +
      ' \\theta_{t-1} - \\eta\\, \\hat{m}_t & \\rho_t \\le 5 \\end{cases}',
  ]);
}

export const radamFormula: OptimizerFormula = {
  tex,
  note:
    'Not in the notes: Adam whose adaptive step is switched on only once the variance of v̂ is tractable (ρ_t > 5, the 6th step ' +
    'with β₂ = 0.999), and then scaled by r_t; before that it moves by η·m̂ alone.',
  stepLines,
};
