/**
 * Every surface the app can show, by reference: the named ones, and typed expressions once the
 * expression compiler is loaded (./expressions registers itself; ./index imports it, so workers,
 * the CLI and tests always have it). Kept apart from the compiler so the app's first bundle can
 * resolve named surfaces without it.
 */
import { fieldError } from '../messages';
import type { FieldError, Surface, SurfaceRef } from '../types';
import { NAMED_SURFACE_LIST } from './named';

/** Named surfaces by id. */
export const NAMED_SURFACES: Readonly<Record<string, Surface>> = Object.freeze(
  Object.fromEntries(NAMED_SURFACE_LIST.map((surface) => [surface.id, surface])),
);

/** Ids of the named surfaces, in DESIGN.md order. */
export const SURFACE_IDS: readonly string[] = Object.freeze(NAMED_SURFACE_LIST.map((s) => s.id));

type ExpressionCompiler = (
  source: string,
) => { ok: true; surface: Surface } | { ok: false; error: FieldError };

let compileCached: ExpressionCompiler | undefined;

/** Thrown by resolveSurface for an expression while the compiler is not loaded. */
export class ExpressionsNotLoaded extends Error {
  constructor() {
    super('the expression compiler is not loaded: await loadExpressions() first');
    this.name = 'ExpressionsNotLoaded';
  }
}

/** Plugs in the expression compiler (called by ./expressions when it loads). */
export function registerExpressionCompiler(compiler: ExpressionCompiler): void {
  compileCached = compiler;
}

/** Whether typed expressions can be resolved now. */
export function expressionsLoaded(): boolean {
  return compileCached !== undefined;
}

let loading: Promise<void> | undefined;

/** Loads the expression compiler once; resolves at once when it is in. Rejects if the chunk cannot load. */
export function loadExpressions(): Promise<void> {
  if (compileCached) return Promise.resolve();
  loading ??= import('./expressions').then(() => undefined);
  return loading;
}

/**
 * The Surface a scene refers to, or a field error: 'surface.id' for an unknown id (listing the
 * valid ones), 'surface.expr' for an expression that does not parse (message with its column).
 * Throws when `ref` is an expression and the compiler is not loaded (see loadExpressions).
 */
export function resolveSurface(
  ref: SurfaceRef,
): { ok: true; surface: Surface } | { ok: false; error: FieldError } {
  if ('expr' in ref) {
    if (typeof ref.expr !== 'string') {
      return {
        ok: false,
        error: fieldError('surface.expr', 'scene.text', { got: typeof ref.expr }),
      };
    }
    if (!compileCached) {
      throw new ExpressionsNotLoaded();
    }
    return compileCached(ref.expr);
  }
  const id: unknown = ref.id;
  const surface =
    typeof id === 'string' && Object.hasOwn(NAMED_SURFACES, id) ? NAMED_SURFACES[id] : undefined;
  if (!surface) {
    // Only the start of an unknown id is echoed: a URL can carry thousands of characters.
    const shown = typeof id === 'string' && id.length > 40 ? `${id.slice(0, 40)}…` : id;
    return {
      ok: false,
      error: fieldError('surface.id', 'scene.unknownSurface', {
        got: JSON.stringify(shown) ?? String(shown),
        ids: SURFACE_IDS.join(', '),
      }),
    };
  }
  return { ok: true, surface };
}
