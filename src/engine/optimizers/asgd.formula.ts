/**
 * torch.optim.ASGD: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, hyperNumber, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';

/** This step of torch.optim.ASGD with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { g, state } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const eta = numOf(state, 'clr');
  const nu = numOf(state, 'mu_avg');
  const ax = vecOf(state, 'ax');
  if (eta === undefined || nu === undefined || ax === undefined) {
    return undefined;
  }
  const lambd = hyperNumber(config, 'lambd');
  lines.push(line('\\eta_t', N(eta)));
  lines.push(
    f.thetaLine(
      '(1 - \\lambda_d \\eta_t)\\, \\theta_{t-1} - \\eta_t\\, g_t',
      `${N(1 - lambd * eta)} \\cdot ${V(thetaPrev)} - ${N(eta)} \\cdot ${V(g)}`,
    ),
  );
  lines.push(line('\\bar{\\theta}_t', `\\nu_t = ${N(nu)}`, V(ax)));
  return lines;
}

export const asgdFormula: OptimizerFormula = {
  note:
    "Not in the notes: SGD whose step η_t decays as η/(1 + λ_d·η·t)^α, plus an average θ̄ (torch's ax) of the iterates from step t0 on; " +
    'torch returns θ, not θ̄, and with the default t0 = 10⁶ the average simply equals θ.',
  stepLines,
};
