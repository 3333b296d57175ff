/**
 * torch.optim.Adamax: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, betas, hyperNumber, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { PARAMS } from './adamax.meta';
import { weightDecayGradientLines } from './common';
import { aligned } from './symbols';

/** This step of torch.optim.Adamax with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { t, g, lr, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const [b1, b2] = betas(config);
  const eps = hyperNumber(config, 'eps');
  const m = vecOf(state, 'm');
  const u = vecOf(state, 'u');
  const clr = numOf(state, 'clr');
  if (m === undefined || u === undefined || clr === undefined) return undefined;
  lines.push(line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)));
  lines.push(
    line('u_t', `\\max\\big(${N(b2)} \\cdot ${V(prev('u'))},\\, |${V(g)}| + ${N(eps)}\\big)`, V(u)),
  );
  lines.push(line('\\eta_t', `\\frac{${N(lr)}}{1 - ${N(b1)}^{${t}}}`, N(clr)));
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - \\eta_t\\, m_t / u_t',
      `${V(thetaPrev)} - ${N(clr)} \\cdot \\frac{${V(m)}}{${V(u)}}`,
    ),
  );
  return lines;
}

function tex(config: OptimizerConfig): string {
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    'm_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t',
    'u_t &= \\max(\\beta_2 u_{t-1},\\, |g_t| + \\epsilon)',
    '\\eta_t &= \\frac{\\eta}{1 - \\beta_1^t}',
    '\\theta_t &= \\theta_{t-1} - \\eta_t\\, \\frac{m_t}{u_t}',
  ]);
}

export const adamaxFormula: OptimizerFormula = {
  tex,
  note:
    "Not in the notes: Adam's variant from the same paper with an infinity-norm second moment; torch adds eps inside the max " +
    '(|g| + ε) rather than to the denominator.',
  stepLines,
};
