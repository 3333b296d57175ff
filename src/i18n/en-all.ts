/**
 * All English texts in one object, for tests and tools that read the catalogue whole (the app
 * itself loads ./en first and ./en-more after the first paint; see ./index).
 */
import { en } from './en';
import type { Messages } from './en';
import { enMore } from './en-more';

export const enAll: Messages = { ...en, ...enMore };
