/**
 * Recursive-descent parser for typed expressions.
 *
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary (('^' | '**') unary)?      right-associative; -x^2 = -(x^2), 2^-1 = 2^(-1)
 *   primary := number | x | y | pi | e | function '(' sum (',' sum)? ')' | '(' sum ')'
 *
 * Input is bounded in length and nesting depth before any recursion, so no input can overflow
 * the stack or take long; every problem comes back as an ExpressionError, never a throw.
 */
import { engineMessage } from '../messages';
import type { EngineMessageCode, MessageParams } from '../messages';
import {
  CONSTANTS,
  KNOWN_NAMES,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  arityOf,
  isFunctionName,
} from './ast';
import type { ConstantName, Expr, ExpressionError, ParseResult } from './ast';
import { tokenize } from './lexer';
import { hintText, nameHint } from './notation';
import type { Hint } from './notation';
import type { Token } from './lexer';

/** Thrown inside the parser only; parseExpression turns it into an error result. */
class ParseFailure {
  constructor(
    readonly code: EngineMessageCode,
    readonly params: MessageParams,
    readonly offset: number,
    readonly hint?: Hint,
  ) {}
}

/** 1-based column in characters (code points) of a UTF-16 offset. */
function columnOf(src: string, offset: number): number {
  let column = 1;
  for (let i = 0; i < offset && i < src.length; i++) {
    const code = src.charCodeAt(i);
    // The second half of a surrogate pair does not start a new character.
    if (code < 0xdc00 || code > 0xdfff) column++;
  }
  return offset > src.length ? column + (offset - src.length) : column;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** At most 24 characters of user text in a message: a token can be a thousand characters long. */
function clipText(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function unknownName(name: string, offset: number): ParseFailure {
  if (/^[xy]{2,}$/.test(name)) {
    const product = clipText(name.split('').join('*'));
    return new ParseFailure('expr.implicitName', { name: clipText(name), product }, offset);
  }
  const hint = nameHint(name, (n) => KNOWN_NAMES.includes(n));
  if (hint !== undefined) {
    return new ParseFailure(
      'expr.unknownNameHint',
      { name: clipText(name), hint: hintText(hint) },
      offset,
      hint,
    );
  }
  const lower = name.toLowerCase();
  const close = KNOWN_NAMES.map((known) => ({
    known,
    distance: known === lower ? 0 : editDistance(lower, known),
  }))
    .filter(({ known, distance }) => distance <= (Math.min(known.length, name.length) <= 3 ? 1 : 2))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ known }) => known);
  return close.length > 0
    ? new ParseFailure(
        'expr.unknownNameSuggest',
        { name: clipText(name), suggestions: close.join(', ') },
        offset,
      )
    : new ParseFailure('expr.unknownName', { name: clipText(name) }, offset);
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): Expr {
    const first = this.peek();
    if (first.type === 'end') throw new ParseFailure('expr.empty', {}, 0);
    const expr = this.parseSum();
    const next = this.peek();
    if (next.type !== 'end') {
      if (next.type === 'symbol' && next.text === ')') {
        throw new ParseFailure('expr.unmatchedClose', {}, next.start);
      }
      throw new ParseFailure('expr.unexpected', { text: this.text(next) }, next.start);
    }
    return expr;
  }

  private peek(): Token {
    // The token list always ends with an 'end' token, and the parser never moves past it.
    return this.tokens[this.position] ?? this.tokens[this.tokens.length - 1]!;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.position++;
    return token;
  }

  private isSymbol(token: Token, ...symbols: string[]): boolean {
    return token.type === 'symbol' && symbols.includes(token.text);
  }

  private text(token: Token): string {
    return clipText(this.src.slice(token.start, token.end));
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > MAX_EXPRESSION_DEPTH) {
      throw new ParseFailure('expr.tooDeep', { limit: MAX_EXPRESSION_DEPTH }, token.start);
    }
  }

  private leave(): void {
    this.depth--;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'symbol' || (token.text !== '+' && token.text !== '-')) return left;
      this.advance();
      const right = this.parseProduct();
      left = { kind: 'binary', op: token.text, left, right };
    }
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'symbol' || (token.text !== '*' && token.text !== '/')) return left;
      this.advance();
      const right = this.parseUnary();
      left = { kind: 'binary', op: token.text, left, right };
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (this.isSymbol(token, '-', '+')) {
      this.advance();
      this.enter(token);
      const arg = this.parseUnary();
      this.leave();
      return token.type === 'symbol' && token.text === '-' ? { kind: 'negate', arg } : arg;
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    const next = this.peek();
    if (next.type === 'number' || next.type === 'name' || this.isSymbol(next, '(')) {
      const previous = this.tokens[this.position - 1];
      const before = previous ? this.text(previous) : '';
      throw new ParseFailure('expr.implicit', { before, after: this.text(next) }, next.start);
    }
    if (!this.isSymbol(next, '^')) return base;
    this.advance();
    this.enter(next);
    const exponent = this.parseUnary();
    this.leave();
    return { kind: 'binary', op: '^', left: base, right: exponent };
  }

  private parsePrimary(): Expr {
    const token = this.advance();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'name':
        return this.parseName(token);
      case 'end':
        throw new ParseFailure('expr.endTooSoon', {}, token.start);
      case 'symbol': {
        if (token.text === '(') {
          this.enter(token);
          const inner = this.parseSum();
          this.leave();
          this.expectClosing(token);
          return inner;
        }
        if (token.text === ')' && this.isSymbol(this.tokens[this.position - 2] ?? token, '(')) {
          throw new ParseFailure('expr.emptyParens', {}, token.start);
        }
        throw new ParseFailure('expr.expectedOperand', { text: this.text(token) }, token.start);
      }
    }
  }

  private expectClosing(open: Token): void {
    const token = this.peek();
    if (this.isSymbol(token, ')')) {
      this.advance();
      return;
    }
    const column = columnOf(this.src, open.start);
    if (token.type === 'end') {
      throw new ParseFailure('expr.missingClose', { open: column }, token.start);
    }
    throw new ParseFailure(
      'expr.expectedClose',
      { open: column, text: this.text(token) },
      token.start,
    );
  }

  private parseName(token: Token & { type: 'name' }): Expr {
    const name = token.text;
    if (name === 'x' || name === 'y') return { kind: 'variable', name };
    if (Object.hasOwn(CONSTANTS, name)) return { kind: 'constant', name: name as ConstantName };
    if (!isFunctionName(name)) throw unknownName(name, token.start);
    const open = this.peek();
    const arity = arityOf(name);
    const usage = arity === 1 ? `${name}(...)` : `${name}(a, b)`;
    if (this.isSymbol(open, '^') && arity === 1) {
      // sin^2(x), as textbooks write sin²x.
      throw new ParseFailure('expr.functionPower', { name }, token.start);
    }
    if (!this.isSymbol(open, '(')) {
      throw new ParseFailure('expr.isFunction', { name, usage }, token.start);
    }
    this.advance();
    this.enter(open);
    const args: Expr[] = [];
    if (this.isSymbol(this.peek(), ')')) {
      throw new ParseFailure(
        arity === 1 ? 'expr.arityOne' : 'expr.arity',
        { name, arity, usage },
        token.start,
      );
    }
    args.push(this.parseSum());
    while (this.isSymbol(this.peek(), ',')) {
      this.advance();
      args.push(this.parseSum());
    }
    this.leave();
    this.expectClosing(open);
    if (args.length !== arity) {
      throw new ParseFailure(
        arity === 1 ? 'expr.arityOneGot' : 'expr.arityGot',
        { name, arity, got: args.length, usage },
        token.start,
      );
    }
    const [first, second] = args as [Expr, Expr | undefined];
    if (name === 'min' || name === 'max' || name === 'pow') {
      return { kind: 'call', fn: name, args: [first, second!] };
    }
    return { kind: 'call', fn: name, args: [first] };
  }
}

/** Parses a typed expression in x and y; never throws. */
export function parseExpression(src: string): ParseResult {
  if (src.length > MAX_EXPRESSION_LENGTH) {
    return fail(
      'expr.tooLong',
      { length: src.length, limit: MAX_EXPRESSION_LENGTH },
      MAX_EXPRESSION_LENGTH + 1,
    );
  }
  const lexed = tokenize(src);
  if (!lexed.ok) {
    const { code, params, offset, hint } = lexed.error;
    return fail(code, params, columnOf(src, offset), hint);
  }
  try {
    return { ok: true, ast: new Parser(src, lexed.tokens).parse() };
  } catch (failure) {
    if (failure instanceof ParseFailure) {
      return fail(failure.code, failure.params, columnOf(src, failure.offset), failure.hint);
    }
    return fail('expr.internal', { detail: String(failure) }, 1);
  }
}

function fail(
  code: EngineMessageCode,
  params: MessageParams,
  column: number,
  hint?: Hint,
): { ok: false; error: ExpressionError } {
  const error = { message: engineMessage(code, params), column, code, params };
  return { ok: false, error: hint ? { ...error, hint } : error };
}
