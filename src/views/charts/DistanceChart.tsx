import { StepChart } from './StepChart';
import type { StepChartText } from './StepChart';
import { chartText } from './strings';
import type { ChartProps } from './types';

/** Read at render time so a language switch shows on the next render. */
function text(): StepChartText {
  return {
    title: chartText('chart.distance.title'),
    axisLog: chartText('chart.distance.axis.log'),
    axisSymlog: chartText('chart.distance.axis.symlog'),
  };
}

/**
 * Distance from each optimizer to the nearest known minimum per step, on a log axis. Build the
 * values with `distanceSeries`; hide this chart when the surface has no known minima.
 */
export function DistanceChart(props: ChartProps) {
  return <StepChart {...props} text={text()} />;
}
