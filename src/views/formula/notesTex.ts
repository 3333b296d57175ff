import type { OptimizerConfig } from '../../engine/types';

/**
 * The algorithm boxes of note 003 (and its Momentum paragraph) in TeX, with the notes' own
 * symbols: η learning rate, α decay or momentum, ε stability constant. Shown beside torch's
 * executed form so a reader can match the two.
 */
const NOTES_TEX = {
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
  adagrad: [
    'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
    'r_t &= r_{t-1} + g_t \\odot g_t',
    '\\Delta\\theta &= \\frac{\\eta}{\\epsilon + \\sqrt{r_t}} \\odot g_t',
    '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
  ],
  adadelta: [
    'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
    's_t &= \\alpha \\cdot s_{t-1} + (1 - \\alpha) \\cdot g_t \\odot g_t',
    '\\Delta\\theta &= \\sqrt{\\frac{r_{t-1} + \\epsilon}{s_t + \\epsilon}} \\odot g_t',
    '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
    'r_t &= \\alpha \\cdot r_{t-1} + (1 - \\alpha) \\cdot \\Delta\\theta \\odot \\Delta\\theta',
  ],
  rmsprop: [
    'g_t &= \\nabla_\\theta J(\\theta_{t-1})',
    'r &= \\alpha \\cdot r + (1 - \\alpha)(g_t \\odot g_t)',
    '\\Delta\\theta &= \\frac{\\eta}{\\sqrt{r + \\epsilon}} \\odot g_t',
    '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
  ],
  adam: [
    'g_t &= \\nabla_\\theta J(\\theta_{t-1}), \\quad t = t + 1',
    'm_t &= \\beta_1 \\cdot m_{t-1} + (1 - \\beta_1) \\cdot g_t',
    'v_t &= \\beta_2 \\cdot v_{t-1} + (1 - \\beta_2)(g_t \\odot g_t)',
    '\\hat m_t &= m_t / (1 - \\beta_1^t), \\quad \\hat v_t = v_t / (1 - \\beta_2^t)',
    '\\Delta\\theta &= \\eta \\cdot \\hat m_t / (\\epsilon + \\sqrt{\\hat v_t})',
    '\\theta_t &= \\theta_{t-1} - \\Delta\\theta',
  ],
} as const;

/** Which of the notes' boxes describes `config`, if any (SGD splits into SGD / Momentum / NAG). */
export function notesVariant(config: OptimizerConfig): keyof typeof NOTES_TEX | undefined {
  switch (config.type) {
    case 'sgd':
      if ((config.momentum ?? 0) === 0) return 'sgd';
      return config.nesterov === true ? 'nag' : 'momentum';
    case 'adagrad':
    case 'adadelta':
    case 'rmsprop':
    case 'adam':
      return config.type;
    default:
      return undefined;
  }
}

/** The notes' algorithm box for `config` as one aligned block, or undefined for torch-only families. */
export function notesTex(config: OptimizerConfig): string | undefined {
  const variant = notesVariant(config);
  if (variant === undefined) return undefined;
  return `\\begin{aligned}\n${NOTES_TEX[variant].join(' \\\\\n')}\n\\end{aligned}`;
}
