/**
 * The optimizer registry: every family's definition by torch.optim type name, a factory, and the
 * small lookups the scene validator and the UI need. Adding an optimizer means one new file and
 * one line in OPTIMIZERS.
 */
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInstance,
  OptimizerPreset,
  OptimizerType,
  ParamSpec,
} from '../types';
import { adadeltaMeta } from './adadelta.meta';
import { adagradMeta } from './adagrad.meta';
import { adam } from './adam';
import { adamaxMeta } from './adamax.meta';
import { adafactorMeta } from './adafactor.meta';
import { adamw } from './adamw';
import { asgdMeta } from './asgd.meta';
import { lbfgsMeta } from './lbfgs.meta';
import { muonMeta } from './muon.meta';
import { nadamMeta } from './nadam.meta';
import { radamMeta } from './radam.meta';
import { rmspropMeta } from './rmsprop.meta';
import { rpropMeta } from './rprop.meta';
import { withMaximize } from './maximize';
import { sgd } from './sgd';

export { clipGradNorm } from './clip';
import { createScheduler } from './schedule';
import type { LrScheduler, MomentumKey } from './schedule';

export { createScheduler, ScheduleError } from './schedule';
export type { LrScheduler, MomentumKey } from './schedule';
export { MAXIMIZE_GRADIENT_TEX } from './maximize';
export { PARAM_TEX, STATE_TEX } from './symbols';

/**
 * The families whose arithmetic loads on demand: all but SGD (Momentum, NAG) and Adam/AdamW,
 * which the default scene runs for its first picture.
 */
export const LAZY_OPTIMIZERS = [
  'adagrad',
  'adadelta',
  'rmsprop',
  'adamax',
  'nadam',
  'radam',
  'rprop',
  'asgd',
  'adafactor',
  'muon',
  'lbfgs',
] as const;
type LazyType = (typeof LAZY_OPTIMIZERS)[number];
type Create = OptimizerDef['create'];

// Why lazy: their step code is not needed for the default scene's first picture, and the first
// paint's JavaScript has a budget (DESIGN.md): the six older families' step code is ≈1 KB gzip. Their schema, TeX and note stay here for the UI.
const lazyCreates: Partial<Record<LazyType, Create>> = {};

/** Makes the lazy families runnable now, from their loaded modules (see loadOptimizers). */
export function registerOptimizers(defs: Readonly<Record<LazyType, OptimizerDef>>): void {
  for (const type of LAZY_OPTIMIZERS) lazyCreates[type] = defs[type].create;
}

/** Whether `type`'s arithmetic is loaded (always true for the families in this chunk). */
export function optimizerLoaded(type: OptimizerType): boolean {
  return !(LAZY_OPTIMIZERS as readonly string[]).includes(type) || type in lazyCreates;
}

let loading: Promise<void> | undefined;

/**
 * Loads the lazy families' arithmetic if any of `types` needs it (all of them when omitted);
 * resolves at once when nothing is missing. Rejects if the chunk cannot load.
 */
export function loadOptimizers(types?: readonly OptimizerType[]): Promise<void> {
  const needed = types ?? LAZY_OPTIMIZERS;
  if (needed.every(optimizerLoaded)) return Promise.resolve();
  loading ??= import('./torch2').then((m) => registerOptimizers(m.TORCH2_OPTIMIZERS));
  return loading;
}

function lazyDef(meta: Omit<OptimizerDef, 'create'>, type: LazyType): OptimizerDef {
  return {
    ...meta,
    create(config, n) {
      const create = lazyCreates[type];
      if (!create)
        throw new Error(`${meta.label} is not loaded yet: await loadOptimizers(['${type}'])`);
      return create(config, n);
    },
  };
}

/** Every optimizer family by its torch.optim type name. */
export const OPTIMIZERS: Readonly<Record<OptimizerType, OptimizerDef>> = withMaximize({
  sgd,
  adagrad: lazyDef(adagradMeta, 'adagrad'),
  adadelta: lazyDef(adadeltaMeta, 'adadelta'),
  rmsprop: lazyDef(rmspropMeta, 'rmsprop'),
  adam,
  adamw,
  adamax: lazyDef(adamaxMeta, 'adamax'),
  nadam: lazyDef(nadamMeta, 'nadam'),
  radam: lazyDef(radamMeta, 'radam'),
  rprop: lazyDef(rpropMeta, 'rprop'),
  asgd: lazyDef(asgdMeta, 'asgd'),
  adafactor: lazyDef(adafactorMeta, 'adafactor'),
  muon: lazyDef(muonMeta, 'muon'),
  lbfgs: lazyDef(lbfgsMeta, 'lbfgs'),
});

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
