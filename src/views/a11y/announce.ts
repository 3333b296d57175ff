/**
 * What the live region says about the selected optimizer: its name, step, loss and position, or
 * that it diverged before this step. Pure, so the wording is tested without a page.
 */
import type { Scene, Trajectory } from '../../engine/types';
import { t } from '../../i18n';
import { formatNumber } from '../format';
import { optimizerName } from '../names';

/** The sentence for optimizer `selected` of `scene` at point `cursor` (empty when there is none). */
export function describePosition(
  scene: Scene,
  trajectories: readonly Trajectory[],
  selected: number,
  cursor: number,
): string {
  const config = scene.optimizers[selected];
  const path = trajectories[selected];
  if (!config || !path || path.length === 0) return '';
  const name = optimizerName(scene.optimizers, selected);
  const step = Math.max(0, Math.min(cursor, scene.steps));
  if (step >= path.length) {
    return t('a11y.diverged', { name, step, last: path.length - 1 });
  }
  return t('a11y.position', {
    name,
    step,
    steps: scene.steps,
    loss: formatNumber(path.losses[step]!, 4),
    x: formatNumber(path.points[2 * step]!, 4),
    y: formatNumber(path.points[2 * step + 1]!, 4),
  });
}
