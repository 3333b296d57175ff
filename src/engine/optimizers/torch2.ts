/**
 * The arithmetic of every family but SGD and Adam/AdamW (see ./index LAZY_OPTIMIZERS), one chunk
 * loaded on demand by ./index (loadOptimizers); importing ./all registers it synchronously instead.
 */
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adamax } from './adamax';
import { nadam } from './nadam';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { adafactor } from './adafactor';
import { asgd } from './asgd';
import { lbfgs } from './lbfgs';
import { muon } from './muon';
import { rprop } from './rprop';

export const TORCH2_OPTIMIZERS = {
  adagrad,
  adadelta,
  rmsprop,
  adamax,
  nadam,
  radam,
  rprop,
  asgd,
  adafactor,
  muon,
  lbfgs,
} as const;
