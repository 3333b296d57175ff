import { StepChart } from './StepChart';
import type { StepChartText } from './StepChart';
import { chartText } from './strings';
import type { ChartProps } from './types';

/** Read at render time so a language switch shows on the next render. */
function text(): StepChartText {
  return {
    title: chartText('chart.loss.title'),
    axisLog: chartText('chart.loss.axis.log'),
    axisSymlog: chartText('chart.loss.axis.symlog'),
  };
}

/** Loss per step for each optimizer on a log axis (symmetric log when losses go negative). */
export function LossChart(props: ChartProps) {
  return <StepChart {...props} text={text()} />;
}
