/**
 * The built-in optimizer families, in the add menu's order: one line per family. Each file
 * registers its family (schema, TeX, note, presets, and its arithmetic or a loader of it) through
 * ./registry's registerOptimizer, and names its type for the compiler (OptimizerTypeNames); its
 * formula panel part is `<type>.formula.ts`, found by that name. See README.md, "Adding an
 * optimizer".
 */
import './sgd';
import './adagrad.meta';
import './adadelta.meta';
import './rmsprop.meta';
import './adam';
import './adamw';
import './adamax.meta';
import './nadam.meta';
import './radam.meta';
import './rprop.meta';
import './asgd.meta';
import './adafactor.meta';
import './muon.meta';
import './lbfgs.meta';
