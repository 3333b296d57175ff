/** One line of the benchmark table printed by `npm run bench` and written to bench/results.json. */
export interface BenchRow {
  /** What was measured, e.g. 'engine: adam steps/s vs hand-written loop'. */
  readonly name: string;
  /** The figure itself. */
  readonly value: number;
  /** Unit of `value`, e.g. 'steps/s', 'ms', 'x', 'KB'. */
  readonly unit: string;
  /** The budget as text, e.g. '>= 0.5x' (absent when the row is informational). */
  readonly budget?: string;
  /** Whether the figure meets the budget (absent when there is none). */
  readonly pass?: boolean;
  /** Extra context, e.g. the baseline's raw figure. */
  readonly detail?: string;
}

/** A benchmark module: `bench/run.ts` calls each and prints the rows. */
export type BenchSuite = () => Promise<readonly BenchRow[]>;
