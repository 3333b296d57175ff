import { useState } from 'react';
import type { ChartSeries } from './types';

function sameSeries(a: ChartSeries, b: ChartSeries): boolean {
  return (
    a.values === b.values &&
    a.length === b.length &&
    a.hidden === b.hidden &&
    a.diverged === b.diverged &&
    a.color === b.color &&
    a.label === b.label &&
    a.dash.join(',') === b.dash.join(',')
  );
}

/** True when two series lists would draw the same lines (typed arrays compared by identity). */
export function sameSeriesList(a: readonly ChartSeries[], b: readonly ChartSeries[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameSeries(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * Returns the previous list while the lines it describes are unchanged, so a parent that
 * rebuilds the series array on every playback frame does not make the chart recompute its paths.
 */
export function useStableSeries(series: readonly ChartSeries[]): readonly ChartSeries[] {
  // React's "adjust state while rendering" pattern: keep the last distinct list in state.
  const [stable, setStable] = useState(series);
  if (!sameSeriesList(stable, series)) {
    setStable(series);
    return series;
  }
  return stable;
}
