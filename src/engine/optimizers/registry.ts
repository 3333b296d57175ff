/**
 * The optimizer registry: every family registers itself here from its own file (see
 * ./families, one import line per family). Everything that lists families (the scene validator,
 * the add menu, the lab's trainer, the CLI, "Copy as PyTorch", the formula panel, the bench)
 * reads OPTIMIZER_TYPES / OPTIMIZERS, so a family listed here is listed everywhere.
 */
import type { OptimizerDef, OptimizerMeta, OptimizerType } from '../types';
import type { OptimizerFormula } from './formulaTypes';
import { withMaximize } from './maximize';

/** A family's code: its arithmetic and, optionally, how its state reads on the map. */
export type OptimizerCode = Pick<OptimizerDef, 'create' | 'glyphs' | 'arrows'>;

/**
 * What a family registers: its schema, TeX and presets (small: the first paint needs them) and its
 * code, either at once (`create`, `glyphs`, `arrows`) or as a loader of its own module (`load`,
 * called by loadOptimizers after the first paint, and at once by workers, the CLI and the tests).
 */
export type OptimizerFamily = OptimizerMeta &
  (
    | (OptimizerCode & { readonly load?: never })
    | {
        readonly load: () => Promise<OptimizerCode>;
        readonly create?: never;
        readonly glyphs?: never;
        readonly arrows?: never;
      }
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

const codes: Partial<Record<OptimizerType, OptimizerCode>> = {};
const loaders: Partial<Record<OptimizerType, () => Promise<OptimizerCode>>> = {};

/** Adds a family to every list of the app; the one registration API (see ./families). */
export function registerOptimizer(family: OptimizerFamily): void {
  const { type, load, create, formula, ...meta } = family;
  // A family registered with its code is its own code (create, glyphs, arrows).
  if (create) codes[type] = family as OptimizerCode;
  else if (load) loaders[type] = load;
  if (formula) INLINE_FORMULAS[type] = formula;
  const def: OptimizerDef = {
    ...meta,
    type,
    create(config, n, shape) {
      const code = codes[type];
      if (!code)
        throw new Error(`${meta.label} is not loaded yet: await loadOptimizers(['${type}'])`);
      return code.create(config, n, shape);
    },
  };
  (OPTIMIZERS as Record<OptimizerType, OptimizerDef>)[type] = withMaximize(def);
  (OPTIMIZER_TYPES as OptimizerType[]).push(type);
}

/** Whether `type`'s arithmetic is loaded (always true for a family registered with `create`). */
export function optimizerLoaded(type: OptimizerType): boolean {
  return type in codes;
}

/** `type`'s code once loaded (its glyphs and arrows for engine/analysis), else undefined. */
export function optimizerCode(type: OptimizerType): OptimizerCode | undefined {
  return codes[type];
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
        (loading[type] ??= loaders[type]!().then((code) => {
          codes[type] = code;
        })),
    ),
  ).then(() => undefined);
}
