/**
 * torch.optim.NAdam: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, betas, hyperNumber, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { weightDecayGradientLines } from './common';
import { PARAMS } from './nadam.meta';
import { aligned } from './symbols';

/** This step of torch.optim.NAdam with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { t, g, lr, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

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
    return undefined;
  }
  lines.push(`\\mu_t &= ${N(mu)}, \\quad \\mu_{t+1} = ${N(muNext)}, \\quad \\pi_t = ${N(pi)}`);
  lines.push(line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)));
  lines.push(line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)));
  const eps = hyperNumber(config, 'eps');
  lines.push(line('d_t', `\\sqrt{${V(v)} / (1 - ${N(b2)}^{${t}})} + ${N(eps)}`, V(d)));
  // The two coefficients of torch 2.x's update, as the rule above writes them.
  const cg = (lr * (1 - mu)) / (1 - pi);
  const cm = (lr * muNext) / (1 - pi * muNext);
  lines.push(
    `c_g &= \\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t} = ${N(cg)}, \\quad ` +
      `c_m = \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_{t+1}} = ${N(cm)}`,
  );
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - c_g\\, g_t / d_t - c_m\\, m_t / d_t',
      `${V(thetaPrev)} - ${N(cg)} \\cdot \\frac{${V(g)}}{${V(d)}} - ${N(cm)} \\cdot \\frac{${V(m)}}{${V(d)}}`,
    ),
  );
  return lines;
}

function tex(config: OptimizerConfig): string {
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    '\\mu_t &= \\beta_1 \\left(1 - \\tfrac{1}{2}\\, 0.96^{t\\psi}\\right), \\quad \\mu_{t+1} = \\beta_1 \\left(1 - \\tfrac{1}{2}\\, 0.96^{(t+1)\\psi}\\right)',
    '\\pi_t &= \\pi_{t-1}\\, \\mu_t, \\quad \\pi_0 = 1',
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t',
    'v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
    'd_t &= \\sqrt{v_t / (1 - \\beta_2^t)} + \\epsilon',
    '\\theta_t &= \\theta_{t-1} - \\frac{\\eta\\,(1 - \\mu_t)}{1 - \\pi_t}\\, \\frac{g_t}{d_t}' +
      ' - \\frac{\\eta\\, \\mu_{t+1}}{1 - \\pi_t\\, \\mu_{t+1}}\\, \\frac{m_t}{d_t}',
  ]);
}

export const nadamFormula: OptimizerFormula = {
  tex,
  note:
    "Not in the notes' boxes (it joins their NAG and Adam). The momentum term is divided by 1 − π_t·μ_{t+1}, as in the paper " +
    'and torch 2.x; torch 1.13 divided by 1 − π_t·μ_t·μ_{t+1}, counting μ_t twice (fixed in torch 2.0), so a 1.13 run drifts from these paths.',
  stepLines,
};
