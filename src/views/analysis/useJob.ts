import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { AnalysisCancelledError } from '../../worker/analysis/client';
import type { AnalysisClient, AnalysisProgress } from '../../worker/analysis/client';
import { createAnalysisClient } from '../../worker/analysis/spawn';
import type { AnalysisJob, AnalysisResults } from '../../worker/analysis/protocol';

/** Where a panel's job stands. */
export interface JobState<R> {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  /** The last finished result and the key it was computed for. */
  readonly result: R | null;
  readonly resultKey: string | null;
  readonly error: string | null;
}

/** One worker per panel, stopped when the panel closes. */
export function useAnalysisClient(): AnalysisClient {
  const client = useMemo(() => createAnalysisClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  return client;
}

/**
 * Runs `job` (after `delayMs`, so a slider drag does not start a run per pixel) whenever `key`
 * changes; a newer key cancels the running job. `job` null: nothing to run.
 */
export function useAnalysisJob<J extends AnalysisJob>(
  client: AnalysisClient,
  key: string,
  job: J | null,
  options: {
    delayMs?: number;
    onProgress?: (progress: AnalysisProgress) => void;
    onResult?: (result: AnalysisResults[J['kind']]) => void;
  } = {},
): JobState<AnalysisResults[J['kind']]> {
  const [state, setState] = useState<JobState<AnalysisResults[J['kind']]>>({
    running: false,
    done: 0,
    total: 0,
    result: null,
    resultKey: null,
    error: null,
  });
  const jobRef = useRef(job);
  const progressRef = useRef(options.onProgress);
  const resultRef = useRef(options.onResult);
  // The latest job and callbacks, read by the effect below without restarting it.
  useLayoutEffect(() => {
    jobRef.current = job;
    progressRef.current = options.onProgress;
    resultRef.current = options.onResult;
  });
  const delay = options.delayMs ?? 250;

  useEffect(() => {
    const current = jobRef.current;
    if (!current) return;
    let live = true;
    setState((s) => ({ ...s, running: true, done: 0, total: 0, error: null }));
    const timer = setTimeout(() => {
      client
        .run(current, (progress) => {
          if (!live) return;
          progressRef.current?.(progress);
          setState((s) => ({ ...s, done: progress.done, total: progress.total }));
        })
        .then(
          (result) => {
            if (!live) return;
            resultRef.current?.(result);
            setState((s) => ({ ...s, running: false, result, resultKey: key, error: null }));
          },
          (error: unknown) => {
            if (!live || error instanceof AnalysisCancelledError) return;
            setState((s) => ({
              ...s,
              running: false,
              error: error instanceof Error ? error.message : String(error),
            }));
          },
        );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
      client.cancel();
    };
  }, [client, key, delay]);
  return state;
}

/** The part of an optimizer config an analysis depends on besides its lr (display fields dropped). */
export function tuningKey(config: object): string {
  const rest: Record<string, unknown> = { ...config };
  delete rest.lr;
  delete rest.label;
  delete rest.color;
  delete rest.hidden;
  return JSON.stringify(rest);
}
