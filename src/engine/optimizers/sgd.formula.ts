/**
 * torch.optim.SGD (plain, momentum, Nesterov): the formula panel's part (the rule with this step's numbers, the notes' box).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, hyperBool, hyperNumber, line, vecOf, alignedBlock } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { booleanParam, numberParam, weightDecayGradientLines } from './common';
import { PARAMS } from './sgd';
import { aligned } from './symbols';

/** This step of torch.optim.SGD (plain, momentum, Nesterov) with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { t, g, lr, state, prev, first } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const momentum = hyperNumber(config, 'momentum');
  const dampening = hyperNumber(config, 'dampening');
  const nesterov = hyperBool(config, 'nesterov');
  const b = vecOf(state, 'b');
  if (momentum === 0 || b === undefined) {
    lines.push(
      f.thetaLine('\\theta_{t-1} - \\eta\\, g_t', `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(g)}`),
    );
    return lines;
  }
  if (t === 1 || first) {
    lines.push(line('b_1', 'g_1', V(b)));
  } else {
    const keep = dampening !== 0 ? `${N(1 - dampening)} \\cdot ` : '';
    lines.push(line('b_t', `${N(momentum)} \\cdot ${V(prev('b'))} + ${keep}${V(g)}`, V(b)));
  }
  if (nesterov) {
    lines.push(
      f.thetaLine(
        '\\theta_{t-1} - \\eta\\,(g_t + \\mu\\, b_t)',
        `${V(thetaPrev)} - ${N(lr)} \\cdot \\big(${V(g)} + ${N(momentum)} \\cdot ${V(b)}\\big)`,
      ),
    );
  } else {
    lines.push(
      f.thetaLine('\\theta_{t-1} - \\eta\\, b_t', `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(b)}`),
    );
  }
  return lines;
}

/** The notes' boxes (note 003 and its Momentum paragraph): η learning rate, α momentum. */
const NOTES = {
  sgd: ['g_t &= \\nabla_\\theta J(\\theta_{t-1})', '\\theta_t &= \\theta_{t-1} - \\eta \\cdot g_t'],
  momentum: [
    'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
    'v_t &= \\alpha \\cdot v_{t-1} + \\eta \\cdot g_t',
    '\\theta_t &= \\theta_{t-1} - v_t',
  ],
  nag: [
    '\\hat\\theta &= \\theta_{t-1} - \\alpha \\cdot v_{t-1}',
    'g_t &= \\nabla_{\\hat\\theta} J(\\hat\\theta)',
    'v_t &= \\alpha \\cdot v_{t-1} + \\eta \\cdot g_t',
    '\\theta_t &= \\theta_{t-1} - v_t',
  ],
} as const;

/** SGD splits into the notes' SGD, Momentum and NAG boxes. */
export function notesBox(config: OptimizerConfig): string {
  const variant =
    (config.momentum ?? 0) === 0 ? 'sgd' : config.nesterov === true ? 'nag' : 'momentum';
  return alignedBlock(NOTES[variant]);
}

/** The rule as torch.optim.SGD runs it, for `config`'s options. */
function tex(config: OptimizerConfig): string {
  const momentum = numberParam(PARAMS, config, 'momentum');
  const dampening = numberParam(PARAMS, config, 'dampening');
  const nesterov = booleanParam(PARAMS, config, 'nesterov');
  const lines = [...weightDecayGradientLines(PARAMS, config)];
  if (momentum === 0) {
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, g_t');
  } else {
    const later =
      dampening !== 0 ? '\\mu\\, b_{t-1} + (1 - \\tau)\\, g_t' : '\\mu\\, b_{t-1} + g_t';
    lines.push(`b_t &= \\begin{cases} g_t & t = 1 \\\\ ${later} & t > 1 \\end{cases}`);
    lines.push(
      nesterov
        ? '\\theta_t &= \\theta_{t-1} - \\eta\\,(g_t + \\mu\\, b_t)'
        : '\\theta_t &= \\theta_{t-1} - \\eta\\, b_t',
    );
  }
  return aligned(lines);
}

export const sgdFormula: OptimizerFormula = {
  tex,
  stepLines,
  notesBox,
  note:
    "The notes' momentum v = αv + ηg, θ −= v is torch's b = μb + g, θ −= ηb with v = ηb, the same path while η is constant; " +
    "the notes' NAG takes the gradient at the look-ahead point θ − αv, torch uses the equivalent reparametrised form θ −= η(g + μb) with the gradient at θ.",
};
