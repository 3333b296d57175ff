import { memo } from 'react';
import { t, useLocale } from '../../i18n';
import type { SurfaceLayer } from '../../engine/contours/types';
import { formatNumber } from '../format';
import { heatColor } from '../palette';

/** The colour key: one swatch per band with the level values between them. */
export const Legend = memo(function Legend(props: { layer: SurfaceLayer | null }) {
  useLocale(); // memo would skip a language switch
  const { layer } = props;
  if (!layer || layer.thresholds.length === 0) return <div className="legend" />;
  const n = layer.thresholds.length + 1;
  const labelEvery = Math.ceil(layer.thresholds.length / 6);
  return (
    <div className="legend" aria-label={t('map.legend')}>
      <span className="legend-name">{t('map.legend')}</span>
      <div className="legend-bar">
        {Array.from({ length: n }, (_, b) => (
          <span
            key={b}
            className="legend-swatch"
            style={{ background: heatColor(n > 1 ? b / (n - 1) : 0) }}
          />
        ))}
      </div>
      <div className="legend-labels">
        {layer.thresholds.map((v, i) =>
          i % labelEvery === 0 ? (
            <span key={i} style={{ left: `${((i + 1) / n) * 100}%` }}>
              {formatNumber(v, 2)}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
});
