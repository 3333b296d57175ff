/**
 * torch's reasons for the bounds of hyper-parameters, in our words, as message codes and
 * parameters (like engine/messages.ts): the validator ends its English sentence with the reason,
 * and the app says it in the reader's language (`engine.why.*` in src/i18n). Field names and
 * torch's class names are parameters or kept as written: they are code.
 */
import type { MessageParams } from '../messageParams';

/** English templates; `{name}` is replaced by the parameter of that name. */
export const REASON_MESSAGES = {
  'why.negativeLr': '{torch} refuses a negative learning rate',
  'why.negativeWeightDecay': '{torch} refuses a negative weight decay',
  'why.negativeEps': '{torch} refuses a negative epsilon',
  'why.negative': '{torch} refuses a negative {name}',
  'why.betas': '{torch} needs each beta in [0, 1)',
  'why.unit': '{torch} needs {name} in [0, 1]',
  'why.rpropEtas':
    '{torch} needs 0 < etas[0] < 1 < etas[1] (shrink on a sign flip, grow otherwise)',
  'why.lbfgsHistory': '{torch} fails at its second step with a history smaller than 1',
  'why.lbfgsHistoryWhole': '{torch} multiplies a list by it, which needs a whole number',
  'why.lbfgsHistoryCap': 'the app keeps at most a million pairs; a longer history is never filled',
  'why.adafactorDecay':
    '{torch} needs beta2_decay <= 0 (β₂ = 1 − t^beta2_decay must stay in [0, 1))',
  'why.adafactorD': '{torch} needs the clipping threshold d >= 1',
  'why.muonCoefficients':
    '{torch} turns the coefficients into float32 for its bfloat16 matrix products, which overflows',
  'why.muonEps': '{torch} clamps in bfloat16, which cannot hold a larger eps',
  'why.muonSteps': '{torch} runs at most {max} Newton–Schulz steps',
} as const;

/** A code of {@link REASON_MESSAGES}. */
export type ReasonCode = keyof typeof REASON_MESSAGES;

/** torch's reason for a bound: a code and its parameters (`torch` names who refuses). */
export interface Reason {
  readonly code: ReasonCode;
  readonly params: MessageParams;
}

/** A reason; `torch` defaults to plain "torch" (a class such as torch.optim.Muon where it says so). */
export function reason(code: ReasonCode, params: MessageParams = {}): Reason {
  return { code, params: { torch: 'torch', ...params } };
}

/** The English sentence of a reason. */
export function reasonText(why: Reason): string {
  return REASON_MESSAGES[why.code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    why.params[name] === undefined ? whole : String(why.params[name]),
  );
}
