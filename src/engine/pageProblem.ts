/**
 * A problem with one of the page's own URL parameters as a FieldError, its English sentence from
 * PAGE_MESSAGES filled in (kept apart from ./pageMessages, which ./messages imports for its codes).
 */
import { fillMessage } from './messages';
import type { MessageParams } from './messageParams';
import { PAGE_MESSAGES } from './pageMessages';
import type { PageMessageCode } from './pageMessages';
import type { FieldError } from './types';

/** A problem with one of the page's parameters, its English sentence filled in. */
export function pageProblem(
  path: string,
  code: PageMessageCode,
  params: MessageParams = {},
): FieldError {
  return { path, code, params, message: fillMessage(PAGE_MESSAGES[code], params) };
}
