import { useId, useMemo, useState } from 'react';
import { linearChain } from '../../engine/nn/chain';
import { formatNumber } from '../format';
import { Tex } from '../formula/Tex';
import { linearChainTex } from './linearChainTex';
import { t } from './strings';

/** Note 000's three-layer linear chain with sliders for w₁…w₃ and every gradient with its numbers. */
export function LinearChainPanel() {
  const [weights, setWeights] = useState<readonly number[]>([0.5, 0.5, 0.5]);
  const [x, setX] = useState(1);
  const target = 0;
  const chain = useMemo(() => linearChain({ x, target, weights }), [x, weights]);
  const baseId = useId();
  return (
    <section className="lab-card lab-linear" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('lab.linearTitle')}</h2>
      <p className="lab-help">{t('lab.linearHelp')}</p>
      <div className="lab-linear-controls">
        {weights.map((w, i) => (
          <div className="lab-field" key={i}>
            <label htmlFor={`${baseId}-w${i}`}>
              {t('lab.linearWeight', { index: i + 1, value: formatNumber(w, 3) })}
            </label>
            <input
              id={`${baseId}-w${i}`}
              type="range"
              min={-2}
              max={2}
              step={0.05}
              value={w}
              onChange={(e) =>
                setWeights(weights.map((v, k) => (k === i ? Number(e.target.value) : v)))
              }
            />
          </div>
        ))}
        <div className="lab-field">
          <label htmlFor={`${baseId}-x`}>
            {t('lab.linearInput', { value: formatNumber(x, 3) })}
          </label>
          <input
            id={`${baseId}-x`}
            type="range"
            min={-2}
            max={2}
            step={0.05}
            value={x}
            onChange={(e) => setX(Number(e.target.value))}
          />
        </div>
      </div>
      <Tex tex={linearChainTex(chain, weights)} display />
      <p className="lab-help">
        {t('lab.linearLoss', {
          yhat: formatNumber(chain.outputs[weights.length]!, 4),
          loss: formatNumber(chain.loss, 4),
        })}
      </p>
    </section>
  );
}
