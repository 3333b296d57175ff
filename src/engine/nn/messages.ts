/**
 * The lab's messages about bad input (its network spec and its URL), as codes with English
 * sentences like engine/messages.ts; a table of their own so the map's first paint does not carry
 * them. The app says them through the same `engine.<code>` catalogue keys.
 */

import type { MessageParams } from '../messageParams';

export const LAB_MESSAGES = {
  'network.width': 'expected an integer from 1 to {max}',
  'network.layers': 'expected 1 to {max} layers, got {got}',
  'network.activation': 'unknown activation {got}',
  'network.residual': 'a residual needs equal widths, but layer {layer} maps {from} → {to}',
  'network.bnEps': 'expected a positive number',
  'network.bnMomentum': 'expected a number in [0, 1]',
  // The lab's URL (state/lab.ts).
  'lab.unknown': 'unknown setting, ignored',
  'lab.twice': 'given twice; the first value is kept',
  'lab.tooLong': 'longer than {max} characters, ignored',
  'lab.tooMany': 'more than two configurations; only A and B are read',
  // A field of the lab's URL whose value is refused: what was given, and what is used instead.
  'lab.whole': '"{got}" is not a whole number from {min} to {max}; {used} is used',
  'lab.aboveZero': '"{got}" is not a number above 0 and at most {max}; {used} is used',
  'lab.clip': '"{got}" is not 0 (off) or a positive number up to {max}; {used} is used',
  'lab.choice': '"{got}" is not one of {choices}; {used} is used',
  'lab.flag': '"{got}" is not 0 or 1; {used} is used',
} as const;

/** A code of {@link LAB_MESSAGES}. */
export type LabMessageCode = keyof typeof LAB_MESSAGES;

/** A field error with its English sentence, code and parameters (see messages.ts: fieldError). */
export function labFieldError(
  path: string,
  code: LabMessageCode,
  params: MessageParams = {},
): { path: string; message: string; code: LabMessageCode; params: MessageParams } {
  const message = LAB_MESSAGES[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
  return { path, message, code, params };
}
