/**
 * Side-effect import for code that runs scenes synchronously from its start (workers, the CLI,
 * tests): every optimizer family, the lazily loaded ones included, is runnable once this is imported.
 */
import { registerOptimizers } from './index';
import { TORCH2_OPTIMIZERS } from './torch2';

registerOptimizers(TORCH2_OPTIMIZERS);
