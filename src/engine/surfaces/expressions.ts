/**
 * Typed expressions as surfaces: parse, compile and cache (the expression compiler, ~8 KB gzip).
 * Importing this module plugs the compiler into `resolveSurface` (./resolve); the app's main
 * thread loads it after the first paint or before a scene with an expression (loadExpressions),
 * while workers, the CLI and tests get it through ./index.
 */
import type { FieldError, Surface } from '../types';
import { compileExpression } from './compile';
import { parseExpression } from './parser';
import { registerExpressionCompiler } from './resolve';

/** How many compiled expressions are kept: typing re-resolves the same few sources often. */
const CACHE_SIZE = 16;
const compiled = new Map<string, Surface>();

/** The surface of `source`, compiled once (the last CACHE_SIZE sources are kept). */
export function compileCached(
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
    const { message, column, code, params, hint } = parsed.error;
    const error: FieldError = {
      path: 'surface.expr',
      message: `${message} (column ${column})`,
      code,
      params: { ...params, column },
    };
    return { ok: false, error: hint ? { ...error, hint } : error };
  }
  const surface = compileExpression(parsed.ast, source);
  compiled.set(source, surface);
  if (compiled.size > CACHE_SIZE) {
    const oldest = compiled.keys().next();
    if (!oldest.done) compiled.delete(oldest.value);
  }
  return { ok: true, surface };
}

registerExpressionCompiler(compileCached);

export { parseExpression };
