/**
 * The analysis worker's work: plain functions over the engine's analyses, posting progress while
 * they run and one result at the end. The worker file and the main-thread fallback both call
 * {@link handleAnalysisRequest}.
 */
import { basinMap, lrSweep, race } from '../../engine/analysis';
import type { AbortFlag } from '../../engine/analysis';
import { resolveSurface } from '../../engine/surfaces';
import type { AnalysisReply, AnalysisRequest, AnalysisResults, AnalysisKind } from './protocol';

/** Progress is posted at most this often (ms), plus always at the end. */
const PROGRESS_MS = 50;

/** Runs one request, posting progress and then its result (or an error). */
export function handleAnalysisRequest(
  request: AnalysisRequest,
  post: (reply: AnalysisReply) => void,
  signal: AbortFlag = { aborted: false },
): void {
  const { id, runId, job } = request;
  try {
    const resolved = resolveSurface(job.kind === 'race' ? job.scene.surface : job.surface);
    if (!resolved.ok) throw new Error('the surface does not resolve');
    const surface = resolved.surface;
    let last = 0;
    const onProgress = (done: number, total: number): void => {
      const now = Date.now();
      if (done < total && now - last < PROGRESS_MS) return;
      last = now;
      post({ id, runId, type: 'progress', done, total });
    };
    const finish = <K extends AnalysisKind>(kind: K, result: AnalysisResults[K]): void =>
      post({ id, runId, type: 'result', kind, result });
    switch (job.kind) {
      case 'race':
        finish(
          'race',
          race(job.scene, surface, job.criterion, {
            coarsePoints: job.coarsePoints,
            refineRounds: job.refineRounds,
            refinePoints: job.refinePoints,
            signal,
            onProgress,
          }),
        );
        return;
      case 'sweep':
        finish(
          'sweep',
          lrSweep(surface, job.start, job.steps, job.config, {
            lrMin: job.lrMin,
            lrMax: job.lrMax,
            points: job.points,
            criterion: job.criterion,
            signal,
            onProgress,
          }),
        );
        return;
      case 'basins': {
        const t0 = Date.now();
        const map = basinMap(surface, job.domain, job.size, job.size, job.steps, job.config, {
          signal,
          rowsPerChunk: 8,
          onRows: (fromRow, toRow, labels) =>
            post({
              id,
              runId,
              type: 'progress',
              done: toRow,
              total: job.size,
              rows: {
                fromRow,
                toRow,
                labels: labels.slice(fromRow * job.size, toRow * job.size),
              },
            }),
        });
        finish('basins', {
          size: job.size,
          domain: job.domain,
          labels: map.labels,
          attractors: map.attractors,
          knownCount: map.knownCount,
          ms: Date.now() - t0,
        });
        return;
      }
    }
  } catch (error) {
    post({
      id,
      runId,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Buffers a reply can hand over instead of copying. */
export function transferablesOf(reply: AnalysisReply): Transferable[] {
  if (reply.type === 'progress' && reply.rows) return [reply.rows.labels.buffer as ArrayBuffer];
  if (reply.type === 'result' && reply.kind === 'basins') {
    const labels = (reply.result as AnalysisResults['basins']).labels;
    return [labels.buffer as ArrayBuffer];
  }
  return [];
}
