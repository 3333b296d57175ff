import { memo } from 'react';
import { useLocale } from '../../i18n';
import { max, scaleLinear } from 'd3';
import type { LayerActivation, LabSnapshot } from '../../worker/lab/protocol';
import { formatNumber } from '../format';
import { t } from './strings';

const W = 132;
const H = 54;

/** One layer's histogram as bar rectangles (D3 scales; React draws). */
function Histogram({ layer, data }: { layer: number; data: LayerActivation }) {
  const bins = data.histogram.length;
  const y = scaleLinear()
    .domain([0, max(data.histogram) || 1])
    .range([0, H - 16]);
  const bw = W / bins;
  const flat = Math.round(data.saturated * 100);
  const label = t('lab.histogramLabel', {
    layer: layer + 1,
    mean: formatNumber(data.mean, 3),
    std: formatNumber(data.std, 3),
    flat,
  });
  return (
    <figure className="lab-hist">
      <svg width={W} height={H} role="img" aria-label={label}>
        {data.histogram.map((count, i) => (
          <rect
            key={i}
            x={i * bw + 0.5}
            width={Math.max(0.5, bw - 1)}
            y={H - 14 - y(count)}
            height={y(count)}
            className="lab-hist-bar"
          />
        ))}
        <line x1={0} x2={W} y1={H - 13.5} y2={H - 13.5} className="lab-hist-axis" />
        <text x={0} y={H - 2} className="lab-hist-tick">
          {formatNumber(data.lo, 2)}
        </text>
        <text x={W} y={H - 2} textAnchor="end" className="lab-hist-tick">
          {formatNumber(data.hi, 2)}
        </text>
      </svg>
      <figcaption>
        {t(flat > 0 ? 'lab.histogramCaptionFlat' : 'lab.histogramCaption', {
          layer: layer + 1,
          std: formatNumber(data.std, 2),
          flat,
        })}
      </figcaption>
    </figure>
  );
}

/** Small multiples of the hidden layers' activation histograms (the output unit is left out). */
export const ActivationHistograms = memo(function ActivationHistograms({
  snapshot,
}: {
  snapshot: LabSnapshot | null;
}) {
  useLocale(); // memo would skip a language switch
  if (!snapshot) return null;
  const hidden = snapshot.activations.slice(0, -1);
  return (
    <div className="lab-hists">
      {hidden.map((data, l) => (
        <Histogram key={l} layer={l} data={data} />
      ))}
    </div>
  );
});
