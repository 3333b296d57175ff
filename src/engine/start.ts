/**
 * A start where f is not finite (log(x) at x = 0, sqrt(x) at x < 0): torch's loop would stop
 * before its first step, so there is no path to show. The CLI refuses such a scene naming
 * `start`; the UI tells the learner the start lies outside where f is defined.
 */
import { fieldError } from './messages';
import type { DomainPoint, FieldError, Surface } from './types';

/** The error kind the UI recognises (and translates) for a start outside f's domain. */
export const START_OUTSIDE_DOMAIN = 'start-outside-domain';

/** A FieldError on `start`, with the kind and the value f takes there (NaN or ±Infinity). */
export interface StartOutsideDomain extends FieldError {
  readonly kind: typeof START_OUTSIDE_DOMAIN;
  readonly path: 'start';
  /** f(start), as the engine and torch compute it. */
  readonly value: number;
}

/** Python's spelling of a non-finite float, as torch prints it. */
function pythonFloat(value: number): string {
  return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
}

/** undefined when f(start) is finite, else the error naming `start` and the value f takes there. */
export function checkStart(surface: Surface, start: DomainPoint): StartOutsideDomain | undefined {
  const value = surface.f(start[0], start[1]);
  if (Number.isFinite(value)) return undefined;
  return {
    ...fieldError('start', 'start.outsideDomain', {
      x: start[0],
      y: start[1],
      value: pythonFloat(value),
    }),
    kind: START_OUTSIDE_DOMAIN,
    path: 'start',
    value,
  };
}
