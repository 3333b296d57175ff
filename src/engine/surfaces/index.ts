/**
 * Every surface the app can show, by reference: the named ones and typed expressions.
 */
import { fieldError } from '../messages';
import type { FieldError, Surface, SurfaceRef } from '../types';
import { compileExpression } from './compile';
import { NAMED_SURFACE_LIST } from './named';
import { parseExpression } from './parser';

export { compileExpression, parseExpression };
export { expressionToTex, printExpression } from './printer';
export type { Expr, ExpressionError, ParseResult } from './ast';
export { sampleGrid, sampleGridWithGradient, gridCoordinates, isGridEvaluator } from './grid';
export type { GridEvaluator, GridSamples } from './grid';

/** Named surfaces by id. */
export const NAMED_SURFACES: Readonly<Record<string, Surface>> = Object.freeze(
  Object.fromEntries(NAMED_SURFACE_LIST.map((surface) => [surface.id, surface])),
);

/** Ids of the named surfaces, in DESIGN.md order. */
export const SURFACE_IDS: readonly string[] = Object.freeze(NAMED_SURFACE_LIST.map((s) => s.id));

/** How many compiled expressions are kept: typing re-resolves the same few sources often. */
const CACHE_SIZE = 16;
const compiled = new Map<string, Surface>();

function compileCached(
  source: string,
): { ok: true; surface: Surface } | { ok: false; error: FieldError } {
  const hit = compiled.get(source);
  if (hit) {
    // Re-insert so the Map's insertion order is least-recently-used first.
    compiled.delete(source);
    compiled.set(source, hit);
    return { ok: true, surface: hit };
  }
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    const { message, column, code, params } = parsed.error;
    return {
      ok: false,
      error: {
        path: 'surface.expr',
        message: `${message} (column ${column})`,
        code,
        params: { ...params, column },
      },
    };
  }
  const surface = compileExpression(parsed.ast, source);
  compiled.set(source, surface);
  if (compiled.size > CACHE_SIZE) {
    const oldest = compiled.keys().next();
    if (!oldest.done) compiled.delete(oldest.value);
  }
  return { ok: true, surface };
}

/**
 * The Surface a scene refers to, or a field error: 'surface.id' for an unknown id (listing the
 * valid ones), 'surface.expr' for an expression that does not parse (message with its column).
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
