import { useDescent } from '../../state/store';
import type { HoverTarget } from './nearestPoint';
import { t } from '../../i18n';
import { formatNumber, formatPair } from '../format';
import { optimizerName } from '../names';
import { optimizerStyle } from '../palette';
import type { Projection } from './projection';

/** Step, position, loss, gradient and the update taken there, for the hovered point. */
export function HoverCard(props: { target: HoverTarget; projection: Projection }) {
  const { target, projection } = props;
  const scene = useDescent((s) => s.scene);
  const trajectories = useDescent((s) => s.trajectories);
  const surface = useDescent((s) => s.surface);
  const config = scene.optimizers[target.index];
  const tr = trajectories[target.index];
  if (!config || !tr || target.step >= tr.length) return null;
  const k = target.step;
  const x = tr.points[2 * k]!;
  const y = tr.points[2 * k + 1]!;
  const g = new Float64Array(2);
  const loss = surface.grad(x, y, g);
  const hasNext = k + 1 < tr.length;
  const [sx, sy] = projection.toScreen([x, y]);
  const style = optimizerStyle(config, target.index);
  const left = sx > projection.width - 220 ? sx - 214 : sx + 14;
  const top = Math.min(Math.max(4, sy - 20), projection.height - 130);
  return (
    <div className="hover-card" role="status" style={{ left, top, borderColor: style.color }}>
      <div className="hover-title">
        <span className="swatch" style={{ background: style.color }} />
        {optimizerName(scene.optimizers, target.index)} · {t('hover.step', { step: k })}
      </div>
      <dl>
        <dt>{t('hover.position')}</dt>
        <dd>{formatPair(x, y)}</dd>
        <dt>{t('hover.loss')}</dt>
        <dd>{formatNumber(loss)}</dd>
        <dt>{t('hover.gradient')}</dt>
        <dd>{formatPair(g[0]!, g[1]!)}</dd>
        {hasNext && (
          <>
            <dt>{t('hover.update')}</dt>
            <dd>{formatPair(tr.points[2 * k + 2]! - x, tr.points[2 * k + 3]! - y)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
