import type { OptimizerConfig } from '../../engine/types';

/**
 * Every optimizer family with the options that add rows or terms to its formulas (momentum,
 * Nesterov, dampening, centring, amsgrad, weight decay, clipping, a schedule): the widest TeX each
 * can produce. Shared by the reflow unit test and the formula-fit e2e test.
 */
export const FORMULA_CASES: readonly OptimizerConfig[] = [
  { type: 'sgd', lr: 0.1 },
  { type: 'adam', lr: 0.1 },
  { type: 'rmsprop', lr: 0.01 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.1 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 0.01 },
  { type: 'adagrad', lr: 0.5, lr_decay: 0.01, initial_accumulator_value: 0.1 },
  { type: 'adadelta', lr: 1, weight_decay: 0.01 },
  { type: 'rmsprop', lr: 0.01, centered: true, momentum: 0.9, weight_decay: 0.01 },
  { type: 'adam', lr: 0.1, amsgrad: true, weight_decay: 0.01 },
  { type: 'adamw', lr: 0.1, weight_decay: 0.01, amsgrad: true },
  { type: 'adamax', lr: 0.1, weight_decay: 0.01 },
  { type: 'nadam', lr: 0.1, weight_decay: 0.01 },
  { type: 'radam', lr: 0.1, weight_decay: 0.01 },
  { type: 'adam', lr: 0.1, clip_grad_norm: 1, schedule: { type: 'exponential', gamma: 0.99 } },
  // Review 10 (defect 8): long numbers with clipping and weight decay, and the torch 2.x families.
  {
    type: 'adam',
    lr: 0.000123456,
    betas: [0.987654, 0.99987654],
    eps: 1.2345e-7,
    weight_decay: 0.0123,
    amsgrad: true,
    clip_grad_norm: 0.5,
  },
  { type: 'nadam', lr: 0.1, weight_decay: 0.01, decoupled_weight_decay: true },
  { type: 'rprop', lr: 0.01 },
  { type: 'asgd', lr: 0.1, t0: 2 },
  { type: 'adafactor', lr: 0.1 },
  { type: 'muon', lr: 0.05 },
  { type: 'lbfgs', lr: 0.1 },
  { type: 'lbfgs', lr: 1, line_search_fn: 'strong_wolfe' },
  { type: 'sgd', lr: 0.1, momentum: 0.9, maximize: true },
];
