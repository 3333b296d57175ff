/**
 * How a lab configuration becomes an engine network and training run. Pure: the worker, the
 * main-thread fallback and the tests call the same functions.
 */
import { generateDataset } from '../../engine/nn/datasets';
import type { Dataset } from '../../engine/nn/datasets';
import type { InitScheme } from '../../engine/nn/init';
import type { NetworkSpec } from '../../engine/nn/network';
import { createTrainer } from '../../engine/nn/train';
import type { Trainer } from '../../engine/nn/train';
import type { OptimizerConfig } from '../../engine/types';
import type { LabConfig } from '../../engine/nn/labConfig';

/** Points in every toy data set. */
export const DATA_COUNT = 200;
/** Jitter of the toy data. */
export const DATA_NOISE = 0.1;

/**
 * The lab's loss: torch.nn.BCEWithLogitsLoss on the output unit's logit z (P(class 1) = σ(z)),
 * as practitioners train classifiers. The sigmoid-then-BCE form loses the gradient once σ(z)
 * saturates, which showed exploding weights as "vanishing" gradients (issue 14).
 */
export const LAB_LOSS = 'bce_with_logits' as const;

/** A logit this far from 0 puts σ(z) within 4.5e-5 of 0 or 1: the output unit is saturated. */
export const SATURATED_LOGIT = 10;

/**
 * `depth` layers with weights: `depth − 1` hidden layers of `width` units, then one linear output
 * unit, the logit of class 1 (see LAB_LOSS), so depth 1 is logistic regression. Residuals skip
 * every hidden layer after the first, whose input is the 2-D point and so has a different width.
 * Batch norm sits on hidden layers only.
 */
export function labNetworkSpec(config: LabConfig): NetworkSpec {
  const hidden = Array.from({ length: config.depth - 1 }, (_, i) => ({
    units: config.width,
    activation: config.activation,
    ...(config.batchnorm ? { batchnorm: {} } : {}),
    ...(config.residual && i > 0 ? { residual: true } : {}),
  }));
  return { inputSize: 2, layers: [...hidden, { units: 1, activation: 'linear' }] };
}

/** The engine's init scheme for a lab init name. */
export function labInitScheme(config: LabConfig): InitScheme {
  return { type: config.init };
}

/** The optimizer config of a lab configuration (torch defaults for everything but lr and clipping). */
export function labOptimizer(config: LabConfig): OptimizerConfig {
  return config.clip > 0
    ? { type: config.optimizer, lr: config.lr, clip_grad_norm: config.clip }
    : { type: config.optimizer, lr: config.lr };
}

/** The configuration's seeded toy data set (the same points in the worker and on the page). */
export function labDataset(config: LabConfig): Dataset {
  return generateDataset({
    kind: config.dataset,
    count: DATA_COUNT,
    noise: DATA_NOISE,
    seed: config.seed,
  });
}

/**
 * A trainer for the configuration with its weights multiplied by `weightScale` (biases and batch
 * norm's γ, β untouched), full-batch so every step's loss is the loss of the whole set.
 */
export function createLabTrainer(config: LabConfig, data: Dataset = labDataset(config)): Trainer {
  const trainer = createTrainer({
    spec: labNetworkSpec(config),
    init: labInitScheme(config),
    seed: config.seed,
    data,
    loss: LAB_LOSS,
    optimizer: labOptimizer(config),
  });
  if (config.weightScale !== 1) {
    for (const layer of trainer.net.layers) {
      const end = layer.wOffset + layer.inSize * layer.outSize;
      for (let i = layer.wOffset; i < end; i++) trainer.params[i]! *= config.weightScale;
    }
  }
  return trainer;
}

/** Layers of the configuration's network: the hidden ones and the output unit. */
export function labLayerCount(config: LabConfig): number {
  return config.depth;
}
