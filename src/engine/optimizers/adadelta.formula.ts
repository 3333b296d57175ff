/**
 * torch.optim.Adadelta: the formula panel's part (the rule with this step's numbers, the notes' box).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, hyperNumber, line, vecOf, alignedBlock } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { PARAMS } from './adadelta.meta';
import { weightDecayGradientLines } from './common';
import { aligned } from './symbols';

/** This step of torch.optim.Adadelta with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { g, lr, state, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const rho = hyperNumber(config, 'rho');
  const eps = hyperNumber(config, 'eps');
  const v = vecOf(state, 'v');
  const delta = vecOf(state, 'delta');
  const u = vecOf(state, 'u');
  if (v === undefined || delta === undefined || u === undefined) return undefined;
  const uPrev = prev('u');
  lines.push(
    line('v_t', `${N(rho)} \\cdot ${V(prev('v'))} + ${N(1 - rho)} \\cdot ${V(g)}^2`, V(v)),
  );
  lines.push(
    line(
      '\\Delta_t',
      `\\frac{\\sqrt{${V(uPrev)} + ${N(eps)}}}{\\sqrt{${V(v)} + ${N(eps)}}} \\odot ${V(g)}`,
      V(delta),
    ),
  );
  lines.push(
    line('u_t', `${N(rho)} \\cdot ${V(uPrev)} + ${N(1 - rho)} \\cdot ${V(delta)}^2`, V(u)),
  );
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - \\eta\\, \\Delta_t',
      `${V(thetaPrev)} - ${N(lr)} \\cdot ${V(delta)}`,
    ),
  );
  return lines;
}

/** The notes' box (note 003), in the notes' own symbols. */
const NOTES = [
  'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
  's_t &= \\alpha \\cdot s_{t-1} + (1 - \\alpha) \\cdot g_t \\odot g_t',
  '\\Delta\\theta &= \\sqrt{\\frac{r_{t-1} + \\epsilon}{s_t + \\epsilon}} \\odot g_t',
  '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
  'r_t &= \\alpha \\cdot r_{t-1} + (1 - \\alpha) \\cdot \\Delta\\theta \\odot \\Delta\\theta',
] as const;

function tex(config: OptimizerConfig): string {
  return aligned([
    ...weightDecayGradientLines(PARAMS, config),
    'v_t &= \\rho\\, v_{t-1} + (1 - \\rho)\\, g_t^2',
    '\\Delta_t &= \\frac{\\sqrt{u_{t-1} + \\epsilon}}{\\sqrt{v_t + \\epsilon}}\\, g_t',
    'u_t &= \\rho\\, u_{t-1} + (1 - \\rho)\\, \\Delta_t^2',
    '\\theta_t &= \\theta_{t-1} - \\eta\\, \\Delta_t',
  ]);
}

export const adadeltaFormula: OptimizerFormula = {
  tex,
  note:
    "The notes' box with one addition: torch scales Δ by lr (default 1.0, which is the notes' rule); " +
    'its default eps is 1e-6 where the notes suggest 1e-5.',
  stepLines,
  notesBox: () => alignedBlock(NOTES),
};
