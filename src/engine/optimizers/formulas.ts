/**
 * The formula panel's registry: every family's `*.formula.ts` (its rule with this step's numbers
 * and the notes' box) by torch.optim type name. A chunk of its own, loaded with the panel after
 * the first paint; ./index is the registry of everything the first paint needs.
 */
import type { OptimizerType } from '../types';
import { adadeltaFormula } from './adadelta.formula';
import { adafactorFormula } from './adafactor.formula';
import { adagradFormula } from './adagrad.formula';
import { adamFormula } from './adam.formula';
import { adamaxFormula } from './adamax.formula';
import { adamwFormula } from './adamw.formula';
import { asgdFormula } from './asgd.formula';
import { lbfgsFormula } from './lbfgs.formula';
import { muonFormula } from './muon.formula';
import { nadamFormula } from './nadam.formula';
import { radamFormula } from './radam.formula';
import { rmspropFormula } from './rmsprop.formula';
import { rpropFormula } from './rprop.formula';
import { sgdFormula } from './sgd.formula';
import type { OptimizerFormula } from './stepTex';

export type { OptimizerFormula, StepFrame, StepNumbers } from './stepTex';

/** Every family's formula part (a missing family is a type error: the record is total). */
export const FORMULAS: Readonly<Record<OptimizerType, OptimizerFormula>> = {
  sgd: sgdFormula,
  adagrad: adagradFormula,
  adadelta: adadeltaFormula,
  rmsprop: rmspropFormula,
  adam: adamFormula,
  adamw: adamwFormula,
  adamax: adamaxFormula,
  nadam: nadamFormula,
  radam: radamFormula,
  rprop: rpropFormula,
  asgd: asgdFormula,
  adafactor: adafactorFormula,
  muon: muonFormula,
  lbfgs: lbfgsFormula,
};
