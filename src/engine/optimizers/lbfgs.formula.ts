/**
 * torch.optim.LBFGS: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { choiceParam } from './common';
import { PARAMS } from './lbfgs.meta';
import { aligned } from './symbols';

/** This step of torch.optim.LBFGS with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(_config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { theta, state } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const d = vecOf(state, 'd');
  const inner = numOf(state, 'inner');
  const evals = numOf(state, 'evals');
  const alpha = numOf(state, 't_ls');
  if (d === undefined || inner === undefined || evals === undefined) {
    return undefined;
  }
  lines.push(
    `\\text{inner iterations} &= ${inner}, \\quad \\text{evaluations}\\ (f, \\nabla f) = ${evals}`,
  );
  if (d.length > 0 && alpha !== undefined) {
    lines.push(line('d', V(d)));
    lines.push(line('\\alpha', N(alpha)));
  }
  const moved = theta.map((v, i) => v - thetaPrev[i]!);
  lines.push(f.thetaLine('\\theta_{t-1} + \\sum_i \\alpha_i d_i', `${V(thetaPrev)} + ${V(moved)}`));
  return lines;
}

function tex(config: OptimizerConfig): string {
  const wolfe = choiceParam(PARAMS, config, 'line_search_fn') === 'strong_wolfe';
  // maximize: torch 2.14 runs L-BFGS on −f (its loss and gradient negated at every evaluation).
  const gradient = config.maximize === true ? '-\\nabla f' : '\\nabla f';
  // Short lines: the panel is narrow, and each line is one idea of the algorithm.
  return aligned([
    `g &= ${gradient}(\\theta) \\quad (\\text{stop if } \\lVert g\\rVert_\\infty \\le \\text{tol}_g)`,
    's_i &= \\theta_{i+1} - \\theta_i, \\quad y_i = g_{i+1} - g_i',
    'H_0 &= \\frac{s^\\top y}{y^\\top y}\\, I \\quad (\\text{last } m \\text{ pairs})',
    'd &= -H g \\quad (\\text{two-loop recursion})',
    wolfe
      ? '\\alpha &= \\text{strong Wolfe}(\\eta)'
      : '\\alpha &= \\eta \\quad (\\text{first: } \\min(1, 1/\\lVert g\\rVert_1)\\,\\eta)',
    '\\theta &\\leftarrow \\theta + \\alpha\\, d \\quad (\\le \\text{max\\_iter}\\text{ times})',
  ]);
}

export const lbfgsFormula: OptimizerFormula = {
  tex,
  note:
    'Not in the notes: a quasi-Newton method that builds a curvature estimate from the last history_size steps. One torch step(closure) ' +
    'runs up to max_iter inner iterations and calls the closure again for each (and for every line-search probe): ' +
    'a step here can cost many evaluations of f and ∇f.',
  stepLines,
};
