/**
 * torch.optim.Adagrad: the formula panel's part (the rule with this step's numbers, the notes' box).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, hyperNumber, line, numOf, vecOf, zeros, alignedBlock } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { PARAMS } from './adagrad.meta';
import { numberParam, weightDecayGradientLines } from './common';
import { aligned } from './symbols';

/** This step of torch.optim.Adagrad with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { t, n, g, lr, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const sum = vecOf(state, 'sum');
  const clr = numOf(state, 'clr') ?? lr;
  const eps = hyperNumber(config, 'eps');
  if (sum === undefined) return undefined;
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
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - \\eta_t \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
      `${V(thetaPrev)} - ${N(clr)} \\cdot \\frac{${V(g)}}{\\sqrt{${V(sum)}} + ${N(eps)}}`,
    ),
  );
  return lines;
}

/** The notes' box (note 003), in the notes' own symbols. */
const NOTES = [
  'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
  'r_t &= r_{t-1} + g_t \\odot g_t',
  '\\Delta\\theta &= \\frac{\\eta}{\\epsilon + \\sqrt{r_t}} \\odot g_t',
  '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
] as const;

function tex(config: OptimizerConfig): string {
  const lrDecay = numberParam(PARAMS, config, 'lr_decay');
  const initial = numberParam(PARAMS, config, 'initial_accumulator_value');
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    lrDecay !== 0 ? '\\eta_t &= \\frac{\\eta}{1 + (t - 1)\\,\\gamma}' : '\\eta_t &= \\eta',
    initial !== 0
      ? 's_t &= s_{t-1} + g_t^2 \\quad (s_0 \\text{ given})'
      : 's_t &= s_{t-1} + g_t^2 \\quad (s_0 = 0)',
    '\\theta_t &= \\theta_{t-1} - \\eta_t\\, \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
  ]);
}

export const adagradFormula: OptimizerFormula = {
  tex,
  note:
    "Same rule as the notes' box, but torch's default eps is 1e-10 (the notes suggest 1e-6), added outside the square root, " +
    'and torch can start the sum at initial_accumulator_value and decay lr as lr / (1 + (t − 1)·lr_decay).',
  stepLines,
  notesBox: () => alignedBlock(NOTES),
};
