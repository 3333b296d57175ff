/**
 * Every message the engine gives about bad input, as a code, its parameters and its English
 * sentence. Errors carry all three: the CLI prints the English `message`; the app looks the code
 * up in its catalogues (`engine.<code>` in src/i18n) so a Chinese page gets a Chinese sentence,
 * with the field and the offending value kept as written. Pure data, no DOM.
 */

import type { LabMessageCode } from './nn/messages';
import type { PageMessageCode } from './pageMessages';
import type { ReasonCode } from './optimizers/reasons';
import type { HintCode } from './surfaces/notation';
import type { MessageParams } from './messageParams';

/** Values a message names: field paths, user text (clipped), numbers, lists. */
export type { MessageParams };

/** English templates; `{name}` is replaced by the parameter of that name. */
export const ENGINE_MESSAGES = {
  // Expression parser and lexer (the column is given beside the message).
  'expr.empty': 'Empty expression',
  'expr.tooLong': 'Expression is too long ({length} characters; the limit is {limit})',
  'expr.internal': 'Could not parse the expression: {detail}',
  'expr.tooLarge': "Number '{text}' is too large",
  'expr.badChar': "Unexpected character '{text}'",
  'expr.badBracket': "Unexpected character '{text}' (use '(' and ')')",
  // Notation hints (sched): a character or name from another notation and how to write it here.
  'expr.badCharHint': "Unexpected character '{text}': {hint}",
  'expr.unknownNameHint': "Unknown name '{name}': {hint}",
  'expr.functionPower':
    "'{name}' is a function: write {name}(x)^2 for what textbooks write {name}²x",
  'expr.unmatchedClose': "Unmatched ')'",
  'expr.unexpected': "Unexpected '{text}'",
  'expr.tooDeep': 'Expression is nested too deeply (the limit is {limit} levels)',
  'expr.implicit':
    "Implicit multiplication is not allowed: write '*' between '{before}' and '{after}'",
  'expr.endTooSoon': "Unexpected end of expression: expected a number, x, y, a function or '('",
  'expr.emptyParens': "Empty parentheses '()'",
  'expr.expectedOperand': "Unexpected '{text}': expected a number, x, y, a function or '('",
  'expr.missingClose': "Missing ')' for the '(' at column {open}",
  'expr.expectedClose': "Expected ')' for the '(' at column {open}, found '{text}'",
  'expr.unknownName': "Unknown name '{name}'.",
  'expr.unknownNameSuggest': "Unknown name '{name}'. Did you mean {suggestions}?",
  'expr.implicitName':
    "Unknown name '{name}': implicit multiplication is not allowed, write {product}",
  'expr.isFunction': "'{name}' is a function: write {usage}",
  'expr.arityOne': "'{name}' takes 1 argument: write {usage}",
  'expr.arity': "'{name}' takes {arity} arguments: write {usage}",
  'expr.arityOneGot': "'{name}' takes 1 argument but got {got}: write {usage}",
  'expr.arityGot': "'{name}' takes {arity} arguments but got {got}: write {usage}",
  // Scene validation (each error also names its field path).
  'scene.notObject': 'a scene must be an object, got {got}',
  'scene.unknownField': 'is not a field of a scene',
  'scene.steps': 'must be a whole number from 1 to {max}, got {got}',
  'scene.list': 'must be a list, got {got}',
  'scene.tooMany': 'at most {max} optimizers, got {count}; the first {max} are kept',
  'scene.noneUsable': 'none of the listed optimizers can run',
  'scene.asgdZero':
    'torch raises ZeroDivisionError at step {step}: (1 + lambd·lr·t)^alpha is 0 there',
  'scene.asgdOverflow':
    'torch raises OverflowError at step {step}: (1 + lambd·lr·t)^alpha is beyond a float there',
  'scene.typed': 'must be an object with a type, got {got}',
  'scene.range': 'must be a number in (0, {max}], got {got}',
  'scene.rangeWhole': 'must be a whole number in (0, {max}], got {got}',
  'scene.scheduleType': 'must be one of {types}, got {got}',
  'scene.scheduleField': 'is not a field of a {type} schedule',
  'scene.nonNegative': 'must be a number >= 0, got {got}',
  'scene.optimizerType': 'must be one of {types}, got {got}',
  'scene.notHyper': 'is not a hyper-parameter of {type}',
  'scene.positive': 'must be a number > 0, got {got}',
  'scene.label': 'must be text of at most {max} characters',
  'scene.color': 'must be a colour like #1f77b4, got {got}',
  'scene.boolean': 'must be true or false, got {got}',
  'scene.nesterov': 'needs momentum > 0 and dampening = 0 (as torch.optim.SGD requires)',
  'scene.lbfgsMaxEval':
    'must give max_eval >= 1 (default max_iter × 5 // 4) with strong_wolfe, as torch.optim.LBFGS needs',
  'scene.rpropStepSizes':
    'must keep at least one bound: with both null, torch.optim.Rprop raises at the first step (torch.clamp needs a min or a max)',
  'scene.lbfgsZeroLr':
    'must be > 0 with strong_wolfe: its line search starts from a step of lr, and torch.optim.LBFGS divides by zero (ZeroDivisionError) interpolating from 0',
  'scene.evaluationBudget':
    'lets L-BFGS evaluate f {count} times, more than {max}; max_iter and max_eval use their defaults',
  'scene.surfaceRef': 'must be {"id": ...} or {"expr": ...}, got {got}',
  'scene.surfaceOneOf': 'must have exactly one of "id" or "expr"',
  'scene.surfaceField': 'is not a field of a surface (it has "id" or "expr")',
  'scene.text': 'must be text, got {got}',
  'scene.start': 'must be a point [x, y], got {got}',
  'scene.startRange': 'must be a finite number within ±{max}, got {got}',
  'scene.unknownSurface': 'unknown surface {got}; valid ids: {ids}',
  'scene.finite': 'must be a finite number, got {got}',
  'scene.finiteOrNull': 'must be a finite number or null, got {got}',
  'scene.integer': 'must be a whole number, got {got}',
  'scene.min': 'must be >= {min}, got {got}',
  'scene.minExclusive': 'must be > {min}, got {got}',
  'scene.max': 'must be <= {max}, got {got}',
  'scene.maxExclusive': 'must be < {max}, got {got}',
  'scene.pair': 'must be a pair [a, b], got {got}',
  'scene.tuple': 'must be a list of {length} numbers, got {got}',
  'scene.choice': 'must be one of {choices}, got {got}',
  // Learning-rate schedules (the validator and torch's own checks while stepping, schedule.ts).
  'schedule.required': 'is required (torch has no default)',
  'schedule.schedulers': 'must be a list of 1 to {max} schedules, got {got}',
  'schedule.plateauInSequential':
    'plateau cannot be in a sequential: torch SequentialLR refuses ReduceLROnPlateau (stepped with the loss)',
  'schedule.nestedSequential':
    'a sequential cannot hold another sequential here: list its schedules in this one',
  'schedule.milestoneList': 'must be a list of at most {max} whole numbers, got {got}',
  'schedule.milestoneElement': 'element {index} must be a finite number, got {got}',
  'schedule.zeroDivision': 'makes torch divide by zero',
  'schedule.fractionalPower': 'makes torch raise a negative number to a fractional power',
  'schedule.interval': 'must be in {interval} (torch {scheduler})',
  'schedule.below': 'must be < {max} (torch {scheduler}), got {got}',
  'schedule.positiveWhole': 'must be a positive whole number, got {got}',
  'schedule.wholeAtLeast': 'must be a whole number >= {min}, got {got}',
  'schedule.between': 'must be between {min} and {max}, got {got}',
  'schedule.tooFewSteps': 'is {total}, but the scene takes more steps',
  'schedule.noMomentum': 'needs an optimizer with momentum or betas; set cycle_momentum to false',
  'schedule.momentumBufferLate':
    "raises RMSprop's momentum from 0 at step {step}, where torch fails (KeyError 'momentum_buffer'): set max_momentum above 0",
  'schedule.noMomentumOf':
    '{optimizer} has neither momentum nor betas to cycle: set cycle_momentum to false',
  'schedule.milestoneCount':
    'must hold one milestone fewer than schedulers ({expected}), got {got}',
  'schedule.sequentialAtMilestone': 'torch cannot start a sequential schedule at a milestone',
  'schedule.sequentialEmpty': 'must hold at least one schedule (torch SequentialLR)',
  'schedule.plateauAlone': 'plateau is stepped with the loss; it is built on its own',
  // The scene's gradient noise (issue 14; engine/noise/spec.ts).
  'noise.notField': 'is not a field of {type} noise',
  'noise.required': 'is required for {type} noise',
  'noise.whole': 'must be a whole number from {min} to {max}, got {got}',
  'noise.scale': 'must be a number from 0 to {max}, got {got}',
  'noise.df': 'must be a number > 1 (so the noise has a mean) and <= {max}, got {got}',
  'noise.notSum':
    'minibatch noise needs a sum over data (the bumps surface), got {got}; use gaussian, heavy_tail or hessian',
  'noise.batchTooLarge': 'must be at most {terms} (the number of terms of {surface}), got {got}',
  'noise.closure':
    'cannot be used with L-BFGS ({path}): its line search re-evaluates the gradient within one step',
  // The scene's URL text, and the view settings beside it in the URL.
  'url.notPair': '"{text}" is not key=value',
  'url.badKey': '"{text}" is not a known field',
  'url.sceneTooLong': 'the scene text is {length} characters; at most {max}',
  'url.badPart': '"{text}" is not a scene part (f, e, p, n, o, noise)',
  'url.notEncoded': 'is not valid percent-encoded text; the default view is used',
  'view.flag': 'must be 0 or 1, got "{got}"',
  'view.whole': 'must be a whole number from {min} to {max}, got "{got}"',
  'view.domain':
    'must be four numbers x0,x1,y0,y1 within ±{max} with x0 < x1 and y0 < y1, got "{got}"',
  'view.tooLong': 'longer than {max} characters; ignored',
  'view.spacing': 'must be log or quantile, got "{got}"',
  'view.speed': 'must be a number of steps per second from 0.5 to 1000, got "{got}"',
  'view.unknown': 'is not a view setting',
  'view.orbit':
    'must be 0, 1 or the 3-D camera as azimuth,elevation,distance (from −3.142 to 3.142, 0.05 to 1.561, 1.2 to 8), got "{got}"; the default is kept',
  // A start outside f's domain (start.ts) and the lab's network spec (nn/network.ts).
  'start.outsideDomain':
    'f({x}, {y}) = {value}: the start lies outside where f is defined, so there is no path to draw; move the start',
} as const;

/** A code of {@link ENGINE_MESSAGES}. */
export type EngineMessageCode = keyof typeof ENGINE_MESSAGES;

/**
 * Any coded message the app translates: the engine's, the lab's own (nn/messages.ts), the page
 * parameters' (pageMessages.ts), a notation hint of the expression parser (surfaces/notation.ts)
 * or torch's reason for a bound (optimizers/reasons.ts). Each has its sentence under `engine.<code>` in the catalogues.
 */
export type MessageCode =
  EngineMessageCode | LabMessageCode | PageMessageCode | HintCode | ReasonCode;

/**
 * A sentence that is part of another message (a notation hint, torch's reason for a bound), as a
 * code and parameters so the app can say it in the reader's language; `inner` fills `{inner}`.
 */
export interface CodedText {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly inner?: CodedText;
}

/** The English sentence of `code` with `params` filled in. */
export function engineMessage(code: EngineMessageCode, params: MessageParams = {}): string {
  return fillMessage(ENGINE_MESSAGES[code], params);
}

/** `template` with each `{name}` replaced by the parameter of that name. */
export function fillMessage(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A field error with its English sentence, code and parameters. */
export function fieldError(
  path: string,
  code: EngineMessageCode,
  params: MessageParams = {},
): { path: string; message: string; code: EngineMessageCode; params: MessageParams } {
  return { path, message: engineMessage(code, params), code, params };
}
