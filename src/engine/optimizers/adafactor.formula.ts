/**
 * torch.optim.Adafactor: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { PARAMS } from './adafactor.meta';
import { numberParam } from './common';
import { aligned } from './symbols';

/** This step of torch.optim.Adafactor with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(_config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { g, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const v = vecOf(state, 'v');
  const u = vecOf(state, 'u');
  const rho = numOf(state, 'rho_t');
  const alpha = numOf(state, 'alpha_t');
  const b2 = numOf(state, 'beta2_t');
  const clipDenom = numOf(state, 'clip');
  if (v === undefined || u === undefined || rho === undefined || alpha === undefined) {
    return undefined;
  }
  lines.push(`\\rho_t &= ${N(rho)}, \\quad \\alpha_t = ${N(alpha)}`);
  if (b2 !== undefined) {
    lines.push(
      line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)),
    );
  }
  lines.push(line('u_t', `${V(g)} / \\sqrt{${V(v)}}`, V(u)));
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - \\alpha_t\\, u_t / \\max(1, \\text{RMS}(u_t)/d)',
      `${V(thetaPrev)} - \\frac{${N(alpha)}}{${N(clipDenom ?? 1)}} \\cdot ${V(u)}`,
    ),
  );
  return lines;
}

function tex(config: OptimizerConfig): string {
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lines = ['g_t &= \\nabla f(\\theta_{t-1})'];
  lines.push(
    '\\rho_t &= \\min\\!\\left(\\eta,\\ \\tfrac{1}{\\sqrt{t}}\\right), \\quad \\alpha_t = \\max\\!\\left(\\epsilon_2,\\ \\tfrac{\\lVert\\theta_{t-1}\\rVert}{\\sqrt{n}}\\right) \\rho_t',
  );
  if (weightDecay !== 0) {
    lines.push('\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}');
  }
  lines.push(
    '\\hat{\\beta}_{2,t} &= 1 - t^{c}, \\quad v_t = \\hat{\\beta}_{2,t}\\, v_{t-1} + (1 - \\hat{\\beta}_{2,t})\\, g_t^2',
  );
  lines.push('u_t &= \\frac{g_t}{\\sqrt{\\max(v_t,\\ \\epsilon_1^2)}}');
  lines.push(
    '\\theta_t &= \\theta_{t-1} - \\frac{\\alpha_t}{\\max\\!\\left(1,\\ \\lVert u_t\\rVert / (\\sqrt{n}\\, d)\\right)}\\, u_t',
  );
  return aligned(lines);
}

export const adafactorFormula: OptimizerFormula = {
  tex,
  note:
    "Not in the notes: no first moment, β₂ rises with t (1 − t^c), and the step is relative to θ's own size (α_t); " +
    "on a matrix torch keeps only row and column averages of v (the memory saving), but the map's point is a vector, so v is kept whole, as torch does for vectors. " +
    'eps1 = null means float64 machine epsilon.',
  decoupled: () => true,
  stepLines,
};
