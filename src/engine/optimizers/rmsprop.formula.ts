/**
 * torch.optim.RMSprop: the formula panel's part (the rule with this step's numbers, the notes' box).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, hyperNumber, line, vecOf, alignedBlock } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { booleanParam, numberParam, weightDecayGradientLines } from './common';
import { PARAMS } from './rmsprop.meta';
import { aligned } from './symbols';

/** This step of torch.optim.RMSprop with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { g, lr, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const alpha = hyperNumber(config, 'alpha');
  const eps = hyperNumber(config, 'eps');
  const momentum = hyperNumber(config, 'momentum');
  const v = vecOf(state, 'v');
  const d = vecOf(state, 'denom');
  if (v === undefined || d === undefined) return undefined;
  lines.push(
    line('v_t', `${N(alpha)} \\cdot ${V(prev('v'))} + ${N(1 - alpha)} \\cdot ${V(g)}^2`, V(v)),
  );
  const gbar = vecOf(state, 'gbar');
  if (gbar !== undefined) {
    lines.push(
      line(
        '\\bar{g}_t',
        `${N(alpha)} \\cdot ${V(prev('gbar'))} + ${N(1 - alpha)} \\cdot ${V(g)}`,
        V(gbar),
      ),
    );
    lines.push(line('d_t', `\\sqrt{${V(v)} - ${V(gbar)}^2} + ${N(eps)}`, V(d)));
  } else {
    lines.push(line('d_t', `\\sqrt{${V(v)}} + ${N(eps)}`, V(d)));
  }
  const b = vecOf(state, 'b');
  if (momentum > 0 && b !== undefined) {
    lines.push(
      line('b_t', `${N(momentum)} \\cdot ${V(prev('b'))} + ${V(g)} \\oslash ${V(d)}`, V(b)),
    );
    lines.push(
      f.thetaLine('\\theta_{t-1} - \\eta\\, b_t', `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(b)}`),
    );
  } else {
    lines.push(
      f.thetaLine(
        '\\theta_{t-1} - \\eta\\, g_t / d_t',
        `${V(thetaPrev)} - ${N(lr)} \\cdot \\frac{${V(g)}}{${V(d)}}`,
      ),
    );
  }
  return lines;
}

/** The notes' box (note 003), in the notes' own symbols. */
const NOTES = [
  'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
  'r &= \\alpha \\cdot r + (1 - \\alpha)(g_t \\odot g_t)',
  '\\Delta\\theta &= \\frac{\\eta}{\\sqrt{r + \\epsilon}} \\odot g_t',
  '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
] as const;

function tex(config: OptimizerConfig): string {
  const momentum = numberParam(PARAMS, config, 'momentum');
  const centered = booleanParam(PARAMS, config, 'centered');
  const lines = [
    ...weightDecayGradientLines(PARAMS, config),
    'v_t &= \\alpha\\, v_{t-1} + (1 - \\alpha)\\, g_t^2',
  ];
  if (centered) {
    lines.push('\\bar{g}_t &= \\alpha\\, \\bar{g}_{t-1} + (1 - \\alpha)\\, g_t');
    lines.push('d_t &= \\sqrt{v_t - \\bar{g}_t^2} + \\epsilon');
  } else {
    lines.push('d_t &= \\sqrt{v_t} + \\epsilon');
  }
  if (momentum > 0) {
    lines.push('b_t &= \\mu\\, b_{t-1} + g_t / d_t');
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, b_t');
  } else {
    lines.push('\\theta_t &= \\theta_{t-1} - \\eta\\, g_t / d_t');
  }
  return aligned(lines);
}

export const rmspropFormula: OptimizerFormula = {
  tex,
  note:
    'torch adds eps outside the square root (√v + ε) where the notes write √(v + ε), and its default decay alpha is 0.99 ' +
    "(the notes suggest 0.9); lr's default 0.01 is torch's, the notes suggest 0.001.",
  stepLines,
  notesBox: () => alignedBlock(NOTES),
};
