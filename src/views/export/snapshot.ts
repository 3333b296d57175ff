/** What the map shows right now, read from the store and the map's plot size on screen. */
import { visibleDomain } from '../../state/engine';
import { usePresent } from '../../state/present';
import { useDescent } from '../../state/store';
import { useTheme } from '../theme/theme';
import { plotSize } from '../map/MapView';
import { makeProjection } from '../map/projection';
import type { MapSnapshot } from './svg';

/** The current map as a snapshot (null before the first surface layer has arrived). */
export function currentSnapshot(): MapSnapshot | null {
  const s = useDescent.getState();
  if (!s.layer) return null;
  const domain = visibleDomain(s);
  const plot = document.querySelector<HTMLElement>('[data-testid="map-plot"]');
  const size =
    plot && plot.clientWidth > 0 && plot.clientHeight > 0
      ? { width: plot.clientWidth, height: plot.clientHeight }
      : plotSize(domain, 720, 480);
  const quiverPath = s.quiver
    ? (document.querySelector('.map-overlay .quiver')?.getAttribute('d') ?? null)
    : null;
  // The glyph layer, when on, as drawn (its labels measured and placed on screen).
  const layer = plot?.querySelector<SVGSVGElement>('svg.map-glyphs');
  const glyphs = layer
    ? {
        markup: [...layer.children]
          .map((child) => new XMLSerializer().serializeToString(child))
          .join(''),
        fontSize: Number.parseFloat(getComputedStyle(layer).fontSize) || 13,
      }
    : null;
  return {
    glyphs,
    scene: s.scene,
    surface: s.surface,
    layer: s.layer,
    trajectories:
      s.trajectoriesScene === s.scene
        ? s.trajectories
        : s.trajectories.slice(0, s.scene.optimizers.length),
    cursor: s.cursor,
    ghost: s.ghost,
    arrows: s.arrows,
    projection: makeProjection(domain, size.width, size.height),
    quiverPath,
    lineScale: usePresent.getState().lineScale,
    theme: useTheme.getState().resolved,
  };
}
