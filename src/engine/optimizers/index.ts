/**
 * The optimizer registry's public face: every family (./families registers them, one line each)
 * and the small lookups the scene validator, the UI, the CLI and the exports share.
 */
import './families';
import type {
  OptimizerConfig,
  OptimizerInstance,
  OptimizerPreset,
  OptimizerType,
  ParamSpec,
} from '../types';
import { OPTIMIZERS } from './registry';
import { createScheduler } from './schedule';
import type { LrScheduler, MomentumKey } from './schedule';

export {
  INLINE_FORMULAS,
  loadOptimizers,
  OPTIMIZER_TYPES,
  OPTIMIZERS,
  optimizerCode,
  optimizerLoaded,
  registerOptimizer,
} from './registry';
export type { OptimizerCode, OptimizerFamily } from './registry';
export { clipGradNorm } from './clip';
export { createScheduler, ScheduleError } from './schedule';
export type { LrScheduler, MomentumKey } from './schedule';
export { MAXIMIZE_GRADIENT_TEX } from './maximize';
export { PARAM_TEX, STATE_TEX } from './symbols';

/** A fresh running optimizer for `config` over `n` parameters (absent hyper-parameters take torch's defaults). */
export function createOptimizer(config: OptimizerConfig, n: number): OptimizerInstance {
  return OPTIMIZERS[config.type].create(config, n);
}

/** Every hyper-parameter value `config` runs with: its own, else torch's default, by torch's name. */
export function resolvedParams(
  config: OptimizerConfig,
): Readonly<Record<string, ParamSpec['default']>> {
  const fields = config as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, ParamSpec['default']> = {};
  for (const spec of OPTIMIZERS[config.type].params) {
    const own = fields[spec.name];
    out[spec.name] = own === undefined ? spec.default : (own as ParamSpec['default']);
  }
  return out;
}

/** torch.optim's class of `config`'s family (for "Copy as PyTorch"). */
export function torchClassOf(type: OptimizerType): string {
  return OPTIMIZERS[type].torchClass ?? OPTIMIZERS[type].label;
}

/** The name `config` goes by: its own label when it has one, else its family's (English). */
export function displayName(config: OptimizerConfig): string {
  return config.label?.trim() || OPTIMIZERS[config.type].label;
}

/** The add menu: every family's presets, in registry order. */
export function optimizerPresets(): OptimizerPreset[] {
  return Object.values(OPTIMIZERS).flatMap((def) => def.presets);
}

/** The learning rate `config` runs at: its own, or its type's default. */
export function resolvedLr(config: OptimizerConfig): number {
  const lr = resolvedParams(config)['lr'];
  return typeof lr === 'number' ? lr : 0;
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
