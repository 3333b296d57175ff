/**
 * torch.optim.Rprop: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { V, hyper, line, vecOf, zeros } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { aligned } from './symbols';

/** This step of torch.optim.Rprop with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { n, g, lr, state, prev, first } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const e = vecOf(state, 'eta_t');
  const size = vecOf(state, 'step_size');
  if (e === undefined || size === undefined) return undefined;
  const etas = hyper(config, 'etas');
  const etaMinus = Array.isArray(etas) ? (etas as readonly number[])[0]! : 0.5;
  // torch zeroes the gradient where the sign flipped (e_t = η−), so that coordinate waits.
  const kept = g.map((x, i) => (e[i] === etaMinus ? 0 : x));
  const before = first ? zeros(n).map(() => lr) : prev('step_size');
  lines.push(line('e_t', V(e)));
  lines.push(
    line('\\delta_t', `\\operatorname{clamp}\\big(${V(e)} \\odot ${V(before)}\\big)`, V(size)),
  );
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - \\operatorname{sign}(g_t)\\, \\delta_t',
      `${V(thetaPrev)} - \\operatorname{sign}${V(kept)} \\odot ${V(size)}`,
    ),
  );
  return lines;
}

function tex(_config: OptimizerConfig): string {
  return aligned([
    'g_t &= \\nabla f(\\theta_{t-1})',
    'e_t &= \\begin{cases} \\eta_+ & g_t\\, g_{t-1} > 0 \\\\ \\eta_- & g_t\\, g_{t-1} < 0 \\\\ 1 & \\text{otherwise} \\end{cases}',
    '\\delta_t &= \\operatorname{clamp}(e_t\\, \\delta_{t-1},\\ \\delta_{\\min},\\ \\delta_{\\max}), \\quad \\delta_0 = \\eta',
    'g_t &\\leftarrow 0 \\ \\text{where}\\ e_t = \\eta_-',
    '\\theta_t &= \\theta_{t-1} - \\operatorname{sign}(g_t)\\, \\delta_t',
  ]);
}

export const rpropFormula: OptimizerFormula = {
  tex,
  note:
    'Not in the notes: only the sign of each gradient coordinate is used. torch starts every step size at lr, multiplies it by ' +
    'η+ while the sign holds and by η− when it flips (then skips that coordinate once), within [step_sizes]; later lr changes do not reach it.',
  stepLines,
};
