import { memo } from 'react';
import { useLocale } from '../../i18n';
import type { LabSnapshot } from '../../worker/lab/protocol';
import { formatNorm, logNorm, normColor } from './gradients';
import { t } from './strings';

interface Props {
  snapshot: LabSnapshot | null;
  domain: readonly [number, number];
  selected: number;
  onSelect: (layer: number) => void;
}

/**
 * ‖∂L/∂W‖ per layer on a shared log scale, input side first. Each bar is a labelled button
 * carrying its value (aria-label and data-norm), so screen readers and tests read the numbers.
 */
export const GradientBars = memo(function GradientBars({
  snapshot,
  domain,
  selected,
  onSelect,
}: Props) {
  useLocale(); // memo would skip a language switch
  const norms = snapshot ? Array.from(snapshot.weightGradNorms) : [];
  const [lo, hi] = domain;
  return (
    <ol className="lab-bars" aria-label={t('lab.bars')}>
      {norms.map((norm, l) => {
        const fraction = Math.max(0.005, (logNorm(norm) - lo) / (hi - lo || 1));
        const label = t('lab.barLabel', { layer: l + 1, norm: formatNorm(norm) });
        return (
          <li key={l}>
            <button
              type="button"
              className={l === selected ? 'lab-bar lab-bar--selected' : 'lab-bar'}
              aria-pressed={l === selected}
              data-layer={l + 1}
              data-norm={norm}
              onClick={() => onSelect(l)}
            >
              {/* The full sentence is the name; the compact figures are for the eye. */}
              <span className="visually-hidden">{label}</span>
              <span className="lab-bar-name" aria-hidden="true">
                {l + 1}
              </span>
              <span className="lab-bar-track" aria-hidden="true">
                <span
                  className="lab-bar-fill"
                  style={{
                    width: `${Math.min(1, fraction) * 100}%`,
                    background: normColor(norm, domain),
                  }}
                />
              </span>
              <span className="lab-bar-value" aria-hidden="true">
                {formatNorm(norm)}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
});
