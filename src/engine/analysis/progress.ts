/**
 * What long analyses share with the worker that hosts them: a cancellation flag read between runs
 * and a progress callback, both plain data so a DOM AbortSignal fits without depending on it.
 */

/** Cancellation checked between runs; an AbortSignal satisfies it structurally. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** Called after each finished run with how many are done out of how many planned. */
export type ProgressCallback = (done: number, total: number) => void;

/** The options every cancellable, progress-reporting analysis accepts. */
export interface Cancellable {
  /** Checked between runs; when it turns true the analysis stops and reports `aborted`. */
  readonly signal?: AbortFlag;
  /** Progress after each run. */
  readonly onProgress?: ProgressCallback;
}
