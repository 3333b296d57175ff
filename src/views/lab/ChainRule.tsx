import { memo, useId } from 'react';
import { useLocale } from '../../i18n';
import type { LabSnapshot } from '../../worker/lab/protocol';
import { Tex } from '../formula/Tex';
import { formatNumber } from '../format';
import { chainProduct, chainTex, noteChainTex } from './gradients';
import { t } from './strings';

/** The chain-rule product of the chosen layer, with this network's numbers. */
export const ChainRule = memo(function ChainRule(props: {
  snapshot: LabSnapshot | null;
  layer: number;
  layerCount: number;
}) {
  useLocale(); // memo would skip a language switch
  const { snapshot, layer, layerCount } = props;
  const i = Math.min(layer, layerCount - 1);
  const chain = snapshot ? chainProduct(snapshot, i) : null;
  const titleId = useId();
  return (
    <section className="lab-card lab-chain" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('lab.chain', { layer: i + 1 })}</h3>
      <p className="lab-help">{t('lab.chainHelp')}</p>
      <Tex tex={noteChainTex(i + 1, layerCount)} display />
      {chain && <Tex tex={chainTex(chain, i, layerCount)} display />}
      {chain && chain.factors.length > 0 && (
        <p className="lab-help">{t('lab.chainMean', { gain: formatNumber(chain.meanGain, 3) })}</p>
      )}
    </section>
  );
});
