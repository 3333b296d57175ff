import { describe, expect, it } from 'vitest';
import { handleAnalysisRequest, transferablesOf } from './handlers';
import type { AnalysisReply, AnalysisResults, BasinResult } from './protocol';

describe('analysis handlers', () => {
  it('send the basin map row by row, and the rows add up to the final map', () => {
    const replies: AnalysisReply[] = [];
    handleAnalysisRequest(
      {
        id: 1,
        runId: 1,
        type: 'run',
        job: {
          kind: 'basins',
          surface: { id: 'himmelblau' },
          domain: { x: [-5, 5], y: [-5, 5] },
          size: 20,
          steps: 200,
          config: { type: 'sgd', lr: 0.01 },
        },
      },
      (reply) => replies.push(reply),
    );
    const rows = replies.flatMap((r) => (r.type === 'progress' && r.rows ? [r.rows] : []));
    expect(rows[0]!.fromRow).toBe(0);
    expect(rows.at(-1)!.toRow).toBe(20);
    const assembled = new Int16Array(400);
    for (const r of rows) assembled.set(r.labels, r.fromRow * 20);
    const last = replies.at(-1)!;
    expect(last.type).toBe('result');
    const result = (last as { result: BasinResult }).result;
    expect([...assembled]).toEqual([...result.labels]);
    // Himmelblau's four minima each own part of the square.
    expect(new Set([...result.labels].filter((l) => l >= 0)).size).toBe(4);
    // The labels travel as a transferable, not a copy.
    expect(transferablesOf(last)).toHaveLength(1);
  });

  it('stop between runs when the signal is raised, still answering', () => {
    const replies: AnalysisReply[] = [];
    const signal = { aborted: false };
    handleAnalysisRequest(
      {
        id: 2,
        runId: 2,
        type: 'run',
        job: {
          kind: 'sweep',
          surface: { id: 'quadratic' },
          start: [-4, 2],
          steps: 20,
          config: { type: 'sgd' },
          lrMin: 0.01,
          lrMax: 1,
          points: 50,
          criterion: { epsilon: 1e-3 },
        },
      },
      (reply) => {
        replies.push(reply);
        signal.aborted = true;
      },
      signal,
    );
    const last = replies.at(-1)!;
    if (last.type !== 'result' || last.kind !== 'sweep') throw new Error(`got ${last.type}`);
    const sweep = last.result as AnalysisResults['sweep'];
    expect(sweep.aborted).toBe(true);
    expect(sweep.rows.length).toBeLessThan(50);
  });
});
