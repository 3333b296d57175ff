/**
 * The optimizer registry: every family registers itself here from its own file (see
 * ./families, one import line per family). Everything that lists families (the scene validator,
 * the add menu, the lab's trainer, the CLI, "Copy as PyTorch", the formula panel, the bench)
 * reads OPTIMIZER_TYPES / OPTIMIZERS, so a family listed here is listed everywhere.
 */
import type { OptimizerDef, OptimizerType } from '../types';
import type { OptimizerFormula } from './formulaTypes';
import { withMaximize } from './maximize';

type Create = OptimizerDef['create'];

/**
 * What a family registers: its schema, TeX, note and presets (small: the first paint needs them)
 * and its arithmetic, either at once (`create`) or as a loader of its own chunk (`load`, called
 * by loadOptimizers after the first paint, and at once by workers, the CLI and the tests).
 */
export type OptimizerFamily = Omit<OptimizerDef, 'create'> &
  (
    | { readonly create: Create; readonly load?: never }
    | { readonly load: () => Promise<Create>; readonly create?: never }
  ) & {
    /**
     * The formula panel's part given inline. Built-in families leave it out: their
     * `<type>.formula.ts` is found by its name (./formulas) and loads with the panel.
     */
    readonly formula?: OptimizerFormula;
  };

/** Every registered type name, in registration (add-menu) order. Live: registering appends. */
export const OPTIMIZER_TYPES: readonly OptimizerType[] = [];
/** Every registered family's definition by its torch.optim type name. */
export const OPTIMIZERS = {} as Readonly<Record<OptimizerType, OptimizerDef>>;
/** Formulas given inline at registration (see OptimizerFamily.formula). */
export const INLINE_FORMULAS: Partial<Record<OptimizerType, OptimizerFormula>> = {};

const creates: Partial<Record<OptimizerType, Create>> = {};
const loaders: Partial<Record<OptimizerType, () => Promise<Create>>> = {};

/** Adds a family to every list of the app; the one registration API (see ./families). */
export function registerOptimizer(family: OptimizerFamily): void {
  const { type, load, create, formula, ...meta } = family;
  if (create) creates[type] = create;
  else if (load) loaders[type] = load;
  if (formula) INLINE_FORMULAS[type] = formula;
  const def: OptimizerDef = {
    ...meta,
    type,
    create(config, n) {
      const made = creates[type];
      if (!made)
        throw new Error(`${meta.label} is not loaded yet: await loadOptimizers(['${type}'])`);
      return made(config, n);
    },
  };
  (OPTIMIZERS as Record<OptimizerType, OptimizerDef>)[type] = withMaximize(def);
  (OPTIMIZER_TYPES as OptimizerType[]).push(type);
}

/** Whether `type`'s arithmetic is loaded (always true for a family registered with `create`). */
export function optimizerLoaded(type: OptimizerType): boolean {
  return type in creates;
}

const loading: Partial<Record<OptimizerType, Promise<void>>> = {};

/**
 * Loads the arithmetic of `types` (every family when omitted) that is not loaded yet; resolves at
 * once when nothing is missing. Rejects if a chunk cannot load.
 */
export function loadOptimizers(types: readonly OptimizerType[] = OPTIMIZER_TYPES): Promise<void> {
  const missing = types.filter((type) => !optimizerLoaded(type));
  if (missing.length === 0) return Promise.resolve();
  return Promise.all(
    missing.map(
      (type) =>
        (loading[type] ??= loaders[type]!().then((create) => {
          creates[type] = create;
        })),
    ),
  ).then(() => undefined);
}
