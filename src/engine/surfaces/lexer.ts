import type { EngineMessageCode, MessageParams } from '../messages';
/**
 * Splits an expression's source into tokens. Positions are UTF-16 offsets into the source;
 * the parser turns them into 1-based character columns only when it reports an error.
 */

import { characterHint, hintText } from './notation';
import type { Hint } from './notation';

/** One token of the source. `start`/`end` are offsets into the source string. */
export type Token =
  | {
      readonly type: 'number';
      readonly value: number;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'name'; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly type: 'symbol';
      readonly text: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ',';
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'end'; readonly start: number; readonly end: number };

/** A lexing problem at a source offset. */
export interface LexError {
  readonly code: EngineMessageCode;
  readonly params: MessageParams;
  readonly offset: number;
  /** A notation hint, structured so the app can translate it (its English is in params.hint). */
  readonly hint?: Hint;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WHITESPACE = /[ \t\r\n]+/y;

/** Tokenizes `src`, ending with an 'end' token, or returns the first lexing error. */
export function tokenize(
  src: string,
): { ok: true; tokens: Token[] } | { ok: false; error: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    WHITESPACE.lastIndex = i;
    if (WHITESPACE.test(src)) {
      i = WHITESPACE.lastIndex;
      continue;
    }
    const ch = src.charAt(i);
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(src);
    if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) {
        const shown = number[0].length > 24 ? `${number[0].slice(0, 24)}…` : number[0];
        return { ok: false, error: { code: 'expr.tooLarge', params: { text: shown }, offset: i } };
      }
      tokens.push({ type: 'number', value, start: i, end: NUMBER.lastIndex });
      i = NUMBER.lastIndex;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name) {
      tokens.push({ type: 'name', text: name[0], start: i, end: NAME.lastIndex });
      i = NAME.lastIndex;
      continue;
    }
    if (ch === '*' && src.charAt(i + 1) === '*') {
      tokens.push({ type: 'symbol', text: '^', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    // U+2212 MINUS SIGN, as pasted from typeset formulas, means '-'.
    const symbol = ch === '\u2212' ? '-' : ch;
    if (
      symbol === '+' ||
      symbol === '-' ||
      symbol === '*' ||
      symbol === '/' ||
      symbol === '^' ||
      symbol === '(' ||
      symbol === ')' ||
      symbol === ','
    ) {
      tokens.push({ type: 'symbol', text: symbol, start: i, end: i + 1 });
      i += 1;
      continue;
    }
    const codePoint = src.codePointAt(i) ?? 0;
    const shown = String.fromCodePoint(codePoint);
    // Brackets have their own translated sentence; another notation's character gets a hint.
    const hint = ch === '[' || ch === '{' ? undefined : characterHint(shown);
    const error: LexError =
      ch === '[' || ch === '{'
        ? { code: 'expr.badBracket', params: { text: shown }, offset: i }
        : hint
          ? {
              code: 'expr.badCharHint',
              params: { text: shown, hint: hintText(hint) },
              offset: i,
              hint,
            }
          : { code: 'expr.badChar', params: { text: shown }, offset: i };
    return { ok: false, error };
  }
  tokens.push({ type: 'end', start: src.length, end: src.length });
  return { ok: true, tokens };
}
