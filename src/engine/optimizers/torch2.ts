/**
 * The arithmetic of torch 2.x's Rprop, ASGD, Adafactor, Muon and L-BFGS, one chunk loaded on
 * demand by ./index (loadOptimizers); importing ./all registers it synchronously instead.
 */
import { adafactor } from './adafactor';
import { asgd } from './asgd';
import { lbfgs } from './lbfgs';
import { muon } from './muon';
import { rprop } from './rprop';

export const TORCH2_OPTIMIZERS = { rprop, asgd, adafactor, muon, lbfgs } as const;
