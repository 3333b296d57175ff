/**
 * Vitest's setup: tests see the app as it is once everything has loaded. The lazily loaded
 * optimizer families and the expression compiler are registered (as the workers and the CLI
 * register them), and every English text is in (the app loads the part beyond the first screen
 * after the first paint; e2e/first-screen-texts.spec.ts and src/i18n test that loading itself).
 */
import './engine/optimizers/all';
import './engine/surfaces/expressions';
import { loadAllTexts } from './i18n';

await loadAllTexts();
