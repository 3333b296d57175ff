/**
 * The engine's input errors in the reader's language. Engine errors carry a code and the values
 * they name (engine/messages.ts); the sentence comes from the catalogue (`engine.<code>`), with
 * field paths and typed values kept as written. Errors without a code keep their English text.
 * torch's reason for a bound (English) is added on English pages only, not mixed into Chinese.
 */
import type { EngineMessageCode, MessageCode, MessageParams } from '../engine/messages';
import { getLocale, isMessageKey, t } from '../i18n';

/** Anything with an English message and, optionally, the code and parameters behind it. */
export interface CodedMessage {
  readonly message: string;
  readonly code?: MessageCode | undefined;
  readonly params?: MessageParams | undefined;
  /** torch's reason for a bound, in English (FieldError.reason). */
  readonly reason?: string | undefined;
}

/**
 * Notation hints ("write sin(x)") are English text built by the parser: a Chinese page says the
 * plain message instead of mixing English into its sentence.
 */
const WITHOUT_HINT: Partial<Record<MessageCode, EngineMessageCode>> = {
  'expr.unknownNameHint': 'expr.unknownName',
  'expr.badCharHint': 'expr.badChar',
};

/** The message of `error` in the current language. */
export function localMessage(error: CodedMessage): string {
  const { params = {} } = error;
  let { code } = error;
  if (code === undefined) return error.message;
  if (getLocale() !== 'en') code = WITHOUT_HINT[code] ?? code;
  const key = `engine.${code}`;
  if (!isMessageKey(key)) return error.message;
  // torch's reason is English text: said on English pages, left out of a Chinese sentence.
  const reason = error.reason !== undefined && getLocale() === 'en' ? ` (${error.reason})` : '';
  const text = t(key, params) + reason;
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
