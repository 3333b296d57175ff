/**
 * The engine's input errors in the reader's language. Engine errors carry a code and the values
 * they name (engine/messages.ts); the sentence comes from the catalogue (`engine.<code>`), with
 * field paths and typed values kept as written. Errors without a code keep their English text.
 * The parts of a sentence that are sentences of their own (a notation hint, torch's reason for a
 * bound) are coded too and translated the same way; torch's own exception words (English, with
 * no code: "ZeroDivisionError") are added on English pages only.
 */
import type { CodedText, MessageCode, MessageParams } from '../engine/messages';
import { getLocale, isMessageKey, t } from '../i18n';

/** Anything with an English message and, optionally, the code and parameters behind it. */
export interface CodedMessage {
  readonly message: string;
  readonly code?: MessageCode | undefined;
  readonly params?: MessageParams | undefined;
  /** torch's reason for a bound, in English (FieldError.reason). */
  readonly reason?: string | undefined;
  /** `reason` coded, to be said in the reader's language. */
  readonly because?: CodedText | undefined;
  /** A notation hint (its English is params.hint), coded. */
  readonly hint?: CodedText | undefined;
}

/** A coded part of a sentence in the current language, or undefined when its text is not loaded. */
export function localText(text: CodedText): string | undefined {
  const key = `engine.${text.code}`;
  if (!isMessageKey(key)) return undefined;
  if (text.inner === undefined) return t(key, text.params);
  const inner = localText(text.inner);
  return inner === undefined ? undefined : t(key, { ...text.params, inner });
}

/** The message of `error` in the current language. */
export function localMessage(error: CodedMessage): string {
  let { params = {} } = error;
  const { code } = error;
  if (code === undefined) return error.message;
  const key = `engine.${code}`;
  if (!isMessageKey(key)) return error.message;
  if (error.hint) {
    // The hint is a sentence of its own: in the page's language, not the English of params.hint.
    const hint = localText(error.hint);
    if (hint === undefined) return error.message;
    params = { ...params, hint };
  }
  let text = t(key, params);
  const because = error.because && localText(error.because);
  if (because !== undefined) text = t('engine.withReason', { message: text, reason: because });
  else if (error.reason !== undefined && getLocale() === 'en') text += ` (${error.reason})`;
  // An expression's error inside a scene field also says its column.
  if (code.startsWith('expr.') && typeof params.column === 'number') {
    return t('engine.atColumn', { message: text, column: params.column });
  }
  return text;
}

/** `path: message` for a field error, the path left as written (it is code). */
export function localFieldMessage(error: CodedMessage & { readonly path: string }): string {
  const text = localMessage(error);
  return error.path ? `${error.path}: ${text}` : text;
}
