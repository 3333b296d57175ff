/**
 * For code that runs scenes synchronously from its start (the CLI, the bench, the tests): every
 * optimizer family, the lazily loaded ones included, is runnable once this module has been
 * imported (a top-level await on their chunks). The workers load them before their first request
 * instead (see worker/*.worker.ts).
 */
import { loadOptimizers } from './index';

await loadOptimizers();
