/**
 * torch.optim.Adam and AdamW: the formula panel's part (the rule with this step's numbers, the notes' box).
 * Pure strings; loaded with the panel through ./formulas.
 */
import type { OptimizerConfig, ParamSpec } from '../types';
import { N, V, betas, hyperNumber, line, vecOf, alignedBlock } from './stepTex';
import type { OptimizerFormula, StepFrame } from './stepTex';
import { adam } from './adam';
import { booleanParam, isDecoupled, numberParam } from './common';
import { aligned } from './symbols';

/** This step of torch.optim.Adam and AdamW with its numbers (see OptimizerFormula.stepLines). */
export function stepLines(config: OptimizerConfig, f: StepFrame): string[] | undefined {
  const { t, g, lr, state, weightDecay, decoupled, prev } = f;
  let thetaPrev = f.thetaPrev;
  const lines: string[] = [];

  const [b1, b2] = betas(config);
  const eps = hyperNumber(config, 'eps');
  const m = vecOf(state, 'm');
  const v = vecOf(state, 'v');
  const mHat = vecOf(state, 'm_hat');
  const vHat = vecOf(state, 'v_hat');
  if (m === undefined || v === undefined || mHat === undefined || vHat === undefined) {
    return undefined;
  }
  if (decoupled) {
    const shrunk = thetaPrev.map((p) => p * (1 - lr * weightDecay));
    lines.push(
      line(
        '\\theta_{t-1}',
        `(1 - ${N(lr)} \\cdot ${N(weightDecay)}) \\cdot ${V(thetaPrev)}`,
        V(shrunk),
      ).replace('&=', '&\\leftarrow'),
    );
    thetaPrev = shrunk;
  }
  lines.push(line('m_t', `${N(b1)} \\cdot ${V(prev('m'))} + ${N(1 - b1)} \\cdot ${V(g)}`, V(m)));
  lines.push(line('v_t', `${N(b2)} \\cdot ${V(prev('v'))} + ${N(1 - b2)} \\cdot ${V(g)}^2`, V(v)));
  const vMax = vecOf(state, 'v_max');
  if (vMax !== undefined) {
    lines.push(line('v^{\\max}_t', `\\max\\big(${V(prev('v_max'))},\\, ${V(v)}\\big)`, V(vMax)));
  }
  lines.push(line('\\hat{m}_t', `\\frac{${V(m)}}{1 - ${N(b1)}^{${t}}}`, V(mHat)));
  lines.push(line('\\hat{v}_t', `\\frac{${V(vMax ?? v)}}{1 - ${N(b2)}^{${t}}}`, V(vHat)));
  lines.push(
    f.thetaLine(
      '\\theta_{t-1} - \\eta\\, \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}',
      `${V(thetaPrev)} - ${N(lr)} \\cdot \\frac{${V(mHat)}}{\\sqrt{${V(vHat)}} + ${N(eps)}}`,
    ),
  );
  return lines;
}

/** The notes' box (note 003), in the notes' own symbols. */
const NOTES = [
  'g_t &= \\nabla_\\theta J(\\theta_{t-1}), \\quad t = t + 1',
  'm_t &= \\beta_1 \\cdot m_{t-1} + (1 - \\beta_1) \\cdot g_t',
  'v_t &= \\beta_2 \\cdot v_{t-1} + (1 - \\beta_2)(g_t \\odot g_t)',
  '\\hat m_t &= m_t / (1 - \\beta_1^t), \\quad \\hat v_t = v_t / (1 - \\beta_2^t)',
  '\\Delta\\theta &= \\eta \\cdot \\hat m_t / (\\epsilon + \\sqrt{\\hat v_t})',
  '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
] as const;

/** The TeX of Adam (decoupled = false unless its switch is on) or AdamW (true) for `config`. */
export function adamTex(
  params: readonly ParamSpec[],
  config: OptimizerConfig,
  alwaysDecoupled: boolean,
): string {
  const decoupled = alwaysDecoupled || isDecoupled(params, config);
  const weightDecay = numberParam(params, config, 'weight_decay');
  const amsgrad = booleanParam(params, config, 'amsgrad');
  const lines: string[] = [];
  if (!decoupled && weightDecay !== 0) {
    lines.push('g_t &= \\nabla f(\\theta_{t-1}) + \\lambda\\,\\theta_{t-1}');
  } else {
    lines.push('g_t &= \\nabla f(\\theta_{t-1})');
  }
  if (decoupled) lines.push('\\theta_{t-1} &\\leftarrow (1 - \\eta\\lambda)\\,\\theta_{t-1}');
  lines.push('m_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t');
  lines.push('v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2');
  const second = amsgrad ? 'v^{\\max}_t' : 'v_t';
  if (amsgrad) lines.push('v^{\\max}_t &= \\max(v^{\\max}_{t-1},\\, v_t)');
  lines.push(
    `\\hat{m}_t &= \\frac{m_t}{1 - \\beta_1^t}, \\quad \\hat{v}_t = \\frac{${second}}{1 - \\beta_2^t}`,
  );
  lines.push(
    `\\theta_t &= \\theta_{t-1} - \\frac{\\eta}{1 - \\beta_1^t}\\, \\frac{m_t}{\\sqrt{${second}} / \\sqrt{1 - \\beta_2^t} + \\epsilon}` +
      ' = \\theta_{t-1} - \\eta\\, \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}',
  );
  return aligned(lines);
}

export const adamFormula: OptimizerFormula = {
  tex: (config) => adamTex(adam.params, config, false),
  note:
    "The notes' box exactly, computed in torch's order: the bias corrections are folded into a step size η/(1 − β₁ᵗ) " +
    'and a denominator √v/√(1 − β₂ᵗ) + ε, which equals η·m̂/(√v̂ + ε) up to rounding.',
  stepLines,
  notesBox: () => alignedBlock(NOTES),
};
