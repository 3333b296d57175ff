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
];
