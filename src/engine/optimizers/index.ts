/**
 * The optimizer registry: every family's definition by torch.optim type name, a factory, and the
 * small lookups the scene validator and the UI need. Adding an optimizer means one new file and
 * one line in OPTIMIZERS.
 */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInstance,
  OptimizerType,
  ParamSpec,
} from '../types';
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import { adafactor } from './adafactor';
import { adamw } from './adamw';
import { asgd } from './asgd';
import { lbfgs } from './lbfgs';
import { muon } from './muon';
import { nadam } from './nadam';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { rprop } from './rprop';
import { withMaximize } from './maximize';
import { sgd } from './sgd';

export { clipGradNorm } from './clip';
import { createScheduler } from './schedule';
import type { LrScheduler, MomentumKey } from './schedule';

export { createScheduler, ScheduleError } from './schedule';
export type { LrScheduler, MomentumKey } from './schedule';
export { MAXIMIZE_GRADIENT_TEX } from './maximize';
export { PARAM_TEX, STATE_TEX } from './symbols';

/** Every optimizer family by its torch.optim type name. */
export const OPTIMIZERS: Readonly<Record<OptimizerType, OptimizerDef>> = withMaximize({
  sgd,
  adagrad,
  adadelta,
  rmsprop,
  adam,
  adamw,
  adamax,
  nadam,
  radam,
  rprop,
  asgd,
  adafactor,
  muon,
  lbfgs,
});

/** A fresh running optimizer for `config` over `n` parameters (absent hyper-parameters take torch's defaults). */
export function createOptimizer(config: OptimizerConfig, n: number): OptimizerInstance {
  return OPTIMIZERS[config.type].create(config, n);
}

/** The schema entry of hyper-parameter `name` for `type`, or undefined if the type has no such parameter. */
export function paramSpec(type: OptimizerType, name: string): ParamSpec | undefined {
  return OPTIMIZERS[type].params.find((p) => p.name === name);
}

/** torch's default of hyper-parameter `name` for `type` (undefined if the type has no such parameter). */
export function paramDefault(type: OptimizerType, name: string): ParamSpec['default'] | undefined {
  return paramSpec(type, name)?.default;
}

/** The learning rate `config` runs at: its own, or its type's default. */
export function resolvedLr(config: OptimizerConfig): number {
  if (config.lr !== undefined) return config.lr;
  const fallback = paramDefault(config.type, 'lr');
  return typeof fallback === 'number' ? fallback : 0;
}

/**
 * What a schedule may cycle on this optimizer: torch's OneCycleLR and CyclicLR look for
 * 'momentum' and then 'betas' in `optimizer.defaults`, i.e. in the family's hyper-parameters.
 */
export function momentumKeyOf(type: OptimizerType): MomentumKey {
  const names = OPTIMIZERS[type].params.map((p) => p.name);
  if (names.includes('momentum')) return 'momentum';
  if (names.includes('betas')) return 'betas';
  return undefined;
}

/** A scheduler for `config` as the scene runs it (`steps`: the scene's step count). */
export function createConfigScheduler(config: OptimizerConfig, steps: number): LrScheduler {
  return createScheduler(config.schedule, resolvedLr(config), {
    steps,
    momentumKey: momentumKeyOf(config.type),
  });
}
