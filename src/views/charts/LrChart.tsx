import { StepChart } from './StepChart';
import type { StepChartText } from './StepChart';
import { chartText } from './strings';
import type { ChartProps } from './types';

/** Read at render time so a language switch shows on the next render. */
function lrText(): StepChartText {
  return {
    title: chartText('chart.lr.title'),
    axisLog: chartText('chart.lr.axis.log'),
    axisSymlog: chartText('chart.lr.axis.symlog'),
  };
}

function momentumText(): StepChartText {
  return {
    title: chartText('chart.momentum.title'),
    axisLog: chartText('chart.momentum.axis.log'),
    axisSymlog: chartText('chart.momentum.axis.symlog'),
  };
}

/** The learning rate each step used (after its schedule), one line per optimizer. */
export function LrChart(props: ChartProps) {
  return <StepChart {...props} text={lrText()} />;
}

/** The momentum or β1 each step used, for optimizers whose schedule cycles it (one-cycle, cyclic). */
export function MomentumChart(props: ChartProps) {
  return <StepChart {...props} text={momentumText()} />;
}
