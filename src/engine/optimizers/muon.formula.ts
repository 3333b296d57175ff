/**
 * torch.optim.Muon: the formula panel's part (the rule with this step's numbers).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig } from '../types';
import { N, V, hyperNumber, line, numOf, vecOf } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { booleanParam, numberParam } from './common';
import { PARAMS } from './muon.meta';
import { aligned } from './symbols';

/** This step of torch.optim.Muon with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { g, lr, state, weightDecay, prev } = f;
  const thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const b = vecOf(state, 'b');
  const bTilde = vecOf(state, 'b_tilde');
  const o = vecOf(state, 'o');
  const lrAdj = numOf(state, 'lr_adj');
  if (b === undefined || bTilde === undefined || o === undefined || lrAdj === undefined) {
    return undefined;
  }
  const mu = hyperNumber(config, 'momentum');
  lines.push(line('b_t', `${N(mu)} \\cdot ${V(prev('b'))} + ${N(1 - mu)} \\cdot ${V(g)}`, V(b)));
  lines.push(line('\\tilde{b}_t', V(bTilde)));
  const norm = Math.hypot(...bTilde);
  // A 1×2 matrix has one singular value, ‖b̃‖: orthogonalising keeps only the direction.
  lines.push(
    line(
      'O_t',
      `\\operatorname{NS}_k\\big(${V(bTilde)}\\big) \\approx ${V(bTilde)} / ${N(norm)}`,
      V(o),
    ),
  );
  const shrink = 1 - lr * weightDecay;
  lines.push(
    f.thetaLine(
      `${weightDecay !== 0 ? '(1 - \\eta\\lambda)\\,' : ''}\\theta_{t-1} - \\eta'\\, O_t`,
      `${weightDecay !== 0 ? `${N(shrink)} \\cdot ` : ''}${V(thetaPrev)} - ${N(lrAdj)} \\cdot ${V(o)}`,
    ),
  );
  return lines;
}

function tex(config: OptimizerConfig): string {
  const nesterov = booleanParam(PARAMS, config, 'nesterov');
  const weightDecay = numberParam(PARAMS, config, 'weight_decay');
  const lines = [
    'g_t &= \\nabla f(\\theta_{t-1})',
    'b_t &= \\mu\\, b_{t-1} + (1 - \\mu)\\, g_t',
    nesterov ? '\\tilde{b}_t &= (1 - \\mu)\\, g_t + \\mu\\, b_t' : '\\tilde{b}_t &= b_t',
    'O_t &= \\operatorname{NS}_k(\\tilde{b}_t) \\approx \\frac{\\tilde{b}_t}{\\lVert\\tilde{b}_t\\rVert} \\quad (1 \\times 2:\\ \\text{the direction only})',
  ];
  if (weightDecay !== 0)
    lines.push('\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}');
  lines.push("\\theta_t &= \\theta_{t-1} - \\eta'\\, O_t");
  return aligned(lines);
}

export const muonFormula: OptimizerFormula = {
  tex,
  note:
    'Not in the notes. Muon replaces the momentum matrix by the nearest orthogonal one (UVᵀ of its SVD, approximated by k Newton–Schulz steps in bfloat16). ' +
    "The map's point is the 1×2 matrix [[x, y]], whose only singular direction is itself: orthogonalising it keeps the direction and sets the length to about 1, " +
    "so every step moves about η′ whatever the gradient's size. Muon's strength, evening out all the singular values of a weight matrix, only shows on real weight matrices: in the gradient-flow lab Muon trains the hidden layers' W, with AdamW for the rest, as torch's documentation advises.",
  decoupled: () => true,
  stepLines,
};
