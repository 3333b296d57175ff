/**
 * The lab's failures in the reader's language. The worker and its client fail with English
 * messages (an engine's RangeError, a crashed or hung worker); the lab shows none of that text
 * but the catalogue sentence for the kind of failure, chosen here. Views keep the key, not the
 * sentence, so a language switch re-says it.
 */
import { isWatchdogReason, WorkerCrashedError } from '../../worker/workerClient';
import type { LabStringKey } from './strings';

/** Every sentence a lab failure is said with. */
export const LAB_ERROR_KEYS = [
  'lab.failure.crashed',
  'lab.failure.timeout',
  'lab.failure.notTrained',
  'lab.failure.diverged',
  'lab.failure.needTraining',
  'lab.failure.unexpected',
] as const satisfies readonly LabStringKey[];

export type LabErrorKey = (typeof LAB_ERROR_KEYS)[number];

/** The sentence for a failure of the lab's worker or its client (not for cancels or stale runs). */
export function labErrorKey(error: unknown): LabErrorKey {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof WorkerCrashedError)
    return isWatchdogReason(message) ? 'lab.failure.timeout' : 'lab.failure.crashed';
  if (/nothing has been trained yet/.test(message)) return 'lab.failure.notTrained';
  if (/not finite|diverged/.test(message)) return 'lab.failure.diverged';
  if (/needs at least two snapshots|train first/.test(message)) return 'lab.failure.needTraining';
  return 'lab.failure.unexpected';
}

/** Whether a stored error text is one of the keys above (older text is shown as it is). */
export function isLabErrorKey(text: string): text is LabErrorKey {
  return (LAB_ERROR_KEYS as readonly string[]).includes(text);
}
